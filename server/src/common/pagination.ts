import {
  Cursor,
  Utils,
  raw,
  type EntityData,
  type EntityManager,
  type FilterQuery,
  type FindOptions,
  type ObjectQuery,
  type OrderDefinition,
} from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';
import { findRows } from '../database/entity-manager.js';
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badUserInput } from './errors.js';
import { readWithParent } from './query-limits.js';

/** Most items one page may hold; `first` above it is refused. */
export const maxPageSize = 100;
/** Items in a page when `first` is not given. */
export const defaultPageSize = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Items to return, 1 to ${maxPageSize} (default ${defaultPageSize}).`,
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "Return the items after this cursor (a previous page's `pageInfo.endCursor`).",
  })
  after?: string | null;
}

@ObjectType({ description: 'Where a page stands in the whole list (Relay cursor connections).' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Whether items precede this page (an `after` cursor was given).' })
  hasPreviousPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the first item of the page; null when the page is empty.',
  })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item; pass it as `after` for the next page.',
  })
  endCursor!: string | null;
}

/** A page of `T`, as returned by `paginate`, before GraphQL reads it. */
export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: () => Promise<number>;
}

/**
 * The Relay connection type of `Node`: `<name>Connection { edges { cursor node } pageInfo totalCount }`.
 * `totalCount` is counted only when asked for.
 */
export function ConnectionType<T extends object>(Node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with its cursor.` })
  class Edge {
    @Field(() => String, { description: 'Opaque cursor of this item, for `after`.' })
    cursor!: string;

    @Field(() => Node, { description: 'The item.', complexity: readWithParent })
    node!: T;
  }

  @ObjectType(`${name}Connection`, {
    description: `A page of ${name} items (keyset-paginated: every page costs the same).`,
  })
  class Connection {
    @Field(() => [Edge], { description: 'The items of this page, in list order, each with its cursor.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Whether more pages follow, and the cursors to reach them.' })
    pageInfo!: PageInfo;

    totalCount!: () => Promise<number>;

    @Field(() => Int, {
      name: 'totalCount',
      description:
        'How many items match the filter, all pages together (a count over the whole list: ask only when shown).',
    })
    countAll(): Promise<number> {
      return this.totalCount();
    }
  }
  return Connection;
}

/** Wraps a page for a connection type made by `ConnectionType`. */
export function asConnection<C, T>(Connection: new () => C, page: Page<T>): C {
  return Object.assign(new Connection() as object, page) as C;
}

/**
 * One page of `entity` matching `where`, in `orderBy` order (which must end with a unique column),
 * from the item after `args.after`: one SQL statement whatever the depth of the page (keyset, no
 * OFFSET). Throws `BAD_USER_INPUT` for `first` outside 1–100 or a cursor that is not one of ours.
 * A condition of raw SQL as a key (a free-text search, `textContains`) is spent by the statement that
 * reads it (MikroORM forgets the fragment): a list with one passes `where` as a function that makes
 * its condition, called for each statement (the page, and its `totalCount`).
 */
export function paginate<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T> | (() => FilterQuery<T>),
  orderBy: OrderDefinition<T>,
  args: PageArgs,
): Promise<Page<T>> {
  return pageOf(em, entity, where, orderBy, args, (query, options) => em.find(entity, query, options) as Promise<T[]>);
}

/**
 * `paginate`, its items read as rows (`findRows`: plain objects of the entity's properties, no
 * entity made), with the same cursors: for a list that only answers GraphQL.
 */
export function paginateRows<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: ObjectQuery<T> | (() => ObjectQuery<T>),
  orderBy: OrderDefinition<T>,
  args: PageArgs,
): Promise<Page<EntityData<T>>> {
  return pageOf(em, entity, where as FilterQuery<T> | (() => FilterQuery<T>), orderBy, args, (query, options) =>
    findRows(em, entity, query as ObjectQuery<T>, options),
  );
}

/** A page of `paginate` or `paginateRows`, its items read by `find` (MikroORM's cursor options: one more than `first`, to tell whether more follow). */
async function pageOf<T extends object, Item extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T> | (() => FilterQuery<T>),
  orderBy: OrderDefinition<T>,
  args: PageArgs,
  find: (where: FilterQuery<T>, options: FindOptions<T>) => Promise<Item[]>,
): Promise<Page<Item>> {
  const first = args.first ?? defaultPageSize;
  if (!Number.isInteger(first) || first < 1 || first > maxPageSize) {
    throw badUserInput('first', `must be from 1 to ${maxPageSize} (got ${first})`);
  }
  const meta = em.getMetadata().get(Utils.className(entity));
  const keyReaders = Object.keys(orderBy).map((key) => keyReader(meta.properties[key as keyof typeof meta.properties]));
  // A cursor names its list and its order, so that one list's cursor is refused by another, and a
  // cursor of one order by another (its keys would seek the wrong columns and skip or repeat items).
  const prefix = `${Utils.className(entity)}:${orderName(orderBy)}:`;
  const after = args.after === undefined || args.after === null ? undefined : keysOf(args.after, prefix, keyReaders);
  const options = { first, orderBy, overfetch: true } as FindOptions<T>;
  const condition = (): FilterQuery<T> => (typeof where === 'function' ? (where as () => FilterQuery<T>)() : where);
  const items = await find(
    after ? ({ $and: [condition(), seekAfter(meta, orderBy, after)] } as FilterQuery<T>) : condition(),
    options,
  );
  const cursor = new Cursor<Item, never, '*', never, false>(items as never, undefined, options as never, meta as never);
  const page = [...cursor.items];
  const named = (value: string | null) => (value === null ? null : `${prefix}${value}`);
  return {
    edges: page.map((node) => ({ cursor: `${prefix}${cursor.from(node as never)}`, node })),
    pageInfo: {
      hasNextPage: cursor.hasNextPage,
      hasPreviousPage: Boolean(after),
      startCursor: named(cursor.startCursor),
      endCursor: named(cursor.endCursor),
    },
    totalCount: () => em.count(entity, condition()),
  };
}

