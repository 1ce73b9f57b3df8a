// The platform page for tenants in a real browser: accessible empty form, error state and success, on a phone
// and a desktop screen, without JavaScript.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../src/modules/staff/testing.js';
import { expectAccessible, shot, startBrowserHarness, type BrowserHarness } from './support/browser.js';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(async () => h?.close());

describe('platform page: tenants', () => {
  it('creates a tenant with the keyboard and shows errors by field', async () => {
    for (const width of [390, 1366]) {
      const admin = await loginAs(h.ctx, ['platform_admin']);
      const { page, context } = await h.newPage({ javaScript: false, width });
      await context.addCookies(Object.entries(admin.cookies).map(([name, value]) => ({ name, value, url: h.baseUrl })));
      await page.goto(`${h.baseUrl}/t/neue-wege/staff/plattform/mandanten`);
      await expectAccessible(page, `tenants ${width}`);
      await shot(page, `tenants-${width}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

      await page.getByLabel('Kürzel in der Adresse').fill('neue-wege');
      await page.getByLabel('Postleitzahl').fill('12');
      await page.getByRole('button', { name: 'Mandant anlegen' }).click();
      await expect.poll(() => page.locator('[data-error-summary]').count()).toBe(1);
      await expectAccessible(page, `tenants with errors ${width}`);
      await shot(page, `tenants-errors-${width}`);

      const slug = `kreis-${width}`;
      await page.getByLabel('Kürzel in der Adresse').fill(slug);
      await page.getByLabel('Name', { exact: true }).fill(`Jobcenter Kreis ${width}`);
      await page.getByLabel('Kurzname').fill(`Kreis ${width}`);
      await page.getByLabel('Straße und Hausnummer').fill('Am Markt 1');
      await page.getByLabel('Postleitzahl').fill('12345');
      await page.getByLabel('Ort').fill('Musterstadt');
      await page.getByLabel('Telefon').fill('01234 5678');
      await page.getByLabel('E-Mail-Adresse').fill(`info@${slug}.example`);
      await page.getByLabel('E-Mail-Adresse').press('Enter');
      await page.waitForURL(/created=/);
      expect(await page.getByText(`Der Mandant ${slug} wurde angelegt.`).count()).toBe(1);
      await expectAccessible(page, `tenant created ${width}`);
      await context.close();
    }
  });
});
