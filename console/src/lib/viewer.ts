import type { ResultOf } from './graphql.ts';
import type { MeQuery } from '../features/auth/documents.ts';

/**
 * Whether the viewer may run `operation` ("Query.invoices", "Mutation.acceptInstallation",
 * "Http.uploadPhoto"), as the API's `viewerOperations` says: the console shows a page or an action
 * only when the server would run it, and never keeps a copy of who may do what.
 */
export function mayRun(data: ResultOf<typeof MeQuery> | undefined, operation: string): boolean {
  return data?.viewerOperations.includes(operation) ?? false;
}