/** The order of a list as its cursors name it: `orderedAt,id` ascending, `-orderedAt,-id` descending. */
function orderName(orderBy: OrderDefinition<object>): string {
  return Object.entries(orderBy as Record<string, unknown>)
    .map(([key, direction]) => `${String(direction).toLowerCase().startsWith('desc') ? '-' : ''}${key}`)
    .join(',');
}

/**
 * "After the cursor" as one row comparison, `(a, b) > (?, ?)` (`<` when the keys are descending):
 * PostgreSQL seeks its index on `(…, a, b)` and reads the page alone. MikroORM's own condition,
 * `a >= ? and (a > ? or b > ?)`, made it read every row after the cursor and sort them: a page 80 %
 * into a list of 9,528 read 885 buffers in 48 ms, against 53 in 3 ms (EXPLAIN ANALYZE at size M), and
 * the deeper the list, the more. Every list orders all its keys one way.
 */
function seekAfter(
  meta: { className: string; properties: Record<string, { fieldNames: string[] } | undefined> },
  orderBy: OrderDefinition<object>,
  values: unknown[],
): Record<string, unknown> {
  const keys = Object.entries(orderBy as Record<string, unknown>);
  const descending = keys.map(([, direction]) => String(direction).toLowerCase().startsWith('desc'));
  if (descending.some((desc) => desc !== descending[0]))
    throw new Error(`${meta.className}: a list's keys must all be ascending or all descending`);
  const columns = keys.map(([key]) => meta.properties[key]!.fieldNames[0]!);
  const comparison = descending[0] ? '<' : '>';
  return {
    [raw(
      (alias: string) =>
        `(${columns.map((column) => `${alias}."${column}"`).join(', ')}) ${comparison} (${values.map(() => '?').join(', ')})`,
      values,
    )]: [],
  };
}

/** How a cursor writes an instant: `Date#toISOString`, read back only when it gives the same string. */
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * How to read a sort key's value from a cursor, from the property's type, or undefined when it does not
 * have that type (the value goes to SQL): digits for an id, an instant as a cursor writes it (a real
 * calendar date, years 1900 to 2199) for a time, a string for a name.
 */
function keyReader(
  property: { type: string; runtimeType: string; columnTypes: string[] } | undefined,
): (value: unknown) => unknown {
  const column = property?.columnTypes[0] ?? '';
  if (/^(bigint|bigserial|int|integer|serial)\b/.test(column)) {
    return (value) =>
      (typeof value === 'string' && /^\d{1,18}$/.test(value)) ||
      (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)
        ? value
        : undefined;
  }
  if (property?.runtimeType === 'Date' || column.startsWith('timestamp')) {
    return (value) => {
      if (typeof value !== 'string' || !isoInstant.test(value)) return undefined;
      const instant = new Date(value);
      const plausible = instant.getTime() >= Date.UTC(1900, 0, 1) && instant.getTime() < Date.UTC(2200, 0, 1);
      return plausible && instant.toISOString() === value ? instant : undefined;
    };
  }
  return (value) => (typeof value === 'string' && value.length <= 400 && !value.includes('\u0000') ? value : undefined);
}

/**
 * The sort keys of a cursor of ours, checked and read: this list's name, then the JSON of one value per
 * sort key, each of its key's type. Read as plain JSON: MikroORM's `Cursor.decode` turns any string
 * that starts like an instant into a date, a legal name included.
 */
function keysOf(after: string, prefix: string, readers: ((value: unknown) => unknown)[]): unknown[] {
  let decoded: unknown;
  try {
    decoded = after.startsWith(prefix)
      ? JSON.parse(Buffer.from(after.slice(prefix.length), 'base64url').toString('utf8'))
      : undefined;
  } catch {
    decoded = undefined;
  }
  const keys =
    Array.isArray(decoded) && decoded.length === readers.length
      ? decoded.map((value, index) => readers[index]!(value))
      : [];
  if (keys.length === 0 || keys.some((key) => key === undefined)) {
    throw badUserInput('after', 'must be a cursor returned by this list (pageInfo.endCursor or an edge cursor)');
  }
  return keys;
}
