// The checks every response in the contract suite goes through (api-client.ts applies them).
import type { ErrorObject } from 'ajv';
import { checkLinkHeader } from './link-header.js';
import type { SpecOperation, SpecValidators } from './spec-validators.js';

export const SUPPORTED_VERSIONS = ['2026-03-10', '2022-11-28'] as const;
export const DEFAULT_VERSION = '2022-11-28';

export interface CheckedExchange {
  method: string;
  /** Full request URL. */
  url: URL;
  /** Path relative to the target's base URL, as the descriptions write it. */
  apiPath: string;
  /** The X-GitHub-Api-Version the request sent, if any. */
  requestedVersion?: string;
  status: number;
  headers: Headers;
  text: string;
  /** A schema the test supplies instead of the description's, with the reason. */
  schemaOverride?: { reason: string; schema: object };
  /** A schema the test supplies in case no description covers the answer. */
  schemaIfUndescribed?: { reason: string; schema: object };
}

export interface CheckOutcome {
  operation?: SpecOperation;
  json?: unknown;
  problems: string[];
  /** Facts worth a line in the report, such as a status the description does not declare. */
  notes: string[];
}

export function checkExchange(validators: SpecValidators, ex: CheckedExchange): CheckOutcome {
  const operation = validators.find(ex.method, ex.apiPath);
  const problems: string[] = [];
  const notes: string[] = [];
  const where = `${ex.method} ${ex.apiPath} -> ${ex.status}`;

  let json: unknown;
  const hasBody = ex.text.length > 0 && ex.method !== 'HEAD';
  const otherMedia = ex.schemaOverride ? undefined : operation?.otherMedia.get(String(ex.status));
  if (otherMedia) {
    const type = (ex.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!otherMedia.includes(type)) problems.push(`${where}: content-type "${type}", the description declares ${otherMedia.join(', ')}`);
    if (!hasBody && ex.method !== 'HEAD') problems.push(`${where}: empty body`);
  } else if (ex.status === 304 || ex.status === 204) {
    if (ex.text.length > 0) problems.push(`${where}: a ${ex.status} must have no body, got ${excerpt(ex.text)}`);
  } else if (hasBody) {
    const type = ex.headers.get('content-type') ?? '';
    if (!/^application\/json;\s*charset=utf-8$/i.test(type)) problems.push(`${where}: content-type "${type}", expected application/json; charset=utf-8`);
    try {
      json = JSON.parse(ex.text);
    } catch {
      problems.push(`${where}: body is not JSON: ${excerpt(ex.text)}`);
    }
  } else if (ex.method !== 'HEAD') {
    problems.push(`${where}: empty body`);
  }

  if (json !== undefined) {
    const validate = chooseValidator(validators, operation, ex, notes);
    if (typeof validate === 'string') problems.push(`${where}: ${validate}`);
    else if (!validate(json)) problems.push(`${where}: body does not match ${validate === validators.errorBody ? "GitHub's error schema" : 'the schema'}: ${formatErrors(validate.errors)}`);
  }

  const link = ex.headers.get('link');
  if (link !== null) problems.push(...checkLinkHeader(link, ex.url).map((p) => `${where}: ${p}`));

  const selected = ex.headers.get('x-github-api-version-selected');
  const expected = ex.requestedVersion ?? DEFAULT_VERSION;
  if (selected !== null && selected !== expected) {
    problems.push(`${where}: x-github-api-version-selected is ${selected}, the request asked for ${expected}`);
  }
  if (selected === null && operation?.source === 'github' && ex.status < 400) {
    problems.push(`${where}: x-github-api-version-selected is missing`);
  }
  return { operation, json, problems, notes };
}

function chooseValidator(
  validators: SpecValidators,
  operation: SpecOperation | undefined,
  ex: CheckedExchange,
  notes: string[],
): ReturnType<SpecValidators['compile']> | string {
  const status = String(ex.status);
  if (ex.schemaOverride) {
    notes.push(`${ex.method} ${ex.apiPath} -> ${status} checked against the test's own schema: ${ex.schemaOverride.reason}`);
    return validators.compile(ex.schemaOverride.schema);
  }
  if (operation) {
    const declared = operation.versioned.get(ex.requestedVersion ?? DEFAULT_VERSION)?.get(status) ?? operation.responses.get(status);
    if (declared) return declared;
    if (ex.status >= 400 && operation.errorBody) {
      notes.push(`${operation.id} does not declare status ${status}; its error schema was applied`);
      return operation.errorBody;
    }
    return `${operation.id} does not declare status ${status} and no schema covers it`;
  }
  if (ex.schemaIfUndescribed) {
    notes.push(`${ex.method} ${ex.apiPath} -> ${status} is not described; checked against the test's schema: ${ex.schemaIfUndescribed.reason}`);
    return validators.compile(ex.schemaIfUndescribed.schema);
  }
  if (ex.status >= 400) return validators.errorBody;
  return 'no description covers this path; pass schemaIfUndescribed with a reason';
}

function formatErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? e.keyword}`).join('; ');
}

function excerpt(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
