import type { EntityManager } from '@mikro-orm/postgresql';

/** A wilaya as the cache holds it: the fields of its GraphQL type. */
export interface WilayaRecord {
  readonly code: string;
  readonly name: string;
  readonly nameAr: string;
}

/** A daïra as the cache holds it; its wilaya by code, as an entity's reference shows it. */
export interface DairaRecord {
  readonly id: number;
  readonly name: string;
  readonly nameAr: string;
  readonly wilaya: { readonly code: string };
}

/** A commune as the cache holds it; its wilaya and daïra by key, as an entity's references show them. */
export interface CommuneRecord {
  readonly id: number;
  readonly name: string;
  readonly nameAr: string;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly wilaya: { readonly code: string };
  readonly daira: { readonly id: number };
}

/** Every wilaya, daïra and commune, by key. */
export interface ReferenceData {
  readonly wilayas: ReadonlyMap<string, WilayaRecord>;
  readonly dairas: ReadonlyMap<number, DairaRecord>;
  readonly communes: ReadonlyMap<number, CommuneRecord>;
}

/**
 * The reference data of each database this process opened (keyed by its ORM's configuration, which
 * every fork shares), read once and kept until a reference import changes it
 * (`forgetReferenceData`): the wilaya and commune of every record a list shows cost no SQL.
 */
const loaded = new WeakMap<object, Promise<ReferenceData>>();

async function load(em: EntityManager): Promise<ReferenceData> {
  // From the primary: a replica behind an import would keep the old names until the next change.
  const connection = em.getConnection('write');
  const read = <T>(sql: string) => connection.execute<T[]>(sql, [], 'all', undefined, em.getLoggerContext());
  const [wilayas, dairas, communes] = await Promise.all([
    read<{ code: string; name: string; name_ar: string }>('select code, name, name_ar from wilaya'),
    read<{ id: number; name: string; name_ar: string; wilaya_code: string }>(
      'select id, name, name_ar, wilaya_code from daira',
    ),
    read<{
      id: number;
      name: string;
      name_ar: string;
      latitude: number | null;
      longitude: number | null;
      wilaya_code: string;
      daira_id: number;
    }>('select id, name, name_ar, latitude, longitude, wilaya_code, daira_id from commune'),
  ]);
  return {
    wilayas: new Map(
      wilayas.map((row) => [row.code, Object.freeze({ code: row.code, name: row.name, nameAr: row.name_ar })]),
    ),
    dairas: new Map(
      dairas.map((row) => [
        row.id,
        Object.freeze({
          id: row.id,
          name: row.name,
          nameAr: row.name_ar,
          wilaya: Object.freeze({ code: row.wilaya_code }),
        }),
      ]),
    ),
    communes: new Map(
      communes.map((row) => [
        row.id,
        Object.freeze({
          id: row.id,
          name: row.name,
          nameAr: row.name_ar,
          latitude: row.latitude,
          longitude: row.longitude,
          wilaya: Object.freeze({ code: row.wilaya_code }),
          daira: Object.freeze({ id: row.daira_id }),
        }),
      ]),
    ),
  };
}

/** The reference data of `em`'s database, read on first use and kept (see `loaded`). */
export function referenceData(em: EntityManager): Promise<ReferenceData> {
  let data = loaded.get(em.config);
  if (!data) {
    data = load(em);
    loaded.set(em.config, data);
    // A failed read is not kept: the next use tries again.
    data.catch(() => loaded.get(em.config) === data && loaded.delete(em.config));
  }
  return data;
}

/** Drops the reference data this process keeps of `em`'s database: the next use reads it again. */
export function forgetReferenceData(em: EntityManager): void {
  loaded.delete(em.config);
}

/**
 * The record of `key` in the part of the reference data `part` picks. One missing (made by an import
 * since the data was read) reads the data again, once.
 */
async function lookUp<K, V>(
  em: EntityManager,
  part: (data: ReferenceData) => ReadonlyMap<K, V>,
  key: K,
  what: string,
): Promise<V> {
  const found = part(await referenceData(em)).get(key);
  if (found) return found;
  forgetReferenceData(em);
  const reread = part(await referenceData(em)).get(key);
  if (!reread) throw new Error(`No ${what} ${String(key)} in the reference data`);
  return reread;
}

/** The wilaya with this code, from the cache. */
export function wilayaRecord(em: EntityManager, code: string): Promise<WilayaRecord> {
  return lookUp(em, (data) => data.wilayas, code, 'wilaya');
}

/** The daïra with this id, from the cache. */
export function dairaRecord(em: EntityManager, id: number): Promise<DairaRecord> {
  return lookUp(em, (data) => data.dairas, id, 'daïra');
}

/** The commune with this id, from the cache. */
export function communeRecord(em: EntityManager, id: number): Promise<CommuneRecord> {
  return lookUp(em, (data) => data.communes, id, 'commune');
}
