import express from 'express';
import { Kind, OperationTypeNode, getOperationAST, parse } from 'graphql';
import { DomainError, ErrorCode } from '../common/errors.js';
import { queryLimits } from '../common/query-limits.js';
import type { Authentication, TransportCaller } from './application.js';
import { answerRefusal } from './errors.js';

/** The refusal of a body over `maxBytes`, naming the variable that sets it. */
function tooLarge(maxBytes: number, variable: 'MAX_BODY_BYTES' | 'MAX_IMPORT_BODY_BYTES'): DomainError {
  return new DomainError(
    ErrorCode.REQUEST_TOO_LARGE,
    `The request body is larger than ${maxBytes} bytes (${variable})`,
    { maxBytes },
  );
}

/** Whether a GraphQL request's body runs nothing but `importMutations`. */
function runsOnlyImports(body: unknown, importMutations: readonly string[]): boolean {
  const { query, operationName } = (body ?? {}) as { query?: unknown; operationName?: unknown };
  if (typeof query !== 'string') return false;
  try {
    const operation = getOperationAST(
      parse(query, { maxTokens: queryLimits.maxTokens }),
      typeof operationName === 'string' ? operationName : undefined,
    );
    return (
      operation?.operation === OperationTypeNode.MUTATION &&
      operation.selectionSet.selections.every(
        (selection) => selection.kind === Kind.FIELD && importMutations.includes(selection.name.value),
      )
    );
  } catch {
    return false;
  }
}

/**
 * Reads a GraphQL request's JSON body: at most `maxBodyBytes` (MAX_BODY_BYTES), whoever sends it;
 * up to `maxImportBodyBytes` (MAX_IMPORT_BODY_BYTES) only for a caller who may run one of
 * `importMutations` (the CSV imports, whose file travels as their `csv` argument), and then only
 * for an operation that runs nothing but those. A body over its limit is answered 413
 * REQUEST_TOO_LARGE, before any operation runs.
 */
export function graphqlBody<Caller extends TransportCaller>(options: {
  authentication: Authentication<Caller>;
  importMutations: readonly string[];
  maxBodyBytes: number;
  maxImportBodyBytes: number;
}): express.RequestHandler {
  const { authentication, importMutations, maxBodyBytes, maxImportBodyBytes } = options;
  const parser = (limit: number, variable: 'MAX_BODY_BYTES' | 'MAX_IMPORT_BODY_BYTES') => {
    const json = express.json({ limit });
    return (request: express.Request, response: express.Response, next: (error?: unknown) => void) =>
      json(request, response, (error?: unknown) => {
        if ((error as { type?: string } | undefined)?.type === 'entity.too.large') {
          answerRefusal(tooLarge(limit, variable), response, next);
          return;
        }
        next(error);
      });
  };
  const usual = parser(maxBodyBytes, 'MAX_BODY_BYTES');
  const importing = parser(maxImportBodyBytes, 'MAX_IMPORT_BODY_BYTES');
  return (request, response, next) => {
    const length = Number(request.headers['content-length']);
    const authorization = request.headers.authorization;
    if (!(length > maxBodyBytes) || !authorization) {
      usual(request, response, next);
      return;
    }
    authentication.authenticate(authorization).then(
      (caller) => {
        if (!importMutations.some((mutation) => authentication.mayRun(caller, `Mutation.${mutation}`))) {
          usual(request, response, next);
          return;
        }
        importing(request, response, (error) => {
          if (error) next(error);
          else if (runsOnlyImports(request.body, importMutations)) next();
          else answerRefusal(tooLarge(maxBodyBytes, 'MAX_BODY_BYTES'), response, next);
        });
      },
      () => usual(request, response, next),
    );
  };
}
