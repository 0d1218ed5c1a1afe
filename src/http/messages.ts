// Every user-facing error text, in one place, worded as api.github.com words it
// (see ../shared/docs/github-behaviour.md and docs/fidelity.md).

export const GENERIC_DOCS_URL = 'https://docs.github.com/rest';

export const MESSAGES = {
  notFound: 'Not Found',
  requiresAuthentication: 'Requires authentication',
  badCredentials: 'Bad credentials',
  problemsParsingJson: 'Problems parsing JSON',
  bodyNotObject: 'Body should be a JSON object',
  validationFailed: 'Validation Failed',
  bodyTooLarge: 'Request body is too large',
  badRequest: 'Bad Request',
  serverError: 'Server Error',
} as const;

/**
 * A change the emulator could not save to its state file (docs/persistence.md): nothing of it was
 * kept, so the client may retry. GitHub's own 503s say only "Service Unavailable"; the reason is
 * added because the person reading it is the one who can free the disk.
 */
export function stateNotSavedMessage(reason: string, broken: boolean): string {
  return broken
    ? `Service Unavailable: the emulator cannot keep its state file (${reason}) and is stopping; nothing of this request was kept.`
    : `Service Unavailable: the change could not be saved to the state file (${reason}), so none of it was made; retry once the file can be written.`;
}

export const SUPPORTED_API_VERSIONS = ['2026-03-10', '2022-11-28'] as const;
export const DEFAULT_API_VERSION = '2022-11-28';

export function unsupportedVersionMessage(asked: string): string {
  return (
    `The version you specified in the "X-GitHub-API-Version" request header, "${asked}", is not a supported version. ` +
    `The following versions are currently supported: "2026-03-10" (most recent) and "2022-11-28".`
  );
}

// Rate limits and injected faults (docs/faults.md). GitHub appends the request id and a UTC
// timestamp to both rate-limit messages; clients such as @octokit/plugin-throttling recognise the
// secondary limit by the words "secondary rate" in the message.
export const RATE_LIMIT_DOCS_URL = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api';
export const SECONDARY_RATE_LIMIT_DOCS_URL = `${RATE_LIMIT_DOCS_URL}#about-secondary-rate-limits`;

const supportSuffix = (requestId: string, timestamp: string) =>
  `If you reach out to GitHub Support for help, please include the request ID ${requestId} and timestamp ${timestamp} UTC.`;

export function primaryRateLimitMessage(userId: number, requestId: string, timestamp: string): string {
  return `API rate limit exceeded for user ID ${userId}. ${supportSuffix(requestId, timestamp)}`;
}

export function secondaryRateLimitMessage(requestId: string, timestamp: string): string {
  return `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ${supportSuffix(requestId, timestamp)}`;
}

/** Messages of injected error answers, by status; others use the HTTP reason phrase. */
export const FAULT_MESSAGES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Bad credentials',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Validation Failed',
  429: 'Too Many Requests',
  500: 'Server Error',
  502: 'Server Error',
  503: 'Service Unavailable',
  504: "We couldn't respond to your request in time. Sorry about that. Please try resubmitting your request and contact us if the problem persists.",
};
