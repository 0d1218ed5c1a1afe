/** @jsxImportSource hono/jsx */
import { timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { isTaskState, type TaskState } from '../../model/task-record.js';
import { durationFrom } from '../../engine/duration.js';
import type { EngineResult } from '../../engine/scenario-engine.js';
import type { ApiEnv } from '../shared/env.js';
import { readLimitedText } from '../shared/limit-body.js';
import { hasControlToken } from '../shared/control-token.js';
import type { JournalFilter } from '../../tenants/journal.js';
import type { TenantRegistry } from '../../tenants/tenant-registry.js';
import { JournalEntryPage, JournalPage } from './journal-page.js';
import type { PageContext } from './layout.js';
import { DASHBOARD_CSS, LIVE_SCRIPT } from './live-script.js';
import { OverviewPage } from './overview-page.js';
import { TaskPage } from './task-page.js';
import { TasksPage } from './tasks-page.js';
import type { TaskFilter } from './task-rows.js';
import { LoginPage, TenantsPage } from './tenants-page.js';

export interface DashboardOptions {
  tenants: TenantRegistry;
  /** With a control token the dashboard asks for it, and shows and does nothing without it. */
  controlToken?: string;
}

const COOKIE = 'emulator_control_token';
/** Form bodies are a few fields. */
const FORM_LIMIT = 16 * 1024;

/**
 * The dashboard under /_emulator/ui (and /t/{tenant}/_emulator/ui): Hono JSX pages, plain forms
 * that post to the routes below and come back (303), and one small script that keeps marked
 * regions live (live-script.ts). docs/dashboard.md says what it shows.
 */
export function createDashboardRoutes(options: DashboardOptions): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  const pageOf = (c: Context<ApiEnv>): PageContext => {
    const name = c.get('tenant').name;
    const prefix = c.req.path.startsWith('/t/') ? `/t/${encodeURIComponent(name)}` : '';
    return { base: `${prefix}/_emulator/ui`, prefix, tenant: name };
  };
  /** Where to come back to: a dashboard path of this tenant only (no open redirect). */
  const backTo = (c: Context<ApiEnv>, back: string | null) => {
    const base = pageOf(c).base;
    return back !== null && (back === base || back.startsWith(`${base}/`) || back.startsWith(`${base}?`)) ? back : base;
  };
  const here = (c: Context<ApiEnv>) => {
    const url = new URL(c.req.url);
    return `${url.pathname}${url.search}`;
  };
  const render = async (c: Context<ApiEnv>, page: { toString(): string | Promise<string> }, status: 200 | 401 | 404 | 409 = 200) =>
    c.html(`<!DOCTYPE html>${await page.toString()}`, status, { 'cache-control': 'no-store' });

  routes.get('/ui/assets/dashboard.css', (c) => c.body(DASHBOARD_CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'max-age=300' }));
  routes.get('/ui/assets/live.js', (c) => c.body(LIVE_SCRIPT, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'max-age=300' }));

  const token = options.controlToken;
  const allowed = (c: Context<ApiEnv>) => token === undefined || hasControlToken(c, token) || same(getCookie(c, COOKIE), token);
  routes.post('/ui/login', async (c) => {
    const form = await readForm(c);
    if (token !== undefined && !same(form.get('token') ?? undefined, token)) {
      return render(c, <LoginPage page={pageOf(c)} failed={true} back={backTo(c, form.get('back'))} />, 401);
    }
    if (token !== undefined) setCookie(c, COOKIE, token, { path: '/', httpOnly: true, sameSite: 'Strict' });
    return c.redirect(backTo(c, form.get('back')), 303);
  });
  routes.use('/ui/*', async (c, next) => {
    if (allowed(c)) return next();
    return render(c, <LoginPage page={pageOf(c)} failed={false} back={here(c)} />, 401);
  });
  routes.use('/ui', async (c, next) => {
    if (allowed(c)) return next();
    return render(c, <LoginPage page={pageOf(c)} failed={false} back={here(c)} />, 401);
  });

  routes.get('/ui', (c) => {
    c.get('tenant').engine.settle();
    return render(c, <OverviewPage page={pageOf(c)} tenant={c.get('tenant')} back={here(c)} />);
  });
  routes.get('/ui/tasks', (c) => {
    c.get('tenant').engine.settle();
    const state = c.req.query('state');
    const archived = c.req.query('archived');
    const filter: TaskFilter = {
      repository: c.req.query('repository') || undefined,
      state: state && isTaskState(state) ? state : undefined,
      archived: archived === 'yes' || archived === 'all' ? archived : 'no',
    };
    return render(c, <TasksPage page={pageOf(c)} tenant={c.get('tenant')} filter={filter} back={here(c)} />);
  });
  routes.get('/ui/tasks/:task_id', (c) => {
    const tenant = c.get('tenant');
    tenant.engine.settle();
    const task = tenant.world.store.get(c.req.param('task_id'));
    if (!task) return render(c, <NotFound page={pageOf(c)} what="task" />, 404);
    return render(c, <TaskPage page={pageOf(c)} tenant={tenant} task={task} back={here(c)} problem={c.req.query('problem')} />);
  });
  routes.get('/ui/journal', (c) => {
    const status = Number(c.req.query('status'));
    const filter: JournalFilter = {
      method: c.req.query('method') || undefined,
      path: c.req.query('path') || undefined,
      status: Number.isInteger(status) && status > 0 ? status : undefined,
      user: c.req.query('user') || undefined,
      body: c.req.query('body') || undefined,
    };
    const { journal } = c.get('tenant');
    return render(c, <JournalPage page={pageOf(c)} entries={journal.list(filter)} filter={filter} capacity={journal.capacity} />);
  });
  routes.get('/ui/journal/:id', (c) => {
    const id = Number(c.req.param('id'));
    const entry = c.get('tenant').journal.list().find((e) => e.id === id);
    return entry ? render(c, <JournalEntryPage page={pageOf(c)} entry={entry} />) : render(c, <NotFound page={pageOf(c)} what="request (it may have left the journal)" />, 404);
  });
  routes.get('/ui/tenants', (c) => render(c, <TenantsPage page={pageOf(c)} tenants={options.tenants.all()} />));

  // Levers. Each does what its control endpoint does, then comes back to the page it was pulled on.
  routes.post('/ui/clock/advance', async (c) => {
    const form = await readForm(c);
    const { clock, engine } = c.get('tenant');
    engine.settle();
    const by = form.get('by') ?? '';
    const next = engine.nextDueAt();
    const ms = by === 'next' ? (next === undefined ? 0 : Math.max(0, next - clock.now())) : durationFrom(by);
    if (ms !== undefined && ms > 0) clock.advance(ms);
    engine.settle();
    return c.redirect(backTo(c, form.get('back')), 303);
  });
  routes.post('/ui/outcomes', async (c) => {
    const form = await readForm(c);
    c.get('tenant').engine.queueOutcomes([form.get('scenario') ?? '']);
    return c.redirect(backTo(c, form.get('back')), 303);
  });
  routes.post('/ui/outcomes/clear', async (c) => {
    const form = await readForm(c);
    c.get('tenant').engine.clearOutcomes();
    return c.redirect(backTo(c, form.get('back')), 303);
  });
  const lever = (act: (c: Context<ApiEnv>, id: string, form: URLSearchParams) => EngineResult) => async (c: Context<ApiEnv>) => {
    const form = await readForm(c);
    const id = c.req.param('task_id')!;
    const result = act(c, id, form);
    const back = backTo(c, form.get('back'));
    if (result.ok) return c.redirect(back, 303);
    // The refusal is shown on the task's page, as the control API's 409 says it.
    const page = `${pageOf(c).base}/tasks/${encodeURIComponent(id)}?problem=${encodeURIComponent(result.message)}`;
    return c.redirect(result.reason === 'not_found' ? back : page, 303);
  };
  const engine = (c: Context<ApiEnv>) => c.get('tenant').engine;
  routes.post(
    '/ui/tasks/:task_id/state',
    lever((c, id, form) => {
      const state = form.get('state') ?? '';
      return isTaskState(state) ? engine(c).move(id, state as TaskState) : { ok: false, reason: 'conflict', message: `unknown state ${state}` };
    }),
  );
  routes.post('/ui/tasks/:task_id/cancel', lever((c, id) => engine(c).move(id, 'cancelled', 'cancel')));
  routes.post('/ui/tasks/:task_id/answer', lever((c, id, form) => engine(c).answer(id, form.get('prompt') || 'Answered from the dashboard')));
  routes.post('/ui/tasks/:task_id/follow-up', lever((c, id, form) => engine(c).followUp(id, form.get('prompt') || 'Follow-up from the dashboard')));
  routes.post('/ui/tasks/:task_id/archive', lever((c, id) => engine(c).setArchived(id, true)));
  routes.post('/ui/tasks/:task_id/unarchive', lever((c, id) => engine(c).setArchived(id, false)));
  return routes;
}

function NotFound(props: { page: PageContext; what: string }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>Not found · agent-tasks-emulator</title>
      </head>
      <body>
        <main>
          <h1>No such {props.what}</h1>
          <p>
            <a href={props.page.base}>Back to the dashboard</a>
          </p>
        </main>
      </body>
    </html>
  );
}

async function readForm(c: Context<ApiEnv>): Promise<URLSearchParams> {
  return new URLSearchParams((await readLimitedText(c, FORM_LIMIT)) ?? '');
}

function same(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
