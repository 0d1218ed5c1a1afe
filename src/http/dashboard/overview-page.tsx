/** @jsxImportSource hono/jsx */
import type { Tenant } from '../../tenants/tenant.js';
import { ClockPanel } from './clock-panel.js';
import { ActionForm, Layout, type PageContext } from './layout.js';

/** A tenant at a glance: clock, scenario settings and outcome queue, fault rules, rate limits. */
export function OverviewPage(props: { page: PageContext; tenant: Tenant; back: string }) {
  const { page, tenant } = props;
  const { engine, faults, rateLimits, world } = tenant;
  const scenarios = [...engine.catalogue.values()].sort((a, b) => a.name.localeCompare(b.name));
  const outcomes = engine.outcomes();
  const rules = faults.list();
  const settings = rateLimits.settings();
  const tokens = [...world.directory.tokens.values()];
  return (
    <Layout page={page} title="Overview" current="overview">
      <ClockPanel page={page} tenant={tenant} back={props.back} />
      <section aria-labelledby="scenarios-heading" id="scenarios-region" data-live>
        <h2 id="scenarios-heading">Scenarios and the outcome queue</h2>
        <p>
          Default scenario: <strong>{engine.defaultScenario()}</strong>. A new task follows, in this order: the next queued outcome, a
          <code>[emulator:scenario=…]</code> directive in its prompt, the <code>X-Emulator-Scenario</code> header, its repository's
          default, the default.
        </p>
        <h3>Outcome queue</h3>
        {outcomes.length === 0 ? (
          <p>Empty: new tasks choose their scenario as above.</p>
        ) : (
          <ol id="outcome-queue">
            {outcomes.map((o) => (
              <li>{o}</li>
            ))}
          </ol>
        )}
        <ActionForm action={`${page.base}/outcomes`} back={props.back} label="Queue">
          <label>
            Scenario for the next task
            <select name="scenario">
              {scenarios.map((s) => (
                <option value={s.name}>{s.name}</option>
              ))}
            </select>
          </label>
        </ActionForm>
        {outcomes.length > 0 ? <ActionForm action={`${page.base}/outcomes/clear`} back={props.back} label="Clear the queue" /> : ''}
        <details>
          <summary>Scenarios ({scenarios.length})</summary>
          <dl>
            {scenarios.map((s) => (
              <>
                <dt>{s.name}</dt>
                <dd>{s.description}</dd>
              </>
            ))}
          </dl>
        </details>
      </section>
      <section aria-labelledby="faults-heading" id="faults-region" data-live>
        <h2 id="faults-heading">Fault rules</h2>
        {rules.length === 0 ? (
          <p>None: no request is faulted.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Id</th>
                <th scope="col">Does</th>
                <th scope="col">Matches</th>
                <th scope="col">When</th>
                <th scope="col">Matched</th>
                <th scope="col">Fired</th>
              </tr>
            </thead>
            <tbody>
              {rules.map((r) => (
                <tr>
                  <td>
                    {r.id}
                    {r.description ? <div class="note">{r.description}</div> : ''}
                  </td>
                  <td>{r.kind}</td>
                  <td>
                    <code>{JSON.stringify(r.match ?? {})}</code>
                  </td>
                  <td>
                    <code>{JSON.stringify(r.when ?? {})}</code>
                  </td>
                  <td>{r.matched}</td>
                  <td>{r.fired}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="rate-heading" id="rate-region" data-live>
        <h2 id="rate-heading">Rate limits</h2>
        <p>
          Primary: answered with {settings.primary.status} once spent, windows of {settings.primary.windowSeconds} s. Secondary:{' '}
          {settings.secondary.limit === null
            ? 'off'
            : `${settings.secondary.limit} content-creating requests per ${settings.secondary.windowSeconds} s, then ${settings.secondary.status} with retry-after ${settings.secondary.retryAfterSeconds} s`}
          .
        </p>
        <table>
          <thead>
            <tr>
              <th scope="col">Token</th>
              <th scope="col">Kind</th>
              <th scope="col">User</th>
              <th scope="col">Limit</th>
              <th scope="col">Used</th>
              <th scope="col">Remaining</th>
              <th scope="col">Resets</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => {
              const s = rateLimits.status(t.value, t.rateLimit);
              return (
                <tr>
                  <td>{t.name ?? '(unnamed)'}</td>
                  <td>{t.kind}</td>
                  <td>{t.user.login}</td>
                  <td>{s.limit}</td>
                  <td>{s.used}</td>
                  <td>{s.remaining}</td>
                  <td>{new Date(s.reset * 1000).toISOString()}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </Layout>
  );
}
