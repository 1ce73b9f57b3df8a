// A fresh migrated database per test file (PGlite or PostgreSQL).
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import pg from 'pg';
import { openDatabase, type Database } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';
import type { DatabaseTemplate } from './global-setup.js';
import { createScratchDatabase } from './scratch.js';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new
 * PostgreSQL database when TEST_DATABASE_URL is set (dropped again by `close`). Both start as a copy of the
 * run's migrated template (global-setup.ts); the migrations then find nothing left to do.
 */
export async function openTestDatabase(options: { poolSize?: number } = {}): Promise<Database> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  // The migrated copy made once per run by global-setup.ts; without it (another runner), start empty.
  const template = inject('databaseTemplate') as DatabaseTemplate | undefined;
  if (!adminUrl) {
    const loadDataDir = template?.kind === 'pglite' ? new Blob([await readFile(template.file)]) : undefined;
    const database = await openDatabase({ loadDataDir });
    await runMigrations(database);
    return database;
  }
  const { name, url } = await createScratchDatabase(adminUrl, 'ww_test', template?.kind === 'postgres' ? template.name : undefined);
  const database = await openDatabase({ url, poolSize: options.poolSize ?? 10 });
  await runMigrations(database);
  return {
    ...database,
    description: `PostgreSQL test database ${name}`,
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      // pool.end() can resolve before the server has seen every connection close. Dropping `with (force)`
      // at once would kill those backends and surface 57P01 errors in the test, so wait for them first.
      for (let attempt = 0; ; attempt++) {
        try {
          await cleanup.query(`drop database if exists ${name}${attempt >= 50 ? ' with (force)' : ''}`);
          break;
        } catch (err) {
          if ((err as { code?: string }).code !== '55006' || attempt >= 50) throw err;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      await cleanup.end();
    },
  };
}

/** A URL for a second connection pool to the same test database (two app instances). */
export function describeTestDatabase(): 'pglite' | 'postgres' {
  return process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
}
