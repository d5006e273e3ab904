import { GraphQLEnumType, GraphQLError } from 'graphql';
import { inputReasonOf, type InputReason, type ReasonParams } from './input-reasons.js';

/**
 * Every error code Raccord's API returns in `errors[].extensions.code`. Expected outcomes carry one of
 * these; anything else is masked to `INTERNAL_SERVER_ERROR` with a `correlationId` (the request id)
 * and logged whole. Each code's meaning is in `errorCodeDescriptions`, which the schema publishes.
 */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
  NOT_FOUND = 'NOT_FOUND',
  MAIL_OFF = 'MAIL_OFF',
  CONFLICT = 'CONFLICT',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  CONTRACTOR_NOT_ELIGIBLE = 'CONTRACTOR_NOT_ELIGIBLE',
  TECHNICIAN_NOT_ELIGIBLE = 'TECHNICIAN_NOT_ELIGIBLE',
  SITE_NOT_OPEN = 'SITE_NOT_OPEN',
  QUALITY_OVERRIDE_REQUIRED = 'QUALITY_OVERRIDE_REQUIRED',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  INVOICE_EMPTY = 'INVOICE_EMPTY',
  AMOUNT_EXCEEDS_BALANCE = 'AMOUNT_EXCEEDS_BALANCE',
  PHOTO_TOO_LARGE = 'PHOTO_TOO_LARGE',
  PHOTO_TOO_MANY_PIXELS = 'PHOTO_TOO_MANY_PIXELS',
  PHOTO_NOT_AN_IMAGE = 'PHOTO_NOT_AN_IMAGE',
  PHOTO_HEIC_UNSUPPORTED = 'PHOTO_HEIC_UNSUPPORTED',
  BAD_REQUEST = 'BAD_REQUEST',
  REQUEST_TOO_LARGE = 'REQUEST_TOO_LARGE',
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  OPERATION_RESOLUTION_FAILURE = 'OPERATION_RESOLUTION_FAILURE',
  PERSISTED_QUERY_NOT_SUPPORTED = 'PERSISTED_QUERY_NOT_SUPPORTED',
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  TOO_MANY_SUBSCRIPTIONS = 'TOO_MANY_SUBSCRIPTIONS',
  EVENTS_PRUNED = 'EVENTS_PRUNED',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/**
 * What each code means and which `extensions` keys it carries beside `code`: the text of the schema's
 * `ErrorCode` enum, written once here for the server's readers and the API's alike.
 */
