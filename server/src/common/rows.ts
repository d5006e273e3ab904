import {
  ReferenceKind,
  Utils,
  type EntityData,
  type EntityManager,
  type EntityName,
  type ObjectQuery,
} from '@mikro-orm/postgresql';
import { findRows } from '../database/entity-manager.js';

/**
 * Rows of `entity` as `findRows` reads them (property names, no entity made) in the shape its GraphQL
 * type and field resolvers read: scalars converted as MikroORM converts them when it hydrates an
 * entity, and each reference as `{ <its primary key>: value }` (or null), as an entity's reference
 * exposes its key; so that one field resolver reads a row or the entity a mutation returns.
 */
export function recordsOf<T extends object, R>(
  em: EntityManager,
  entity: EntityName<T>,
  rows: readonly EntityData<T>[],
): R[] {
  const meta = em.getMetadata().get<T>(Utils.className(entity));
  const platform = em.getPlatform();
  return rows.map((row) => {
    const record: Record<string, unknown> = { ...row };
    for (const prop of meta.props) {
      const value = record[prop.name];
      if (value === undefined || value === null) continue;
      if (prop.kind === ReferenceKind.MANY_TO_ONE) record[prop.name] = { [prop.targetMeta!.primaryKeys[0]!]: value };
      else if (prop.kind === ReferenceKind.SCALAR && prop.customType)
        record[prop.name] = prop.customType.convertToJSValue(value, platform);
    }
    return record as R;
  });
}

/** The rows of `entity` matching `where` (`findRows`: one statement, no entity made), as `recordsOf` makes them. */
export async function findRecords<T extends object, R>(
  em: EntityManager,
  entity: EntityName<T>,
  where: ObjectQuery<T>,
): Promise<R[]> {
  return recordsOf<T, R>(em, entity, await findRows(em, entity, where));
}
