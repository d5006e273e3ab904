/**
 * Rows as one parameter of a raw statement (`em.execute`), for set-based writes of many rows: read
 * in SQL as `jsonRowsSql` (a jsonb array, e.g. for `jsonb_to_recordset`). A Buffer, because MikroORM
 * writes parameters into the SQL text: a string is escaped character by character in JavaScript (a
 * megabyte of JSON held the event loop), a Buffer is written as hex by native code.
 */
export function jsonRows(rows: readonly unknown[]): Buffer {
  return Buffer.from(JSON.stringify(rows));
}

/** How a statement reads a `jsonRows` parameter: a jsonb array. */
export const jsonRowsSql = "convert_from(?, 'UTF8')::jsonb";
