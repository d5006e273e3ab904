import { GraphQLError } from 'graphql';

/**
 * Every error code Raccord's API returns in `errors[].extensions.code`. Expected outcomes carry one of
 * these; anything else is masked to `INTERNAL_SERVER_ERROR` with a `correlationId` (the request id)
 * and logged whole.
 */
export enum ErrorCode {
  /** An argument is malformed (wrong format, out of range); `field` names it; nothing was written. */
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  /** Not signed in, or the token is invalid, expired or revoked, or the email or password is wrong. */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** Signed in, but the role does not allow this. */
  FORBIDDEN = 'FORBIDDEN',
  /** Too many sign-in attempts for this account or address: wait `retryAfterSeconds`. */
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
  /** The record named by `field` does not exist; nothing was written. */
  NOT_FOUND = 'NOT_FOUND',
  /** The record changed since the client read it (`expectedVersion` is stale), or a unique value is taken. */
  CONFLICT = 'CONFLICT',
  /** The lifecycle does not allow this change from the record's `currentStatus`; nothing was written. */
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  /** The contractor named cannot take this work: not ACTIVE, or not operating in the wilaya. */
  CONTRACTOR_NOT_ELIGIBLE = 'CONTRACTOR_NOT_ELIGIBLE',
  /** The user named is no technician the work can be given to: not a TECHNICIAN, or disabled (`reason`: ROLE or DISABLED). */
  TECHNICIAN_NOT_ELIGIBLE = 'TECHNICIAN_NOT_ELIGIBLE',
  /** The site of this work is not open for it (PLANNED, SUSPENDED, COMPLETED or CLOSED): `siteStatus` says which. */
  SITE_NOT_OPEN = 'SITE_NOT_OPEN',
  /** The installation report is outside the quality thresholds: accepting it needs `overrideReason` (see `qualityIssues`). */
  QUALITY_OVERRIDE_REQUIRED = 'QUALITY_OVERRIDE_REQUIRED',
  /** This idempotency key was already used with another operation or another input: use a new key for a new request. */
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  /** A DRAFT invoice without lines cannot be submitted. */
  INVOICE_EMPTY = 'INVOICE_EMPTY',
  /** A payment or credit exceeds what remains: `balanceDue` (centimes) or `remainingQuantity` says what is left. */
  AMOUNT_EXCEEDS_BALANCE = 'AMOUNT_EXCEEDS_BALANCE',
  /** A photo upload is larger than PHOTO_MAX_BYTES (`maxBytes`); nothing was stored. HTTP 413. */
  PHOTO_TOO_LARGE = 'PHOTO_TOO_LARGE',
  /** A photo has more pixels (width × height) than PHOTO_MAX_PIXELS (`maxPixels`); nothing was stored. HTTP 413. */
  PHOTO_TOO_MANY_PIXELS = 'PHOTO_TOO_MANY_PIXELS',
  /** A photo upload's bytes are not a JPEG, PNG, WebP or HEIF image the server can read; nothing was stored. HTTP 415. */
  PHOTO_NOT_AN_IMAGE = 'PHOTO_NOT_AN_IMAGE',
  /** A HEIC photo (HEVC-coded) that this server cannot decode: send it as JPEG (the camera's "most compatible" setting); nothing was stored. HTTP 415. */
  PHOTO_HEIC_UNSUPPORTED = 'PHOTO_HEIC_UNSUPPORTED',
  /** The HTTP request itself is unusable: a body that is not JSON, or an upload that is not readable multipart/form-data. */
  BAD_REQUEST = 'BAD_REQUEST',
  /**
   * The request body is larger than `maxBytes`: MAX_BODY_BYTES, or MAX_IMPORT_BODY_BYTES for a CSV import by a
   * viewer who may import; nothing ran. HTTP 413. (A WebSocket message over MAX_WS_MESSAGE_BYTES closes the socket with 1009.)
   */
  REQUEST_TOO_LARGE = 'REQUEST_TOO_LARGE',
  /** The GraphQL document does not parse (HTTP and WebSocket). */
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  /** The request names no operation the document holds (`operationName`). */
  OPERATION_RESOLUTION_FAILURE = 'OPERATION_RESOLUTION_FAILURE',
  /** Automatic persisted queries are off: send the whole document. */
  PERSISTED_QUERY_NOT_SUPPORTED = 'PERSISTED_QUERY_NOT_SUPPORTED',
  /** The GraphQL document does not fit the schema (HTTP and WebSocket). */
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  /**
   * The operation asks for too much at once: its cost (`complexity`) is over `maximum`. Each record
   * (an object with an id) counts 1, the values it holds nothing more; a list counts 1 plus its size
   * (a connection's `first`, else the list's cap) times one item's cost. Ask for smaller pages or fewer nested lists.
   */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** A WebSocket already runs as many operations as one connection may (`maxOperationsPerSocket`). */
  TOO_MANY_SUBSCRIPTIONS = 'TOO_MANY_SUBSCRIPTIONS',
  /**
   * The events after the position asked for (`after`) are no longer kept: the change log keeps them
   * CHANGE_LOG_RETENTION_DAYS days, and `prunedThrough` is the last position removed. Refetch what you
   * show, then subscribe (or poll) without `after`, or after a later position.
   */
  EVENTS_PRUNED = 'EVENTS_PRUNED',
  /**
   * Raccord is starting: its database does not answer yet, or is being prepared (migrations, reference
   * data). Nothing ran; try again after `Retry-After` seconds. HTTP 503.
   */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
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

/**
 * A malformed argument: `field` names it (e.g. `"wilayaCode"`) and the message reads
 * "field: reason". `problems` lists every problem of the input when there are several.
 */
export function badUserInput(
  field: string,
  reason: string,
  problems?: { field: string; reason: string }[],
): DomainError {
  return new DomainError(
    ErrorCode.BAD_USER_INPUT,
    `${field}: ${reason}`,
    problems && problems.length > 1 ? { field, problems } : { field },
  );
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
