import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { DomainError } from './domain/errors.js';
import { createAgentTasksRoutes } from './http/agent-tasks-routes.js';
import { apiVersion } from './http/api-version.js';
import { createTaskBodyParser } from './http/create-task-body.js';
import { createEmulatorRoutes } from './http/emulator-routes.js';
import type { ApiEnv } from './http/env.js';
import type { LinkStyle } from './http/link-header.js';
import { GENERIC_DOCS_URL, MESSAGES } from './http/messages.js';
import { respondError } from './http/respond.js';
import { readSpecOperations } from './http/spec-operations.js';
import { standardHeaders } from './http/standard-headers.js';
import type { IdSource } from './support/ids.js';
import type { TenantRegistry } from './tenants/tenant-registry.js';

export interface AppConfig {
  /** Public origin for url fields and Link headers; undefined = each request's own origin. */
  baseUrl?: string;
  webBaseUrl: string;
  linkStyle: LinkStyle;
  maxBodyBytes: number;
}

export interface AppDeps {
  config: AppConfig;
  tenants: TenantRegistry;
  /** Request ids (tasks draw theirs from their tenant). */
  ids: IdSource;
  spec: { paths: Record<string, Record<string, object>> };
  /** Where unexpected errors are reported; the answer is a GitHub-shaped 500 either way. */
  logError?: (error: unknown) => void;
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
  const api = new Hono<ApiEnv>()
    .route('/', createEmulatorRoutes({ tenants: deps.tenants }))
    .route(
      '/',
      createAgentTasksRoutes({
        docsUrl: ops.docsUrl,
        parseCreateBody: createTaskBodyParser(ops.createTaskBodySchema),
        webBaseUrl: deps.config.webBaseUrl.replace(/\/+$/, ''),
        linkStyle: deps.config.linkStyle,
        maxBodyBytes: deps.config.maxBodyBytes,
        publicBaseUrl: deps.config.baseUrl?.replace(/\/+$/, ''),
      }),
    );

  const app = new Hono<ApiEnv>();
  if (deps.requestLog) app.use('*', deps.requestLog);
  app.use('*', standardHeaders(deps.ids), apiVersion());
  app.use('/t/:tenant/*', async (c, next) => {
    const tenant = deps.tenants.get(c.req.param('tenant') ?? '');
    if (!tenant) return respondError(c, 404, MESSAGES.notFound, GENERIC_DOCS_URL);
    return enter(c, next, tenant, `/t/${tenant.name}`);
  });
  app.use('*', async (c, next) => (c.get('tenant') ? next() : enter(c, next, deps.tenants.default, '')));
  app.route('/t/:tenant', api);
  app.route('/', api);

  function enter(c: Context<ApiEnv>, next: () => Promise<void>, tenant: ReturnType<TenantRegistry['get']> & object, prefix: string) {
    c.set('tenant', tenant);
    c.set('world', tenant.world);
    c.set('apiBase', `${deps.config.baseUrl?.replace(/\/+$/, '') ?? new URL(c.req.url).origin}${prefix}`);
    return next();
  }

  app.notFound((c) => respondError(c, 404, MESSAGES.notFound, GENERIC_DOCS_URL));
  app.onError((error, c) => {
    if (error instanceof DomainError) {
      const status = DOMAIN_STATUS[error.code];
      return respondError(c, status, error.message, undefined, status === 422 ? error.problems : undefined);
    }
    deps.logError?.(error);
    return respondError(c, 500, MESSAGES.serverError, GENERIC_DOCS_URL);
  });
  return app;
}
