// Domain failures carry a code, never an HTTP status: http/ maps codes to GitHub's answers.

export type DomainErrorCode =
  | 'not_found'
  | 'forbidden_integration'
  | 'forbidden_token_permission'
  | 'validation_failed'
  | 'conflict';

export interface ValidationProblem {
  field: string;
  code: 'missing' | 'missing_field' | 'invalid' | 'already_exists' | 'unprocessable' | 'custom';
  message?: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly problems: ValidationProblem[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = () => new DomainError('not_found', 'Not Found');

export function validationFailed(problems: ValidationProblem[]): DomainError {
  return new DomainError('validation_failed', 'Validation Failed', problems);
}
