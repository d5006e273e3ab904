import { unwrapResolverError } from '@apollo/server/errors';
import type express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { DomainError, ErrorCode, inputProblem, isUnexpectedError } from '../common/errors.js';
import { isDatabaseUnavailable } from '../database/database.js';

/** Seconds a client is told to wait (`Retry-After`) before it tries again while the database does not answer. */
export const unavailableRetryAfterSeconds = 5;

/** What a client learns when the database does not answer: a code to retry on, nothing of the failure. */
export const databaseUnavailableError: GraphQLFormattedError = {
  message: 'The database does not answer for now: try again in a few seconds',
  extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
};

/** The only thing a client learns of an unexpected error: a code and the id to quote. */
export function internalError(correlationId: string): GraphQLFormattedError {
  return {
    message: `Internal server error. Quote this reference when reporting it: ${correlationId}`,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, correlationId },
  };
}

/**
 * Formats one error of a GraphQL response, the same for HTTP and WebSocket: an expected error as
 * it is (with `BAD_USER_INPUT` when GraphQL gave it no code, e.g. a variable that does not coerce, and
 * every BAD_USER_INPUT with its `reasonCode`);
 * the database not answering as SERVICE_UNAVAILABLE (logged as a warning); any other unexpected
 * one logged whole and masked to INTERNAL_SERVER_ERROR with the request id. With
 * `hideSchemaDetails` (production), without graphql-js's "Did you mean …?" hints.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  scope: { requestId: string; logger: Logger } | undefined,
  hideSchemaDetails: boolean,
): GraphQLFormattedError {
  const result = formatExpected(formatted, error, scope);
  return hideSchemaDetails ? { ...result, message: withoutSuggestions(result.message) } : result;
}

function formatExpected(
  formatted: GraphQLFormattedError,
  error: unknown,
  scope: { requestId: string; logger: Logger } | undefined,
): GraphQLFormattedError {
  if (isUnexpectedError(error) && isDatabaseUnavailable(error)) {
    scope?.logger.warn({ err: unwrapResolverError(error) }, 'the database did not answer');
    return databaseUnavailableError;
  }
  if (isUnexpectedError(error)) {
    scope?.logger.error({ err: unwrapResolverError(error) }, 'unexpected error');
    return internalError(scope?.requestId ?? 'unknown');
  }
  const variableError = /^Variable "\$(\w+)" got invalid value (.*?)(?: at "([^"]+)")?; (.*)$/s.exec(formatted.message);
  if (variableError) {
    // graphql-js repeats the whole value sent (bank account, phone…): name the place, not the value.
    const [, variable, , path, reason] = variableError;
    const field = (path ?? variable!).replace(/\[(\d+)\]/g, '.$1').replace(/^input\./, '');
    return {
      message: `${field}: ${reason}`,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: { code: ErrorCode.BAD_USER_INPUT, ...inputProblem(field, reason!) },
    };
  }
  const code = formatted.extensions?.['code'] ?? ErrorCode.BAD_USER_INPUT;
  if (code === ErrorCode.BAD_USER_INPUT && formatted.extensions?.['reasonCode'] === undefined) {
    // GraphQL's own refusal (a required variable left out…): its reason is only in its message.
    return { ...formatted, extensions: { ...formatted.extensions, code, reasonCode: 'INVALID', reasonParams: {} } };
  }
  return formatted;
}

/** The message without graphql-js's "Did you mean …?" hint (production hides the schema). */
export function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean .+\?$/s, '');
}

/** HTTP status of each coded refusal an HTTP route of its own answers (PDFs, photos); any other code is a 400. */
const httpStatusOf: Partial<Record<string, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.INVALID_TRANSITION]: 409,
  [ErrorCode.PHOTO_TOO_LARGE]: 413,
  [ErrorCode.PHOTO_TOO_MANY_PIXELS]: 413,
  [ErrorCode.REQUEST_TOO_LARGE]: 413,
  [ErrorCode.PHOTO_NOT_AN_IMAGE]: 415,
  [ErrorCode.PHOTO_HEIC_UNSUPPORTED]: 415,
};

/**
 * Answers a coded refusal (`DomainError`) of an HTTP route in GraphQL's error shape, with its HTTP
 * status; hands anything else to Express's error handler (masked there, and logged whole).
 */
export function answerRefusal(error: unknown, response: express.Response, next: express.NextFunction): void {
  if (error instanceof DomainError) {
    response
      .status(httpStatusOf[String(error.extensions.code)] ?? 400)
      .json({ errors: [{ message: error.message, extensions: error.extensions }] });
    return;
  }
  next(error);
}
