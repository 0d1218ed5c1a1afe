import type { Caller, World } from '../../domain/world.js';
import type { Tenant } from '../../tenants/tenant.js';
import type { TenantPath } from './tenant-path.js';

/** What middleware hands to handlers through Hono's context. */
export interface ApiEnv {
  Variables: {
    tenant: Tenant;
    /** The request path split at its /t/{name} prefix (tenant-path.ts). */
    tenantPath: TenantPath;
    world: World;
    caller: Caller;
    /** The matched operation's documentation URL, used in its error bodies. */
    docsUrl: string;
    /** Public base URL for this tenant's API, for `url` fields and Link headers. */
    apiBase: string;
    /** Set when a fault rule fired on this request (for the request journal). */
    fault?: { ruleId: string; kind: string };
    /** GitHub's x-github-request-id of this request. */
    requestId: string;
    /** Headers every answer to this request carries (http/shared/answer-headers.ts). */
    answerHeaders: Record<string, string>;
    /** Whether the answer was made with `answerHeaders` already in it. */
    answerHeadersApplied: boolean;
    /** The request body as read by the handler, for the journal (http/capture-exchange.ts). */
    requestText?: string;
    /** The answer's body and headers as made by http/answer-headers.ts, for the journal. */
    answered?: { body: string | Uint8Array | null; headers: Record<string, string> };
  };
}
