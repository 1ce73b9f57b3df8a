// Opens the database: PostgreSQL (pg pool with connect and statement timeouts) or embedded PGlite, behind one drizzle
// type; a new embedded database starts migrated. Everything else reaches it through TenantDb or an Executor.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Pool } from 'pg';

/** The migrations, reviewed as code; a new embedded database is created already migrated (see below). */
export const migrationsFolder = fileURLToPath(new URL('../../../migrations', import.meta.url));

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
  /** PGlite only: the whole data directory as a tarball (tests copy one migrated database this way). */
  dumpDataDir?(): Promise<Blob | File>;
}

export interface OpenOptions {
  /** postgres://… ; when unset, PGlite is used. */
  url?: string | undefined;
  /** PGlite data directory; `undefined` means in memory. */
  dataDir?: string | undefined;
  poolSize?: number;
  /** PGlite only: start from this data directory (a tarball from `Database.dumpDataDir`) instead of an empty one. */
  loadDataDir?: Blob | undefined;
  /** PostgreSQL only: how long to wait for a new connection and for one statement (defaults below). */
  timeouts?: Partial<DatabaseTimeouts>;
  /** PostgreSQL only: told about a connection the server or the network dropped (the pool replaces it). */
  onConnectionError?: (err: Error) => void;
}

export interface DatabaseTimeouts {
  connectMs: number;
  statementMs: number;
}

export const defaultDatabaseTimeouts: DatabaseTimeouts = { connectMs: 5_000, statementMs: 10_000 };

/**
 * A dropped connection must never end the process. pg emits 'error' on an idle client (a database restart, a
 * failover, a proxy's idle timeout, pg_terminate_backend) and on a checked-out one between its queries; an
 * 'error' event without a listener is an uncaught exception in Node. The pool removes the broken client itself
 * and the query that was running fails with the error, so listening and logging is all that is left to do.
 */
function keepAlive(pool: Pool, onError: (err: Error) => void): void {
  pool.on('error', onError);
  pool.on('connect', (client) => client.on('error', onError));
}

/** Opens PostgreSQL (when a URL is given) or embedded PGlite; only the driver in use is loaded. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.url) {
    const [{ default: pg }, { drizzle: drizzlePg }, { keepConnectionsAfterRefusals }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres'), import('./pool.js')]);
    const timeouts = { ...defaultDatabaseTimeouts, ...options.timeouts };
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      // A partitioned network refuses nothing: without these a request waits for the kernel's TCP timeout.
      connectionTimeoutMillis: timeouts.connectMs,
      // The server cancels a statement that runs too long; the client stops waiting a little later, for when
      // the server cannot even say so (the connection is then dropped, see pg-pool's release on error).
      statement_timeout: timeouts.statementMs,
      query_timeout: timeouts.statementMs + 2_000,
      keepAlive: true,
    });
    keepAlive(pool, options.onConnectionError ?? (() => undefined));
    keepConnectionsAfterRefusals(pool);
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
  if (options.dataDir) await initPgliteDataDir(options.dataDir);
  const [{ PGlite }, { btree_gist }, { drizzle: drizzlePglite }, { namingPGlite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/btree_gist'),
    import('drizzle-orm/pglite'),
    import('./pglite-statements.js'),
  ]);
  // btree_gist must be loaded every time a data directory that uses it is opened: PGlite keeps no extension
// loaded between opens, and the booking constraints (EXCLUDE USING gist) need it.
  // A smaller buffer pool: PGlite's WebAssembly heap dominates the memory of a trial installation.
  const client = await PGlite.create(options.dataDir ?? 'memory://', {
    extensions: { btree_gist },
    postgresqlconf: ['shared_buffers=16MB'],
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  return {
    // Statements prepared by `preparedForTenant` run under their name (ADR 0335).
    db: drizzlePglite({ client: namingPGlite(client), casing: 'snake_case' }) as unknown as Db,
    kind: 'pglite',
    description: options.dataDir ? `PGlite (embedded) in ${options.dataDir}` : 'PGlite (embedded, in memory)',
    close: () => client.close(),
    dumpDataDir: () => client.dumpDataDir('none'),
  };
}

// PGlite runs initdb in a second WebAssembly instance, and the first migrations grow the WebAssembly heap
// further. That memory (200–500 MB here) is not returned to the operating system, so a server that created its
// data directory itself stayed that much bigger for its whole life. A short-lived child process creates and
// migrates a new directory instead; the server then opens a ready one (and finds no migration left to run).
const initScript = `
const [dir, migrationsFolder, pglite, btreeGist, drizzlePglite, migrator] = process.argv.slice(1);
const [{ PGlite }, { btree_gist }, { drizzle }, { migrate }] = await Promise.all([pglite, btreeGist, drizzlePglite, migrator].map((url) => import(url)));
const client = await PGlite.create(dir, { extensions: { btree_gist } });
await migrate(drizzle({ client }), { migrationsFolder });
await client.close();
`;

async function initPgliteDataDir(dataDir: string): Promise<void> {
  if (existsSync(join(dataDir, 'PG_VERSION'))) return;
  await mkdir(dataDir, { recursive: true });
  const require = createRequire(import.meta.url);
  const url = (specifier: string) => pathToFileURL(require.resolve(specifier)).href;
  const modules = ['@electric-sql/pglite', '@electric-sql/pglite/contrib/btree_gist', 'drizzle-orm/pglite', 'drizzle-orm/pglite/migrator'];
  try {
    await promisify(execFile)(process.execPath, ['--input-type=module', '-e', initScript, dataDir, migrationsFolder, ...modules.map(url)], {
      timeout: 120_000,
    });
  } catch (err) {
    // The child's own last words, not "Command failed: node -e <the whole script>".
    const stderr = String((err as { stderr?: unknown }).stderr ?? '').trim();
    throw new Error(`creating the embedded database failed: ${stderr.split('\n').filter(Boolean).at(-1) ?? (err as Error).message}`, { cause: err });
  }
}
