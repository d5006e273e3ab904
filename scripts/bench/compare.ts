import { isDeepStrictEqual } from 'node:util';
import type { GraphQLRequest } from './load.js';

/** An answer without the fields that differ by the instant they were read (`computedAt`). */
function timeless(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(timeless);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'computedAt')
      .map(([key, field]) => [key, timeless(field)]),
  );
}

/** POSTs `request` to `${url}/graphql` with the token and returns the whole JSON answer. */
export async function answer(url: string, token: string, request: GraphQLRequest): Promise<unknown> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(request),
  });
  return response.json();
}

/**
 * Sends `request` to both servers and tells whether they answered the same JSON (`computedAt`
 * aside) with data and no errors; `difference` shows both answers when not.
 */
export async function compareAnswers(
  raccordUrl: string,
  baselineUrl: string,
  token: string,
  request: GraphQLRequest,
): Promise<{ same: boolean; difference?: string }> {
  const [raccord, baseline] = await Promise.all([
    answer(raccordUrl, token, request),
    answer(baselineUrl, token, request),
  ]);
  const usable = (body: unknown) => typeof body === 'object' && body !== null && 'data' in body && !('errors' in body);
  if (usable(raccord) && isDeepStrictEqual(timeless(raccord), timeless(baseline))) return { same: true };
  return {
    same: false,
    difference: `Raccord: ${JSON.stringify(raccord).slice(0, 1500)}\nbaseline: ${JSON.stringify(baseline).slice(0, 1500)}`,
  };
}
