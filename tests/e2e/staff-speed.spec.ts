import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TenantDb } from '../../src/shared/db/tenant-scope.js';
import { instantOf } from '../../src/modules/servicepoint/queue.js';
import { deskLocations, deskServices } from '../../src/modules/servicepoint/termine.adapter.js';
import { loginAs } from '../../src/modules/staff/testing.js';
import { bookingService } from '../../src/modules/termine/index.js';
import { pdfWithPages } from '../../src/modules/unterlagen/files/test/fixtures.js';
import { file, freeFields, multipart } from '../../src/modules/unterlagen/test/multipart.js';
import { startBrowserHarness, type BrowserHarness } from './support/browser.js';

let h: BrowserHarness;
let deskUrl: string;
beforeAll(async () => {
  h = await startBrowserHarness({ now: '2026-11-25T09:00:00Z' });
  const tdb = new TenantDb(h.ctx.deps.database.db, h.ctx.tenant.id);
  const c = { tdb, tenant: h.ctx.tenant, deps: h.ctx.deps };
  const locationId = (await deskLocations(c))[0]!.id;
  const serviceId = (await deskServices(c)).find((s) => s.locationIds.includes(locationId))!.id;
  await bookingService.staffBook(c, { locationId, serviceIds: [serviceId], persons: 1, startsAt: instantOf('2026-11-25', '10:30')!, contact: { name: 'Erika Beispiel', email: 'erika@example.org' } });
  deskUrl = `${h.baseUrl}/t/neue-wege/staff/servicepoint/${locationId}`;
});
afterAll(async () => h?.close());

async function counted(roles: Parameters<typeof loginAs>[1]) {
  const login = await loginAs(h.ctx, roles);
  const { page, context } = await h.newPage({ width: 1366 });
  await context.addCookies(Object.entries(login.cookies).map(([name, value]) => ({ name, value, url: h.baseUrl })));
  const counts = { loads: 0, actions: 0 };
  page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) counts.loads++; });
  return { page, context, counts };
}

describe('action counts (before)', () => {
  it('one visit: check-in, call, done', async () => {
    const { page, context, counts } = await counted(['servicepoint']);
    await page.goto(deskUrl);
    await page.getByRole('button', { name: /Angekommen 10:30 Erika/ }).click(); counts.actions++;
    await page.waitForLoadState();
    await page.getByLabel('Schalter', { exact: true }).first().fill('3'); counts.actions++;
    await page.getByRole('button', { name: 'Nächste aufrufen' }).click(); counts.actions++;
    await page.waitForLoadState();
    await page.getByRole('button', { name: /Erledigt 10:30 Erika/ }).click(); counts.actions++;
    await page.waitForLoadState();
    expect(await page.locator('main').textContent()).toContain('Erledigt');
    console.log('VISIT', JSON.stringify(counts));
    await context.close();
  }, 60_000);

  it('one upload review', async () => {
    const bytes = await pdfWithPages(2);
    const res = await h.ctx.app.inject({ method: 'POST', url: '/api/v1/t/neue-wege/uploads', ...multipart([...freeFields(), file('auszug.pdf', bytes)]) });
    expect(res.statusCode).toBeLessThan(300);
    const { page, context, counts } = await counted(['sachbearbeitung']);
    await page.goto(`${h.baseUrl}/t/neue-wege/staff/unterlagen`);
    await page.locator('table a[href*="/staff/unterlagen/"]').first().click(); counts.actions++;
    await page.waitForLoadState();
    await page.getByLabel('Annehmen').check(); counts.actions++;
    await page.getByRole('button', { name: 'Speichern' }).click(); counts.actions++;
    await page.waitForLoadState();
    console.log('REVIEW', JSON.stringify(counts), await page.locator('main').textContent());
    await context.close();
  }, 60_000);
});
export type { Page };
