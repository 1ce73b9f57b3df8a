// A statement the server refuses keeps its connection (and with it the session's prepared statements and caches);
// a connection the server ends is replaced. PostgreSQL only: PGlite has no pool.
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './client.js';

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)('the PostgreSQL pool after failed statements', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ url, poolSize: 1 });
  });
  afterAll(async () => database?.close());

  const rows = async <T>(query: ReturnType<typeof sql>) => (await database.db.execute(query)) as unknown as { rows: T[] };
  const backend = async () => (await rows<{ pid: number }>(sql`select pg_backend_pid() as pid`)).rows[0]!.pid;
  const refused = async (query: ReturnType<typeof sql>) => expect(database.db.execute(query)).rejects.toMatchObject({ cause: { code: expect.any(String) } });

  it('keeps the connection after a unique violation, a division by zero and a cancelled statement', async () => {
    const pid = await backend();
    // A temporary table lives only as long as its session: still there afterwards means the same connection.
    await database.db.execute(sql`create temporary table seat (id int primary key)`);
    await database.db.execute(sql`insert into seat values (1)`);
    await refused(sql`insert into seat values (1)`);
    await refused(sql`select 1 / 0`);
    await database.db.execute(sql`set statement_timeout = 10`);
    await refused(sql`select pg_sleep(1)`);
    await database.db.execute(sql`set statement_timeout = 0`);
    expect(await backend()).toBe(pid);
    expect((await rows<{ n: number }>(sql`select count(*)::int as n from seat`)).rows[0]!.n).toBe(1);
  });

  it('replaces a connection the server ended, and the next statement works', async () => {
    const pid = await backend();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query('select pg_terminate_backend($1)', [pid]);
    } finally {
      await admin.end();
    }
    // The ended session fails the next statement (or is noticed idle first); after that a new one serves.
    await database.db.execute(sql`select 1`).catch(() => undefined);
    const next = await backend();
    expect(next).not.toBe(pid);
    expect((await rows<{ one: number }>(sql`select 1 as one`)).rows[0]!.one).toBe(1);
  });
});