export const errorCodeDescriptions: Readonly<Record<ErrorCode, string>> = {
  BAD_USER_INPUT:
    'An argument or a variable is malformed (wrong format, out of range, a variable that does not coerce), or a filter can match nothing whatever the data (a code no wilaya has, an empty time range); nothing was written, nor read. ' +
    'Keys: `reasonCode` (why, an InputReason: what a client words in its own language) and `reasonParams` (the values that reason names, by name, as strings), always; ' +
    '`field` (the input path, e.g. "wilayaCode", "lines.2.quantity") and `reason` (the same reason in English), when the server names the input; ' +
    '`problems` ([{ field, reason, reasonCode, reasonParams }]) when the input has several problems. ' +
    'HTTP 400 on the photo upload.',
  UNAUTHENTICATED:
    'Not signed in, or the token or API key is invalid, expired or revoked, or the email or password is wrong. HTTP 401 on the routes beside /graphql.',
  FORBIDDEN:
    'Signed in, but this is not allowed. Keys, when they apply: `requiredRoles` (the roles that may), `requiredScope` (the ApiKeyScope an API key lacks; null when no key may do this), ' +
    '`field` (the input that asked for too much), `wilayas` (the wilayas outside a DOT manager’s). HTTP 403 on the routes beside /graphql.',
  TOO_MANY_ATTEMPTS:
    'Too many failed sign-in attempts for this account from this address, or from this address; or too many password reset requests from this address, or for this e-mail address: wait `retryAfterSeconds` (whole seconds) before trying again.',
  NOT_FOUND:
    'The record does not exist, or the viewer may not see it (the same answer for both); nothing was written. Key: `field` (the argument that named it, when one did). HTTP 404 on the routes beside /graphql, and for a path nothing answers.',
  MAIL_OFF:
    'This server sends no e-mail (SMTP_URL or PUBLIC_URL unset), so it cannot send a password reset link; nothing was written. `passwordResetAvailable` says so beforehand.',
  CONFLICT:
    'The record changed since the client read it (`field` "expectedVersion", `currentVersion` the version now), or a unique value is taken (`field` names it, `existingId` the record that holds it), ' +
    'or the change would leave related records inconsistent (`field`); nothing was written. HTTP 409 on the routes beside /graphql.',
  INVALID_TRANSITION:
    'The lifecycle does not allow this step from the record’s status; nothing was written. Keys: `currentStatus` (the status now), `allowedFrom` (the statuses the step starts from, when it has any). HTTP 409 on the routes beside /graphql.',
  CONTRACTOR_NOT_ELIGIBLE:
    'The contractor cannot take this work: not ACTIVE (`contractorStatus`), not operating in the wilaya (`wilayaCode`), or not the contractor of the site (`siteContractorId`); `field` names the argument.',
  TECHNICIAN_NOT_ELIGIBLE:
    'The user named is no technician the work can be given to. Keys: `field` ("technicianId"), `reason` (ROLE: not a TECHNICIAN; DISABLED: disabled).',
  SITE_NOT_OPEN:
    'The site is not open for this work (PLANNED, SUSPENDED, COMPLETED or CLOSED). Keys: `siteStatus` (the site’s status), `field` ("siteId") when an argument named the site.',
  QUALITY_OVERRIDE_REQUIRED:
    'The installation report is outside the quality thresholds: accepting it needs `overrideReason`. Keys: `field` ("overrideReason"), `qualityIssues` (the issues, in words).',
  IDEMPOTENCY_KEY_REUSED:
    'This idempotency key was already used with another operation or another input: use a new key for a new request. Key: `field` ("idempotencyKey").',
  INVOICE_EMPTY: 'A DRAFT invoice without lines cannot be submitted. Key: `field` ("id").',
  AMOUNT_EXCEEDS_BALANCE:
    'A payment or a credit exceeds what remains. Keys: `field` (the amount or the line’s quantity), `balanceDue` (Money: what remains to pay) or `remainingQuantity` (decimal string: what remains to credit on the line).',
  PHOTO_TOO_LARGE:
    'A photo upload is larger than the server’s limit; nothing was stored. Keys: `field` ("file"), `maxBytes` (the limit in bytes). HTTP 413.',
  PHOTO_TOO_MANY_PIXELS:
    'A photo has more pixels (width × height) than the server’s limit; nothing was stored. Keys: `field` ("file"), `maxPixels` (the limit). HTTP 413.',
  PHOTO_NOT_AN_IMAGE:
    'A photo upload’s bytes are not a JPEG, PNG, WebP or HEIF image the server can read; nothing was stored. Key: `field` ("file"). HTTP 415.',
  PHOTO_HEIC_UNSUPPORTED:
    'A HEIC photo (HEVC-coded), which this server cannot decode: send it as JPEG (the camera’s "most compatible" setting); nothing was stored. Key: `field` ("file"). HTTP 415.',
  BAD_REQUEST:
    'The request itself is unusable: a body that is not JSON, an upload that is not readable multipart/form-data, a request refused as a possible cross-site request forgery, ' +
    'a WebSocket operation id that is still starting, or a subscription sent over HTTP (subscriptions are served over WebSocket). HTTP 400.',
  REQUEST_TOO_LARGE:
    'The request body is larger than the server accepts (a CSV import, from a viewer who may import, is allowed more); nothing ran. Key: `maxBytes` (the limit in bytes). HTTP 413. ' +
    '(A WebSocket message over the limit closes the socket with 1009 instead.)',
  GRAPHQL_PARSE_FAILED: 'The GraphQL document does not parse, or has more tokens than allowed (HTTP and WebSocket).',
  OPERATION_RESOLUTION_FAILURE: 'The request names no operation the document holds (`operationName`).',
  PERSISTED_QUERY_NOT_SUPPORTED: 'Automatic persisted queries are off: send the whole document.',
  GRAPHQL_VALIDATION_FAILED:
    'The GraphQL document does not fit the schema, or nests or aliases more than allowed (HTTP and WebSocket). ' +
    'Key, on HTTP: `validationErrorCode` INTROSPECTION_DISABLED when a production server is asked for its schema (read the published schema instead).',
  QUERY_TOO_COMPLEX:
    'The operation asks for too much at once. Keys: `complexity` (its cost), `maximum` (the limit). Each SQL statement counts 20 and each record the answer may hold (an object with an id) 1, the values it holds nothing more (one read by a statement of its own: that statement, once per level); ' +
    'a list holds its size (a connection’s `first`, else the list’s cap) for each item of its parent, and is read in one statement per level (batched for all parents), a paginated list once per parent. Ask for smaller pages or fewer nested lists.',
  TOO_MANY_SUBSCRIPTIONS:
    'A WebSocket already runs as many operations as one connection may: end some, or open another connection.',
  EVENTS_PRUNED:
    'The events after the position asked for (`after`) are no longer kept: the change log keeps them CHANGE_LOG_RETENTION_DAYS days (90 by default), and `prunedThrough` is the last position removed. Refetch what you show, then subscribe or poll without `after`, or after a later position. Extension keys: `field` ("after"), `prunedThrough`.',
  SERVICE_UNAVAILABLE:
    'Raccord is starting (its database does not answer yet, or is being prepared), or its database does not answer for now (an outage, a restart). ' +
    'Try again after the `Retry-After` header’s seconds (HTTP 503 when the operation produced nothing; over WebSocket, the operation’s error). ' +
    'Nothing was written, unless the connection was lost while a change committed: send a change again with the same `idempotencyKey` (the mutations that take one), which makes it once.',
  INTERNAL_SERVER_ERROR:
    'Something went wrong on the server; nothing is told of it but `correlationId` (the request’s id, also in the X-Request-Id response header), to quote when reporting it.',
};

