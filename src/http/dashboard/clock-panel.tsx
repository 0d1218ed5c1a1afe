/** @jsxImportSource hono/jsx */
import type { Tenant } from '../../tenants/tenant.js';
import { ActionForm, iso, type PageContext } from './layout.js';

/** The clock's buttons: label, and how far each moves it. */
const ADVANCES = [
  ['+5 s', '5s'],
  ['+1 m', '1m'],
  ['+10 m', '10m'],
  ['To the next due step', 'next'],
] as const;

/** The tenant clock: mode, now, and buttons to move it (+5 s, +1 m, +10 m, to the next due step). */
export function ClockPanel(props: { page: PageContext; tenant: Tenant; back: string }) {
  const { clock, engine } = props.tenant;
  const next = engine.nextDueAt();
  const action = `${props.page.base}/clock/advance`;
  return (
    <section aria-labelledby="clock-heading" id="clock-region" data-live>
      <h2 id="clock-heading">Clock</h2>
      <p>
        <strong>{clock.mode}</strong>
        {clock.mode === 'manual' ? ' (frozen: time moves only when advanced)' : clock.mode === 'scaled' ? ` (x${clock.scale})` : ''}, now{' '}
        <time id="clock-now" datetime={iso(clock.now())}>
          {iso(clock.now())}
        </time>
        . Next due step: {next === undefined ? 'none waiting on the clock' : <time datetime={iso(next)}>{iso(next)}</time>}
      </p>
      {ADVANCES.map(([label, by]) => (
        <ActionForm action={action} back={props.back} label={label}>
          <input type="hidden" name="by" value={by} />
        </ActionForm>
      ))}
    </section>
  );
}
