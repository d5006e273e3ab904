import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, DomainError, ErrorCode } from '../../common/errors.js';
import { containsPattern, parseInput, searchText } from '../../common/validation.js';
import type { Context } from '../../context.js';
import { Commune } from './commune.entity.js';
import { Wilaya } from './wilaya.entity.js';

const wilayaCodePattern = /^\d{2}$/;

function checkWilayaCode(field: string, code: string): void {
  if (!wilayaCodePattern.test(code)) {
    throw badUserInput(field, 'must be two digits with a leading zero, such as "01"');
  }
}

/** All wilayas, by code. */
export function listWilayas(context: Context): Promise<Wilaya[]> {
  return context.em.find(Wilaya, {}, { orderBy: { code: 'asc' } });
}

/**
 * The wilaya with this code, or `null` when there is none.
 * @throws DomainError `BAD_USER_INPUT` when `code` is not two digits.
 */
export function findWilaya(context: Context, code: string): Promise<Wilaya | null> {
  checkWilayaCode('code', code);
  return context.em.findOne(Wilaya, { code });
}

/**
 * The wilaya with this code, for an argument that must name one.
 * @throws DomainError BAD_USER_INPUT (not two digits), NOT_FOUND (no such wilaya), naming `field`
 */
export async function requireWilaya(em: EntityManager, code: string, field = 'wilayaCode'): Promise<Wilaya> {
  checkWilayaCode(field, code);
  const wilaya = await em.findOne(Wilaya, { code });
  if (!wilaya) throw new DomainError(ErrorCode.NOT_FOUND, `No wilaya with code "${code}"`, { field });
  return wilaya;
}

/**
 * Communes, ordered by wilaya code then French name. `wilayaCode` keeps those of one wilaya;
 * `search` (trimmed, case-insensitive, at most 100 characters) keeps those whose French or Arabic
 * name contains it. A blank `search` filters nothing.
 * @throws DomainError `BAD_USER_INPUT` when `wilayaCode` is not two digits or `search` is too long.
 */
export function listCommunes(
  context: Context,
  filter: { wilayaCode?: string | null; search?: string | null },
): Promise<Commune[]> {
  const where: FilterQuery<Commune>[] = [];
  if (filter.wilayaCode !== undefined && filter.wilayaCode !== null) {
    checkWilayaCode('wilayaCode', filter.wilayaCode);
    where.push({ wilaya: filter.wilayaCode });
  }
  const search = parseInput(searchText, filter.search, 'search') ?? '';
  if (search !== '') {
    const pattern = containsPattern(search);
    where.push({ $or: [{ name: { $ilike: pattern } }, { nameAr: { $ilike: pattern } }] });
  }
  return context.em.find(Commune, { $and: where }, { orderBy: { wilaya: { code: 'asc' }, name: 'asc', id: 'asc' } });
}
