/** @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import type { TaskState } from '../../model/task-record.js';

export interface PageContext {
  /** The dashboard's own path: /_emulator/ui or /t/{tenant}/_emulator/ui. */
  base: string;
  /** The tenant's path prefix: '' or /t/{tenant}. */
  prefix: string;
  tenant: string;
}

type Section = 'overview' | 'tasks' | 'journal' | 'tenants';

export function Layout(props: { page: PageContext; title: string; current?: Section; children?: Child }) {
  const { page } = props;
  const link = (section: Section, href: string, text: string) => (
    <li>
      <a href={href} aria-current={props.current === section ? 'page' : undefined}>
        {text}
      </a>
    </li>
  );
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${page.tenant} · agent-tasks-emulator`}</title>
        <link rel="stylesheet" href={`${page.base}/assets/dashboard.css`} />
        <script src={`${page.base}/assets/live.js`} defer></script>
      </head>
      <body>
        <header>
          <strong>agent-tasks-emulator</strong>
          <span>
            tenant <strong>{page.tenant}</strong>
          </span>
          <nav aria-label="Dashboard">
            <ul>
              {link('overview', `${page.base}`, 'Overview')}
              {link('tasks', `${page.base}/tasks`, 'Tasks')}
              {link('journal', `${page.base}/journal`, 'Request journal')}
              {link('tenants', `${page.base}/tenants`, 'Tenants')}
            </ul>
          </nav>
          <button type="button" id="live-toggle" aria-pressed="false">
            Pause live updates
          </button>
          <span id="live-status" class="note" role="status"></span>
        </header>
        <main>
          <h1>{props.title}</h1>
          {props.children}
        </main>
      </body>
    </html>
  );
}

export function StateBadge(props: { state: TaskState | null }) {
  return props.state === null ? <span>(new)</span> : <span class={`state state-${props.state}`}>{props.state}</span>;
}

/** A POST form with a hidden `back` (where to return) and one button. */
export function ActionForm(props: { action: string; back: string; label: string; children?: Child }) {
  return (
    <form method="post" action={props.action} class="inline">
      <input type="hidden" name="back" value={props.back} />
      {props.children}
      <button type="submit">{props.label}</button>
    </form>
  );
}

export const iso = (ms: number | null | undefined): string => (ms === null || ms === undefined ? '' : new Date(ms).toISOString());
