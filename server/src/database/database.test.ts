import { ConnectionException, DriverException } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './database.js';

/** An error as pg gives it, wrapped as MikroORM wraps it (the statement before pg's message), then as GraphQL does. */
function asRaised(message: string, code?: string): GraphQLError {
  const wrapped = new DriverException(
    Object.assign(new Error(`select "c0".* from "commune" as "c0" - ${message}`), code ? { code } : {}),
  );
  return new GraphQLError('wrapped', { originalError: wrapped });
}

describe('the database not answering', () => {
  it('is recognised through GraphQL’s and MikroORM’s wrappers, with or without the statement before the message', () => {
    expect(isDatabaseUnavailable(asRaised('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(asRaised('Client has encountered a connection error and is not queryable'))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(asRaised('terminating connection due to administrator command', '57P01'))).toBe(true);
    expect(
      isDatabaseUnavailable(new ConnectionException(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))),
    ).toBe(true);
  });

  it('is not a refused statement: a constraint, a syntax error, a timeout of the statement itself', () => {
    expect(isDatabaseUnavailable(asRaised('duplicate key value violates unique constraint', '23505'))).toBe(false);
    expect(isDatabaseUnavailable(asRaised('syntax error at or near "selec"', '42601'))).toBe(false);
    expect(isDatabaseUnavailable(asRaised('canceling statement due to statement timeout', '57014'))).toBe(false);
    expect(isDatabaseUnavailable(new Error('something else'))).toBe(false);
  });
});
