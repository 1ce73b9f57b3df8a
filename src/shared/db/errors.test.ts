import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { isUniqueViolation } from './errors.js';

describe('isUniqueViolation', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('recognises a duplicate key from the real database, and nothing else', async () => {
    const db = ctx.database.db;
    // A plain table (a pool may run each statement on another connection, so no temporary table).
    await db.execute(sql`create table unique_probe (id int primary key)`);
    await db.execute(sql`insert into unique_probe values (1)`);
    const duplicate = await db.execute(sql`insert into unique_probe values (1)`).catch((error: unknown) => error);
    expect(isUniqueViolation(duplicate)).toBe(true);
    const otherError = await db.execute(sql`insert into unique_probe values (null)`).catch((error: unknown) => error);
    await db.execute(sql`drop table unique_probe`);
    expect(otherError).toBeInstanceOf(Error);
    expect(isUniqueViolation(otherError)).toBe(false);
    expect(isUniqueViolation(new Error('x', { cause: { code: '23505' } }))).toBe(true);
    expect(isUniqueViolation(undefined)).toBe(false);
  });
});
