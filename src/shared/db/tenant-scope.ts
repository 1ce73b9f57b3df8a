// TenantDb: every query of tenant data is scoped to one tenant.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './client.js';

/** Every table that holds tenant data has a `tenantId` column (first in its keys, for sharding). */
export type TenantTable = PgTable & { tenantId: PgColumn };

type Row<T extends TenantTable> = T['$inferSelect'];
type NewRow<T extends TenantTable> = Omit<T['$inferInsert'], 'tenantId'>;

/**
 * The only way repositories reach tenant data: every select, update and delete gets
 * `tenant_id = :tenant` added, and every insert gets the tenant set. A repository that
 * needs a join uses `scope(table)` for each joined table.
 */
export class TenantDb {
  constructor(
    readonly db: Executor,
    readonly tenantId: string,
  ) {}

  /** The tenant condition for `table`, combined with further conditions. */
  scope(table: TenantTable, ...conditions: (SQL | undefined)[]): SQL {
    return and(eq(table.tenantId, this.tenantId), ...conditions)!;
  }

  async select<T extends TenantTable>(table: T, ...conditions: (SQL | undefined)[]): Promise<Row<T>[]> {
    const rows = await this.db
      .select()
      .from(table as PgTable)
      .where(this.scope(table, ...conditions));
    return rows as Row<T>[];
  }

  async first<T extends TenantTable>(table: T, ...conditions: (SQL | undefined)[]): Promise<Row<T> | undefined> {
    const rows = await this.db
      .select()
      .from(table as PgTable)
      .where(this.scope(table, ...conditions))
      .limit(1);
    return rows[0] as Row<T> | undefined;
  }

  async insert<T extends TenantTable>(table: T, values: NewRow<T>): Promise<Row<T>> {
    const rows = (await this.db
      .insert(table)
      .values({ ...values, tenantId: this.tenantId } as T['$inferInsert'])
      .returning()) as Row<T>[];
    return rows[0]!;
  }

  async insertMany<T extends TenantTable>(table: T, values: NewRow<T>[]): Promise<Row<T>[]> {
    if (values.length === 0) return [];
    return (await this.db
      .insert(table)
      .values(values.map((v) => ({ ...v, tenantId: this.tenantId })) as T['$inferInsert'][])
      .returning()) as Row<T>[];
  }

  async update<T extends TenantTable>(
    table: T,
    set: Partial<NewRow<T>>,
    ...conditions: (SQL | undefined)[]
  ): Promise<Row<T>[]> {
    return (await this.db
      .update(table)
      .set(set as never)
      .where(this.scope(table, ...conditions))
      .returning()) as Row<T>[];
  }

  async delete<T extends TenantTable>(table: T, ...conditions: (SQL | undefined)[]): Promise<number> {
    const rows = await this.db
      .delete(table)
      .where(this.scope(table, ...conditions))
      .returning();
    return (rows as unknown[]).length;
  }

  /** Runs `fn` in one transaction; inside, use only the TenantDb passed in (PGlite hangs otherwise). */
  transaction<R>(fn: (tx: TenantDb) => Promise<R>): Promise<R> {
    return this.db.transaction((tx) => fn(new TenantDb(tx, this.tenantId)));
  }
}

/** The tenant of a prepared statement: filled from the TenantDb it runs on, never from the caller's parameters. */
const tenantParam = sql.placeholder('tenantId');

/** `tenant_id = <the TenantDb's tenant>` and further conditions, for a statement built by `preparedForTenant`. */
export function preparedScope(table: TenantTable, ...conditions: (SQL | undefined)[]): SQL {
  return and(eq(table.tenantId, tenantParam), ...conditions)!;
}

interface Prepared<R> {
  execute(params: Record<string, unknown>): Promise<R>;
}

/** A drizzle query (select, update, …) before `.prepare`. */
interface Preparable<R> {
  prepare(name: string): Prepared<R>;
  toSQL(): { sql: string };
}

/** The embedded database's client (`pglite-statements.ts`) runs statements it was told about under their name. */
function nameOnPglite(db: Executor, query: Preparable<unknown>, name: string): void {
  const client = (db as { $client?: { nameStatement?: (text: string, name: string) => void } }).$client;
  client?.nameStatement?.(query.toSQL().sql, name);
}

/**
 * A hot statement prepared once per database handle (ADR 0285): drizzle builds its SQL once, and PostgreSQL parses
 * and plans it once per connection (a named statement) instead of on every request; PGlite parses and plans it once
 * and runs it in one call into the embedded database (ADR 0335). `build` must scope every table by
 * `preparedScope`; the tenant is always the TenantDb's. Inside a transaction the statement is prepared for that
 * transaction's handle (on PGlite it then runs unnamed).
 */
export function preparedForTenant<P extends object, R>(name: string, build: (db: Executor) => Preparable<R>) {
  const statements = new WeakMap<Executor, Prepared<R>>();
  return (tdb: TenantDb, params: P): Promise<R> => {
    let statement = statements.get(tdb.db);
    if (!statement) {
      const query = build(tdb.db);
      nameOnPglite(tdb.db, query, name);
      statement = query.prepare(name);
      statements.set(tdb.db, statement);
    }
    return statement.execute({ ...params, tenantId: tdb.tenantId });
  };
}
