import { GraphQLError } from 'graphql';

/**
 * Every error code Raccord's API returns in `errors[].extensions.code`. Expected outcomes carry one of
 * these; anything else is masked to `INTERNAL_SERVER_ERROR` with a `correlationId` (the request id)
 * and logged whole.
 */
export enum ErrorCode {
  /** An argument is malformed (wrong format, out of range); nothing was read or written. */
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  /** Something went wrong on the server; the response carries a `correlationId` to quote. */
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** An expected business outcome with a stable code, shown to the client as it is. */
export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
    this.name = 'DomainError';
  }
}

/** A malformed argument: `field` names it (e.g. `"wilayaCode"`). */
export function badUserInput(field: string, message: string): DomainError {
  return new DomainError(ErrorCode.BAD_USER_INPUT, message, { field });
}

/**
 * Whether an error is unexpected and must be masked: its cause is not a `GraphQLError` (a
 * `DomainError`, or GraphQL's own syntax, validation and coercion errors) but a failure such as a
 * lost database connection or a bug.
 */
export function isUnexpectedError(error: unknown): boolean {
  const cause = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  return !(cause instanceof GraphQLError);
}
