import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrationsFolder, type Database } from './client.js';

// Any constant works; it keeps two app instances from migrating at the same time.
const MIGRATION_LOCK = 727_001;

export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    const { migrate: migratePglite } = await import('drizzle-orm/pglite/migrator');
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  const { migrate: migratePg } = await import('drizzle-orm/node-postgres/migrator');
  const db = database.db as unknown as NodePgDatabase;
  await db.transaction(async (tx) => {
    // Waiting for another node's migration, or a migration that rewrites a big table, may take longer than
    // the statement timeout meant for requests.
    await tx.execute(sql`set local statement_timeout = 0`);
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await migratePg(tx as unknown as NodePgDatabase, { migrationsFolder });
  });
}

interface Journal {
  entries: { tag: string }[];
}

export async function expectedMigrationCount(): Promise<number> {
  const journal = JSON.parse(await readFile(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as Journal;
  return journal.entries.length;
}

/** True when the database answers and every migration in the folder has been applied. */
export async function migrationsCurrent(database: Database): Promise<boolean> {
  const result = await database.db.execute<{ n: number }>(
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  const rows = (result as unknown as { rows: { n: number }[] }).rows;
  return rows[0]?.n === (await expectedMigrationCount());
}
