// Set-based writes: multi-row INSERTs and upserts instead of one statement per row, kept under PostgreSQL's limit
// of bound parameters per statement.
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import type { PgTable } from 'drizzle-orm/pg-core';

/** PostgreSQL (and PGlite) accept at most this many bound parameters in one statement. */
export const MAX_PARAMETERS = 65_535;

/**
 * Splits `rows` into batches small enough for one multi-row INSERT/upsert each, given how many parameters one row
 * binds. An empty input gives no batch.
 */
export function inBatches<T>(rows: readonly T[], parametersPerRow: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, parametersPerRow)));
  const batches: T[][] = [];
  for (let i = 0; i < rows.length; i += size) batches.push(rows.slice(i, i + size));
  return batches;
}

/**
 * The `set` of a multi-row `onConflictDoUpdate`: each named column takes the value of the row that was proposed
 * (`excluded.<column>`). Column names follow the connection's snake_case casing.
 */
export function fromExcluded<T extends PgTable>(table: T, keys: readonly (keyof T['_']['columns'] & string)[]): Record<string, SQL> {
  const columns = getTableColumns(table);
  return Object.fromEntries(
    keys.map((key) => {
      const column = columns[key]!;
      return [key, sql`excluded.${sql.identifier(column.keyAsName ? toSnakeCase(column.name) : column.name)}`];
    }),
  );
}

/**
 * The last row for each key: a multi-row upsert may not touch one row twice, while a loop of single upserts let
 * the later row win. This keeps that outcome.
 */
export function lastPerKey<T>(rows: readonly T[], key: (row: T) => string): T[] {
  return [...new Map(rows.map((row) => [key(row), row])).values()];
}
