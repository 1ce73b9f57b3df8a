import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { outboxMessages, type OutboxMessage } from '../mail/mail.tables.js';
import { enqueueMail } from '../mail/outbox.js';
import { preparedForTenant, preparedScope, TenantDb } from './tenant-scope.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

const mailById = preparedForTenant<{ id: string }, OutboxMessage[]>('test_mail_by_id', (db) =>
  db
    .select()
    .from(outboxMessages)
    .where(preparedScope(outboxMessages, eq(outboxMessages.id, sql.placeholder('id')))),
);

describe('preparedForTenant', () => {
  it('returns the same rows as the unprepared query, only of the TenantDb’s tenant, every time', async () => {
    const a = new TenantDb(ctx.database.db, ctx.tenant.id);
    const b = new TenantDb(ctx.database.db, ctx.otherTenant.id);
    const id = await enqueueMail(a, { kind: 'test', to: 'a@example.org', subject: 'A', text: 'a' });
    const unprepared = await a.first(outboxMessages, eq(outboxMessages.id, id));
    expect(unprepared?.nextAttemptAt).toBeInstanceOf(Date);
    expect(await mailById(a, { id })).toEqual([unprepared]);
    expect(await mailById(a, { id })).toEqual([unprepared]);
    expect(await mailById(b, { id })).toEqual([]);
  });

  it('on PGlite, runs under its name (parsed and planned once)', async () => {
    if (ctx.database.kind !== 'pglite') return;
    const a = new TenantDb(ctx.database.db, ctx.tenant.id);
    await mailById(a, { id: crypto.randomUUID() });
    const rows = await ctx.database.db.execute(sql`select name from pg_prepared_statements where name = 'test_mail_by_id'`);
    expect((rows as unknown as { rows: unknown[] }).rows).toEqual([{ name: 'test_mail_by_id' }]);
  });

  it('reports a database error with its code and keeps working afterwards', async () => {
    const a = new TenantDb(ctx.database.db, ctx.tenant.id);
    const err = await mailById(a, { id: 'not-a-uuid' }).catch((e: unknown) => e);
    const codes = [err, (err as { cause?: unknown }).cause].map((e) => (e as { code?: string } | undefined)?.code);
    expect(codes).toContain('22P02');
    expect(await mailById(a, { id: crypto.randomUUID() })).toEqual([]);
  });

  it('never runs inside another caller’s open transaction', async () => {
    const a = new TenantDb(ctx.database.db, ctx.tenant.id);
    let inserted!: (id: string) => void;
    const insertedId = new Promise<string>((resolve) => (inserted = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const transaction = a.transaction(async (tx) => {
      inserted(await enqueueMail(tx, { kind: 'test', to: 't@example.org', subject: 'T', text: 't' }));
      await released;
      throw new Error('rolled back');
    });
    const id = await insertedId;
    // Started while the transaction is open; it must see the database as it is after the rollback.
    const during = mailById(a, { id });
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await expect(transaction).rejects.toThrow('rolled back');
    expect(await during).toEqual([]);
  });
});
