import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';

export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that runs queries: the database or an open transaction. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Human-readable description for the start-up log (never contains credentials). */
  description: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… ; when unset, PGlite is used. */
  url?: string | undefined;
  /** PGlite data directory; `undefined` means in memory. */
  dataDir?: string | undefined;
  poolSize?: number;
}

/** Opens PostgreSQL (when a URL is given) or embedded PGlite. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // Fail fast with a clear message instead of on the first request.
    const client = await pool.connect();
    client.release();
    const url = new URL(options.url);
    return {
      db: drizzlePg({ client: pool, casing: 'snake_case' }) as unknown as Db,
      kind: 'postgres',
      description: `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`,
      close: () => pool.end(),
    };
  }
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  // btree_gist must be loaded every time a data directory that uses it is opened (STACK.md).
  // A smaller buffer pool: PGlite's WebAssembly heap dominates the memory of a trial installation.
  const client = await PGlite.create(options.dataDir ?? 'memory://', {
    extensions: { btree_gist },
    postgresqlconf: ['shared_buffers=16MB'],
  });
  return {
    db: drizzlePglite({ client, casing: 'snake_case' }) as unknown as Db,
    kind: 'pglite',
    description: options.dataDir ? `PGlite (embedded) in ${options.dataDir}` : 'PGlite (embedded, in memory)',
    close: () => client.close(),
  };
}
