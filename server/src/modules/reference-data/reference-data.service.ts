import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, DomainError, ErrorCode } from '../../common/errors.js';
import { parseInput, searchText, wilayaCode } from '../../common/validation.js';
import { textContains } from '../../common/text-search.js';
import type { Context } from '../../context.js';
import { Commune } from './commune.entity.js';
import { referenceData } from './reference-data.cache.js';
import { Wilaya } from './wilaya.entity.js';

/** A filter's place: a wilaya code and a commune id, each well-formed (`wilayaCode`, `recordId`) or left out. */
export interface PlaceFilter {
  readonly wilayaCode?: string | null | undefined;
  readonly communeId?: string | null | undefined;
}

/**
 * Refuses a filter naming a place the reference data does not hold (a wilaya code no wilaya has, such
 * as "00" or "99"; a commune id no commune has) or a commune outside the wilaya the filter names:
 * such a filter matches nothing, and is refused rather than answered with an empty list or figures
 * of zero. Checked against the process's reference data (reference-data.cache.ts: no SQL once it is
 * read, and a reference import drops it on every process), before anything else is read. Wilayas and
 * communes are public: the refusal tells nothing of any record.
 * @throws DomainError BAD_USER_INPUT naming `<prefix>.wilayaCode` or `<prefix>.communeId`
 */
export async function checkPlaceFilter(em: EntityManager, filter: PlaceFilter, prefix = ''): Promise<void> {
  if (!filter.wilayaCode && !filter.communeId) return;
  const field = (name: string) => (prefix ? `${prefix}.${name}` : name);
  const data = await referenceData(em);
  if (filter.wilayaCode && !data.wilayas.has(filter.wilayaCode)) {
    const codes = [...data.wilayas.keys()].sort();
    throw badUserInput(
      field('wilayaCode'),
      codes.length === 0
        ? 'must be the code of a wilaya: none is loaded'
        : `must be the code of a wilaya, "${codes[0]}" to "${codes.at(-1)}"`,
    );
  }
  if (!filter.communeId) return;
  const commune = data.communes.get(Number(filter.communeId));
  if (!commune) throw badUserInput(field('communeId'), 'must be the id of a commune');
  if (filter.wilayaCode && commune.wilaya.code !== filter.wilayaCode) {
    throw badUserInput(
      field('communeId'),
      `must be a commune of wilaya ${filter.wilayaCode}: it is in wilaya ${commune.wilaya.code}`,
    );
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
  return context.em.findOne(Wilaya, { code: parseInput(wilayaCode, code, 'code') });
}

/**
 * The wilaya with this code, for an argument that must name one.
 * @throws DomainError BAD_USER_INPUT (not two digits), NOT_FOUND (no such wilaya), naming `field`
 */
export async function requireWilaya(em: EntityManager, code: string, field = 'wilayaCode'): Promise<Wilaya> {
  const wilaya = await em.findOne(Wilaya, { code: parseInput(wilayaCode, code, field) });
  if (!wilaya) throw new DomainError(ErrorCode.NOT_FOUND, `No wilaya with code "${code}"`, { field });
  return wilaya;
}

/**
 * Communes, ordered by wilaya code then French name. `wilayaCode` keeps those of one wilaya;
 * `search` (trimmed, case-insensitive, at most 100 characters) keeps those whose French or Arabic
 * name contains it (`textContains`: accents and Arabic variants aside). A blank `search` filters nothing.
 * @throws DomainError `BAD_USER_INPUT` when `wilayaCode` is not the code of a wilaya or `search` is too long.
 */
export async function listCommunes(
  context: Context,
  filter: { wilayaCode?: string | null; search?: string | null },
): Promise<Commune[]> {
  const code = parseInput(wilayaCode.nullish(), filter.wilayaCode, 'wilayaCode');
  const search = parseInput(searchText, filter.search, 'search') ?? '';
  await checkPlaceFilter(context.em, { wilayaCode: code });
  const where: FilterQuery<Commune>[] = code ? [{ wilaya: code }] : [];
  if (search !== '') where.push(textContains(['name', 'name_ar'], search));
  return context.em.find(Commune, { $and: where }, { orderBy: { wilaya: { code: 'asc' }, name: 'asc', id: 'asc' } });
}