/**
 * The `ErrorCode` enum of the schema. No field returns it (codes travel in `errors[].extensions.code`),
 * so the schema adds it as a type of its own: a client reads the contract, and types its messages, from the schema.
 */
export const errorCodeType = new GraphQLEnumType({
  name: 'ErrorCode',
  description:
    'Every code the API returns in `errors[].extensions.code`, on HTTP and WebSocket, for GraphQL and for the routes beside it (PDFs, photos). ' +
    'An error is `{ message, locations?, path?, extensions: { code, …keys } }`: `message` is English for people, never to be parsed; ' +
    'each value says which keys it adds beside `code`. A code not listed here is never sent.',
  values: Object.fromEntries(
    Object.values(ErrorCode).map((code) => [code, { value: code, description: errorCodeDescriptions[code] }]),
  ),
});

/** An expected business outcome with a stable code, shown to the client as it is. */
export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
    this.name = 'DomainError';
  }
}

/** A refused value's problem: the input it concerns, why in English, and why as a code with the values it names. */
export interface InputProblem {
  field: string;
  reason: string;
  reasonCode: InputReason;
  reasonParams: ReasonParams;
}

/** The problem `reason` (English) says of `field`, with its code (see `inputReasonTexts`). */
export function inputProblem(field: string, reason: string): InputProblem {
  return { field, reason, ...inputReasonOf(reason) };
}

/**
 * A malformed argument: `field` names it (e.g. `"wilayaCode"`), `reason` says what is wrong in English
 * (a sentence of `inputReasonTexts`, whose code and values go in `reasonCode` and `reasonParams`), and the
 * message reads "field: reason". `problems` lists every problem of the input when there are several.
 */
export function badUserInput(
  field: string,
  reason: string,
  problems?: { field: string; reason: string }[],
): DomainError {
  return new DomainError(ErrorCode.BAD_USER_INPUT, `${field}: ${reason}`, {
    ...inputProblem(field, reason),
    ...(problems && problems.length > 1
      ? { problems: problems.map((problem) => inputProblem(problem.field, problem.reason)) }
      : {}),
  });
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

/** No record of this kind with this id (or none the caller may see). */
export function notFound(field: string, what: string, id: string): DomainError {
  return new DomainError(ErrorCode.NOT_FOUND, `No ${what} with id "${id.slice(0, 40)}"`, { field });
}

/** The record's version is not the one the client last saw. */
export function staleVersion(what: string, expected: number, actual: number): DomainError {
  return new DomainError(
    ErrorCode.CONFLICT,
    `This ${what} changed since you read it (your version ${expected}, now ${actual}): reload it and try again`,
    { field: 'expectedVersion', currentVersion: actual },
  );
}

/** A lifecycle transition not allowed from the current status. */
export function invalidTransition(
  what: string,
  action: string,
  currentStatus: string,
  allowedFrom: readonly string[],
): DomainError {
  return new DomainError(
    ErrorCode.INVALID_TRANSITION,
    `Cannot ${action} ${/^[aeiou]/i.test(what) ? 'an' : 'a'} ${what} whose status is ${currentStatus} (allowed from: ${allowedFrom.join(', ')})`,
    { currentStatus, allowedFrom },
  );
}
