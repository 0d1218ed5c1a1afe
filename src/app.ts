import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { DomainError } from './domain/errors.js';
import { createAgentTasksRoutes } from './http/agent-tasks/agent-tasks-routes.js';
import { createTaskBodyParser } from './http/agent-tasks/create-task-body.js';
import { createControlRoutes } from './http/control/control-routes.js';
import type { ApiEnv } from './http/shared/env.js';
import type { LinkStyle } from './http/shared/link-header.js';
import { GENERIC_DOCS_URL, MESSAGES, stateNotSavedMessage } from './http/shared/messages.js';
import { StateFileBroken, StateWriteError } from './persistence/state-write-errors.js';
import { respondError } from './http/shared/respond.js';
import { readSpecOperations } from './http/shared/spec-operations.js';
import { isClientGone, isConnectionFault } from './http/shared/connection-fault.js';
import { apiVersion } from './http/middleware/api-version.js';
import { injectFaults } from './http/middleware/inject-faults.js';
import { journalRequests } from './http/middleware/record-journal.js';
import { standardHeaders } from './http/middleware/standard-headers.js';
import { createNewTenantGate } from './http/middleware/new-tenant-gate.js';
import { resolveTenant } from './http/middleware/tenant.js';
import { createControlFaultsRoutes } from './http/control/control-faults-routes.js';
import { createControlRateLimitsRoutes } from './http/control/control-rate-limits-routes.js';
import { createRateLimitRoute } from './http/rate-limit/rate-limit-route.js';
import { createPullRoutes } from './http/pulls/pull-routes.js';
import { createRepoRoutes } from './http/repos/repo-routes.js';
import { createUserRoutes } from './http/users/user-routes.js';
import { createControlPullRoutes } from './http/control/pull-request-routes.js';
import { controlError } from './http/control/control-kit.js';
import { controlEndpointsOf, unknownControlPathMessage } from './http/control/unknown-control-path.js';
import { realSleep } from './support/sleep.js';
import type { IdSource } from './support/ids.js';
import type { TenantRegistry } from './tenants/tenant-registry.js';

export interface AppConfig {
  /** Public origin for url fields and Link headers; undefined = each request's own origin. */
  baseUrl?: string;
  webBaseUrl: string;
  linkStyle: LinkStyle;
  maxBodyBytes: number;
  /** Guards the control API when set. */
  controlToken?: string;
}

export interface AppDeps {
  config: AppConfig;
  tenants: TenantRegistry;
  /** Request ids (tasks draw theirs from their tenant). */
  ids: IdSource;
  spec: { paths: Record<string, Record<string, object>> };
  /** The control API's description (openapi/emulator.yaml), served at /_emulator/openapi.yaml. */
  controlDescription: string;
  /** Real time in epoch ms, for request durations in the journal. */
  realTime: () => number;
  /** Where unexpected errors are reported; the answer is a GitHub-shaped 500 either way. */
  logError?: (error: unknown) => void;
  /** Waits out injected latency; real time unless a test says otherwise. */
  sleep?: (ms: number) => Promise<void>;
  /** Outermost middleware that logs each request; absent when logging is off (no per-request cost). */
  requestLog?: MiddlewareHandler;
}

const DOMAIN_STATUS = {
  not_found: 404,
  forbidden_integration: 403,
  forbidden_token_permission: 403,
  validation_failed: 422,
  conflict: 409,
} as const;

/** Builds the Hono app: GitHub's API at the root and under /t/{tenant}, plus /_emulator. */
export function createApp(deps: AppDeps): Hono<ApiEnv> {
  const ops = readSpecOperations(deps.spec);
  const webBaseUrl = deps.config.webBaseUrl.replace(/\/+$/, '');
  const publicBase = deps.config.baseUrl?.replace(/\/+$/, '');
  const answerError = (error: unknown, c: Context<ApiEnv>): Response => {
    // An injected dropped connection has no answer: app.fetch rejects, as fetch would.
    if (isConnectionFault(error)) throw error;
    if (error instanceof DomainError) {
      const status = DOMAIN_STATUS[error.code];
      return respondError(c, status, error.message, undefined, status === 422 ? error.problems : undefined);
    }
    if (error instanceof StateWriteError || error instanceof StateFileBroken) {
      return respondError(c, 503, stateNotSavedMessage(error.reason, error instanceof StateFileBroken), GENERIC_DOCS_URL, undefined, { 'retry-after': '1' });
    }
    // The journal and request log show it; the answer goes nowhere.
    if (isClientGone(error)) return respondError(c, 400, MESSAGES.badRequest, GENERIC_DOCS_URL);
    deps.logError?.(error);
    return respondError(c, 500, MESSAGES.serverError, GENERIC_DOCS_URL);
  };
  const api = new Hono<ApiEnv>()
    .route(
      '/_emulator',
      createControlRoutes({
        tenants: deps.tenants,
        webBaseUrl,
        controlToken: deps.config.controlToken,
        description: deps.controlDescription,
        extra: [createControlFaultsRoutes(), createControlRateLimitsRoutes(), createControlPullRoutes(webBaseUrl)],
      }),
    )
    .route(
      '/',
      createAgentTasksRoutes({
        docsUrl: ops.docsUrl,
        parseCreateBody: createTaskBodyParser(ops.createTaskBodySchema),
        webBaseUrl,
        linkStyle: deps.config.linkStyle,
        maxBodyBytes: deps.config.maxBodyBytes,
      }),
    )
    .route('/', createRateLimitRoute());
  // Where clients look for a task's work (issue #16): pull requests, branches, the repository, the user.
  const repositoryRoutes = { docsUrl: ops.docsUrl, webBaseUrl, publicBaseUrl: publicBase, spec: deps.spec };
  api.route('/', createPullRoutes(repositoryRoutes)).route('/', createRepoRoutes(repositoryRoutes)).route('/', createUserRoutes(repositoryRoutes));

  // What every request passes, in this order, before its route (docs/architecture.md).
  const app = new Hono<ApiEnv>();
  if (deps.requestLog) app.use('*', deps.requestLog);
  app.use('*', standardHeaders(deps.ids));
  const gate = createNewTenantGate({ controlToken: deps.config.controlToken, knowsToken: (token) => deps.tenants.default.world.directory.tokens.has(token) });
  app.use('*', resolveTenant(deps.tenants, publicBase, gate));
  app.use('*', journalRequests(deps.realTime));
  app.use('*', injectFaults(deps.sleep ?? realSleep));
  app.use('*', apiVersion);
  app.route('/t/:tenant', api);
  app.route('/', api);
  // GitHub's own 404 for its paths; under /_emulator, the emulator's API, one that says what is near.
  const controlEndpoints = controlEndpointsOf(api.routes);
  app.notFound((c) => {
    // Set by resolveTenant, which every request passes before any route or this.
    const { prefix, rest } = c.get('tenantPath');
    if (rest === '/_emulator' || rest.startsWith('/_emulator/')) return controlError(c, 404, unknownControlPathMessage(controlEndpoints, c.req.method, rest, prefix));
    return respondError(c, 404, MESSAGES.notFound, GENERIC_DOCS_URL);
  });
  app.onError(answerError);
  return app;
}
