import {
  Utils,
  type ConnectionType,
  type CountOptions,
  type EntityData,
  type EntityName,
  type FilterQuery,
  type FindOneOptions,
  type FindOptions,
  type Loaded,
  type LoggingOptions,
  type ObjectQuery,
  type PopulatePath,
} from '@mikro-orm/core';
import {
  PostgreSqlDriver,
  SqlEntityManager,
  type EntityManager,
  type PostgreSqlConnection,
  type QueryBuilder,
} from '@mikro-orm/postgresql';

/**
 * MikroORM's PostgreSQL driver, with its read-replica connections in sight (for the pool metrics).
 * MikroORM creates one connection (pool) per entry of its `replicas` option, in that order.
 */
export class RaccordPostgreSqlDriver extends PostgreSqlDriver {
  /** The connections to the read replicas (DATABASE_REPLICA_URLS), in order; empty without replicas. */
  replicaConnections(): readonly PostgreSqlConnection[] {
    return this.replicas;
  }
}

/**
 * MikroORM's EntityManager, with where the reads of a fork go chosen per fork.
 *
 * Raccord runs MikroORM with `preferReadReplicas: false`: every statement goes to the primary unless
 * its fork was handed to `readFromReplicas()`. Such a fork sends its reads made outside a transaction
 * (`find`, `findOne`, `count`, `findByCursor`, references and collections loaded through MikroORM's
 * dataloader, query builders, raw SQL through `getConnection()`) to a read replica picked at random
 * for each statement; inside a transaction (and so for every flush) it uses the primary as any fork
 * does. Without replicas, 'read' is the primary too (MikroORM's own fallback). Such a fork is for
 * read-only work: a statement that writes outside a transaction through its query builders or its
 * `getConnection()` would reach a replica, which refuses it (PostgreSQL replicas are read-only), so
 * the mistake fails loudly instead of writing somewhere unexpected.
 *
 * Forks of a fork, including the one `transactional()` makes, start on the primary again: only the
 * place that knows an operation is a query opts in (see `readFromReplicas`).
 */
export class RaccordEntityManager extends SqlEntityManager<PostgreSqlDriver> {
  private readsFrom: ConnectionType = 'write';

  /** Sends this fork's reads outside transactions to the read replicas (see the class). Returns the fork. */
  readFromReplicas(): this {
    this.readsFrom = 'read';
    return this;
  }

  /** Where a statement of this fork goes when its caller did not say: a replica only for reads outside a transaction of a fork that opted in. */
  readsGoTo(): ConnectionType {
    return this.readsFrom === 'read' && !this.isInTransaction() ? 'read' : 'write';
  }

  override find<
    Entity extends object,
    Hint extends string = never,
    Fields extends string = PopulatePath.ALL,
    Excludes extends string = never,
  >(
    entityName: EntityName<Entity>,
    where: FilterQuery<NoInfer<Entity>>,
    options: FindOptions<Entity, Hint, Fields, Excludes> = {},
  ): Promise<Loaded<Entity, Hint, Fields, Excludes>[]> {
    return super.find(entityName, where, { ...options, connectionType: options.connectionType ?? this.readsGoTo() });
  }

  override findOne<
    Entity extends object,
    Hint extends string = never,
    Fields extends string = '*',
    Excludes extends string = never,
  >(
    entityName: EntityName<Entity>,
    where: FilterQuery<NoInfer<Entity>>,
    options: FindOneOptions<Entity, Hint, Fields, Excludes> = {},
  ): Promise<Loaded<Entity, Hint, Fields, Excludes> | null> {
    return super.findOne(entityName, where, { ...options, connectionType: options.connectionType ?? this.readsGoTo() });
  }

  override count<Entity extends object, Hint extends string = never>(
    entityName: EntityName<Entity>,
    where: FilterQuery<NoInfer<Entity>> = {} as FilterQuery<NoInfer<Entity>>,
    options: CountOptions<Entity, Hint> = {},
  ): Promise<number> {
    return super.count(entityName, where, { ...options, connectionType: options.connectionType ?? this.readsGoTo() });
  }

  override createQueryBuilder<Entity extends object, RootAlias extends string = never>(
    entityName: EntityName<Entity> | QueryBuilder<Entity>,
    alias?: RootAlias,
    type?: ConnectionType,
    loggerContext?: LoggingOptions,
  ): QueryBuilder<Entity, RootAlias> {
    return super.createQueryBuilder(entityName, alias, type ?? this.readsGoTo(), loggerContext);
  }

  override getConnection(type?: ConnectionType): ReturnType<PostgreSqlDriver['getConnection']> {
    return super.getConnection(type ?? this.readsGoTo());
  }
}

/**
 * Sends the reads of `em` (a fork made for one read-only operation) to the read replicas, when it is
 * Raccord's EntityManager; see `RaccordEntityManager`. Returns `em`.
 */
export function readFromReplicas(em: EntityManager): EntityManager {
  if (em instanceof RaccordEntityManager) em.readFromReplicas();
  return em;
}

/**
 * MikroORM's `find` without entities: the rows of `entityName` matching `where`, each a plain object
 * of the entity's properties (named and converted as on the entity, a relation as its primary key),
 * for reads that only answer GraphQL: no entity made, no identity map, so that an invoice's hundreds
 * of lines cost what their SQL does. The statement goes where the fork's own reads go (see
 * `RaccordEntityManager`), in its transaction when it is in one, logged with its request id. Without
 * the identity map, a condition on a to-many relation would repeat a row per match: give `limit` (or
 * `first`), which MikroORM applies to distinct rows.
 */
export function findRows<T extends object>(
  em: EntityManager,
  entityName: EntityName<T>,
  where: ObjectQuery<T>,
  options: FindOptions<T> = {},
): Promise<EntityData<T>[]> {
  return em.getDriver().find<T>(Utils.className(entityName), where, {
    ...options,
    connectionType: options.connectionType ?? (em instanceof RaccordEntityManager ? em.readsGoTo() : 'write'),
    ctx: em.getTransactionContext(),
    logging: em.getLoggerContext(),
  });
}
