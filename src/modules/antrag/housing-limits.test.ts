// The demo housing limits are written in one statement and never overwrite a limit the tenant already has.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { housingLimits, upsertHousingLimits } from './antrag.repository.js';
import { DEMO_HOUSING_LIMITS, seedHousingLimits } from './antrag.service.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

describe('housing limits', () => {
  it('adds the missing household sizes and keeps those already set', async () => {
    const tdb = new TenantDb(ctx.deps.database.db, ctx.otherTenant.id);
    await upsertHousingLimits(tdb, [{ householdSize: 2, bruttokaltmieteCents: 70_000, heizkostenCents: null, note: 'Satzung' }]);
    await seedHousingLimits(ctx.deps, ctx.otherTenant);
    await seedHousingLimits(ctx.deps, ctx.otherTenant);
    const limits = await housingLimits(tdb);
    expect(limits.map((l) => l.householdSize)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(limits[1]).toMatchObject({ bruttokaltmieteCents: 70_000, heizkostenCents: null, note: 'Satzung' });
    expect(limits[5]).toMatchObject({ bruttokaltmieteCents: DEMO_HOUSING_LIMITS[5]!.bruttokaltmieteCents, note: 'demo' });
  });
});
