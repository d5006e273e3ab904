import { GraphQLError } from 'graphql';
import type { Database } from './database.js';

/** The signed-in user, as the session check read it. */
export interface BaselineViewer {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: string;
  readonly wilayaCodes: string[];
  readonly isContractorAdmin: boolean;
}

/** What each resolver gets: the database, the viewer, the request id (for the audit trail). */
export interface BaselineContext {
  readonly db: Database;
  readonly viewer: BaselineViewer;
  readonly requestId: string;
  readonly retentionPercent: string;
}

/** A GraphQL error with Raccord's `extensions.code`. */
export function domainError(code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}
