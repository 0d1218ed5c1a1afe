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

export const SUPPORTED_API_VERSIONS = ['2026-03-10', '2022-11-28'] as const;
export const DEFAULT_API_VERSION = '2022-11-28';

export function unsupportedVersionMessage(asked: string): string {
  return (
    `The version you specified in the "X-GitHub-API-Version" request header, "${asked}", is not a supported version. ` +
    `The following versions are currently supported: "2026-03-10" (most recent) and "2022-11-28".`
  );
}
