import { Hono, type Context } from 'hono';
import {
  createTaskInRepo,
  getTaskById,
  getTaskByRepoAndId,
  listTasks,
  listTasksForRepo,
} from '../../domain/agent-tasks.js';
import type { TaskPage } from '../../store/task-store.js';
import type { OperationId } from '../shared/api-types.js';
import { authenticate } from '../shared/authenticate.js';
import { countRateLimit, refundNotModified } from '../shared/count-rate-limit.js';
import type { BodyResult } from './create-task-body.js';
import type { ApiEnv } from '../shared/env.js';
import { readLimitedText } from '../shared/limit-body.js';
import { buildLinkHeader, type LinkStyle } from '../shared/link-header.js';
import { parseListQuery } from './list-query.js';
import { MESSAGES } from '../shared/messages.js';
import { createPresentCache } from './present-cache.js';
import { createIsoSeconds, presentTask, type UrlBases } from './present-task.js';
import { respondError, respondJson, respondPresented } from '../shared/respond.js';
import type { ParsedList } from './list-query.js';

export interface AgentTasksRouteOptions {
  docsUrl: Record<OperationId, string>;
  parseCreateBody: (text: string) => BodyResult;
  webBaseUrl: string;
  linkStyle: LinkStyle;
  maxBodyBytes: number;
}

/** Request header naming the scenario a new task should follow (engine/choose-scenario.ts). */
export const SCENARIO_HEADER = 'x-emulator-scenario';

/** The five operations of GitHub's Agent Tasks API. */
export function createAgentTasksRoutes(options: AgentTasksRouteOptions): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  const cache = createPresentCache();
  const iso = createIsoSeconds();
  // Every operation authenticates and counts against the rate limit first; a 304 is given back.
  const operation = <P extends string>(
    method: 'GET' | 'POST',
    path: P,
    id: OperationId,
    handle: (c: Context<ApiEnv, P>) => Response | Promise<Response>,
  ) => {
    routes.on(method, path, async (c) => {
      c.set('docsUrl', options.docsUrl[id]);
      const refused = authenticate(c) ?? countRateLimit(c);
      if (refused) return refused;
      return refundNotModified(c, await handle(c as Context<ApiEnv, P>));
    });
  };
  const bases = (c: Context<ApiEnv>): UrlBases => ({ api: c.get('apiBase'), web: options.webBaseUrl });
  // The query is parsed once per list request and read both for the filters and for the links.
  const searchOf = (c: Context<ApiEnv>) => {
    const url = c.req.url;
    const q = url.indexOf('?');
    return new URLSearchParams(q === -1 ? '' : url.slice(q + 1));
  };
  const readList = (search: URLSearchParams, allowCreatorId: boolean) =>
    parseListQuery({ get: (n) => search.get(n) ?? undefined, all: (n) => search.getAll(n) }, allowCreatorId);
  const answerList = (c: Context<ApiEnv>, search: URLSearchParams, list: ParsedList, page: TaskPage) => {
    const link = buildLinkHeader({
      base: `${c.get('apiBase')}${c.get('tenantPath').rest}`,
      query: search,
      page: list.page,
      perPage: list.perPage,
      matched: page.matched,
      style: options.linkStyle,
    });
    return respondPresented(c, cache.list(page, bases(c)), link ? { link } : {});
  };

  operation('GET', '/agents/repos/:owner/:repo/tasks', 'agent-tasks/list-tasks-for-repo', (c) => {
    const search = searchOf(c);
    const list = readList(search, true);
    if ('problems' in list) return respondError(c, 422, MESSAGES.validationFailed, undefined, list.problems);
    const page = listTasksForRepo(c.get('world'), c.get('caller'), c.req.param('owner'), c.req.param('repo'), list.options);
    return answerList(c, search, list, page);
  });

  operation('POST', '/agents/repos/:owner/:repo/tasks', 'agent-tasks/create-task-in-repo', async (c) => {
    const text = await readLimitedText(c, options.maxBodyBytes);
    // The rest of an oversized body is never read, so the connection cannot carry another request.
    if (text === undefined) return respondError(c, 413, MESSAGES.bodyTooLarge, undefined, undefined, { connection: 'close' });
    const parsed = options.parseCreateBody(text);
    if (!parsed.ok) return respondError(c, parsed.status, parsed.message, undefined, parsed.problems);
    const input = parsed.input;
    input.headerScenario = c.req.header(SCENARIO_HEADER);
    const task = createTaskInRepo(c.get('world'), c.get('caller'), c.req.param('owner'), c.req.param('repo'), input);
    const body = presentTask(task, bases(c), iso);
    return respondJson(c, 201, body, { location: body.url ?? '' });
  });

  operation('GET', '/agents/repos/:owner/:repo/tasks/:task_id', 'agent-tasks/get-task-by-repo-and-id', (c) => {
    const task = getTaskByRepoAndId(c.get('world'), c.get('caller'), c.req.param('owner'), c.req.param('repo'), c.req.param('task_id'));
    return respondPresented(c, cache.full(task, bases(c)));
  });

  operation('GET', '/agents/tasks', 'agent-tasks/list-tasks', (c) => {
    const search = searchOf(c);
    const list = readList(search, false);
    if ('problems' in list) return respondError(c, 422, MESSAGES.validationFailed, undefined, list.problems);
    return answerList(c, search, list, listTasks(c.get('world'), c.get('caller'), list.options));
  });

  operation('GET', '/agents/tasks/:task_id', 'agent-tasks/get-task-by-id', (c) => {
    const task = getTaskById(c.get('world'), c.get('caller'), c.req.param('task_id'));
    return respondPresented(c, cache.full(task, bases(c)));
  });

  return routes;
}
