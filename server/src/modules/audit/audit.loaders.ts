import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { ApiKey } from '../auth/api-key.entity.js';
import { User } from '../user/user.entity.js';

/** Batch loaders of who made audited changes: one statement for all the actors of a trail. */
export interface AuditLoaders {
  /** The users asked, with their firm, by id (null for an id that is not a user's). */
  readonly users: DataLoader<string, User | null>;
  /** The API keys asked, with their firm, by id (null for an id that is not a key's). */
  readonly apiKeys: DataLoader<string, ApiKey | null>;
}

/** The records of `entity` with `ids`, their firm loaded with them, in the order of `ids`. */
function byId<Actor extends User | ApiKey>(
  em: EntityManager,
  entity: new () => Actor,
): DataLoader<string, Actor | null> {
  return new DataLoader(async (ids) => {
    const found = await em.find(entity as typeof User, { id: { $in: [...ids] } }, { populate: ['contractor'] });
    const byKey = new Map(found.map((actor) => [actor.id, actor as unknown as Actor]));
    return ids.map((id) => byKey.get(id) ?? null);
  });
}

/** One operation's audit loaders, on its EntityManager fork `em`. */
export function createAuditLoaders(em: EntityManager): AuditLoaders {
  return { users: byId(em, User), apiKeys: byId(em, ApiKey) };
}
