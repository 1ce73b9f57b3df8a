import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenants } from '../tenancy/tenants.tables.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { sharedPage } from './page-cache.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

describe('shared pages', () => {
  it('renders once per owner and key, and again for another owner', () => {
    const owner = {};
    let renders = 0;
    const render = () => `page ${++renders}`;
    expect(sharedPage(owner, 'de|/a', render)).toBe('page 1');
    expect(sharedPage(owner, 'de|/a', render)).toBe('page 1');
    expect(sharedPage(owner, 'en|/a', render)).toBe('page 2');
    expect(sharedPage({}, 'de|/a', render)).toBe('page 3');
  });

  it('keeps at most 100 pages per tenant, dropping the oldest', () => {
    const owner = {};
    let renders = 0;
    for (let i = 0; i < 101; i++) sharedPage(owner, `de|/${i}`, () => `page ${++renders}`);
    expect(sharedPage(owner, 'de|/100', () => 'again')).toBe('page 101');
    expect(sharedPage(owner, 'de|/0', () => 'again')).toBe('again');
  });

  it('serves the start page in each language and shows a changed tenant as soon as the tenant is reloaded', async () => {
    const first = await ctx.app.inject('/t/neue-wege');
    const english = await ctx.app.inject('/t/neue-wege?lang=en');
    expect(english.body).toContain('Skip to content');
    expect((await ctx.app.inject('/t/neue-wege')).body).toBe(first.body);

    const [before] = await ctx.database.db.select().from(tenants).where(eq(tenants.id, ctx.tenant.id));
    await ctx.database.db.update(tenants).set({ phone: '06252 99-0000' }).where(eq(tenants.id, ctx.tenant.id));
    ctx.deps.tenantCache.invalidate();
    try {
      const changed = await ctx.app.inject('/t/neue-wege');
      expect(changed.body).toContain('06252 99-0000');
      expect(changed.body).not.toContain(before!.phone);
      expect((await ctx.app.inject('/t/neue-wege/kontakt')).body).toContain('06252 99-0000');
    } finally {
      await ctx.database.db.update(tenants).set({ phone: before!.phone }).where(eq(tenants.id, ctx.tenant.id));
      ctx.deps.tenantCache.invalidate();
    }
  });
});
