// The embedded database gets the vacuum and statistics that PostgreSQL's autovacuum gives a server (ADR 0429).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { describeTestDatabase } from '../testing/database.js';
import { databaseJobs } from './maintenance.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

const job = databaseJobs.find((j) => j.name === 'database.vacuum')!;

async function leasesTable() {
  await ctx.database.db.execute(sql`select pg_stat_force_next_flush()`);
  const result = await ctx.database.db.execute(sql`
    select s.n_dead_tup::int as dead, s.last_vacuum is not null as vacuumed, c.reltuples >= 0 as analysed
    from pg_stat_user_tables s join pg_class c on c.oid = s.relid where s.relname = 'job_leases'`);
  return (result as unknown as { rows: { dead: number; vacuumed: boolean; analysed: boolean }[] }).rows[0]!;
}

async function leaveDeadRows() {
  await ctx.database.db.execute(sql`insert into job_leases (name, leased_until) select 'test.' || g, now() from generate_series(1, 300) g`);
  await ctx.database.db.execute(sql`delete from job_leases where name like 'test.%'`);
}

describe.skipIf(describeTestDatabase() !== 'pglite')('database.vacuum on the embedded database', () => {
  it('vacuums and analyses a table past the thresholds, then finds nothing due', async () => {
    await leaveDeadRows();
    expect((await leasesTable()).dead).toBeGreaterThanOrEqual(300);
    const first = await job.run(ctx.deps);
    expect(first.vacuumed).toBeGreaterThanOrEqual(1);
    expect(await leasesTable()).toEqual({ dead: 0, vacuumed: true, analysed: true });
    expect((await job.run(ctx.deps)).done).toBe(0);
  });
});

describe.skipIf(describeTestDatabase() !== 'postgres')('database.vacuum on PostgreSQL', () => {
  it('leaves the tables to autovacuum', async () => {
    await leaveDeadRows();
    expect(await job.run(ctx.deps)).toEqual({ done: 0 });
    expect((await leasesTable()).vacuumed).toBe(false);
  });
});
