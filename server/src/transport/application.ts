import type express from 'express';
import type { Logger } from 'pino';
import type { Context } from '../context.js';

/** What the transport knows of a request when it asks for the context of an operation it runs. */
export interface RequestFacts {
  readonly requestId: string;
  /** The request's logger, carrying its `reqId`. */
  readonly logger: Logger;
  /** Address the request came from. */
  readonly ipAddress: string | null;
}

/** A signed-in caller as the transport sees it: it keeps one, hands it back, and reads only this. */
export interface TransportCaller {
  /** When its token or key stops being valid (null: never). */
  readonly expiresAt: Date | null;
}

/**
 * Sessions or keys that ended on some process (a logout, a revoked key, a disabled user): `includes`
 * says whether a caller signed in with one of them, `reason` why they ended.
 */
export interface SessionEnds<Caller> {
  readonly reason: string;
  includes(caller: Caller): boolean;
}

/** Who sends requests, as the transport asks the application (the composition root gives the auth module's answers). */
export interface Authentication<Caller extends TransportCaller> {
  /**
   * The caller an `Authorization` value names ("Bearer <token>", or an API key): null when there is
   * none (anonymous). Read on the primary, so that a logout or a revoked key holds at once on every process.
   * @throws DomainError UNAUTHENTICATED for a token or key that is not valid
   */
  authenticate(authorization: string | undefined): Promise<Caller | null>;
  /**
   * Calls `listener` with the ends of sessions and keys as they commit, on any process, until the
   * function it returns is called.
   */
  watchSessionEnds(listener: (ends: SessionEnds<Caller>) => void): () => void;
  /** Whether `caller` may run `operation` (e.g. "Mutation.importContractors"). */
  mayRun(caller: Caller | null, operation: string): boolean;
  /** The context of one operation `caller` runs. */
  contextOf(caller: Caller | null, request: RequestFacts): Context;
  /**
   * What the viewer of `context` may see, as a key: viewers with the same key get the same result of
   * the same operation, whose root fields are `rootFields` ("Subscription.invoiceChanged"; null when
   * they could not be listed).
   */
  visibilityOf(context: Context, rootFields: readonly string[] | null): string;
}

/** The context of the operation an HTTP request runs, its caller authenticated from its Authorization header. */
export type RequestContext = (request: express.Request) => Promise<Context>;

/** Routes a module serves beside the API (documents, photos), in GraphQL's error shape, mounted by the transport. */
export interface HttpRoutes {
  /** Their paths as the metrics name them, parameters as `:name` (e.g. "/photos/:id"). */
  readonly paths: readonly string[];
  /** Mounts them on `router`; `contextOf` gives a request's operation context. */
  mount(router: express.Router, contextOf: RequestContext): void;
}
