import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdOfThree, injectClient, runJourney } from '../../src/modules/antrag/testing.js';
import { loginAs } from '../../src/modules/staff/testing.js';
import { pdfWithPages } from '../../src/modules/unterlagen/files/test/fixtures.js';
import { file, freeFields, multipart } from '../../src/modules/unterlagen/test/multipart.js';
import { expectAccessible, shot, startBrowserHarness, type BrowserHarness } from './support/browser.js';
import { deskWithBookings } from './support/desk.js';

// Staff pages on a tablet (768 px), JavaScript on and off, in a German browser: the page never scrolls sideways,
// tables fit (the upload inbox keeps its scroll region, ADR 0320), and no date field is a native one.
let h: BrowserHarness;
let deskUrl: string;
beforeAll(async () => {
  h = await startBrowserHarness({ now: '2026-11-25T09:00:00Z' });
  deskUrl = await deskWithBookings(h, '2026-11-25', [{ time: '10:30', name: 'Erika Beispiel' }]);
  for (const lastName of ['Beispiel-Langername', 'Muster']) {
    const res = await h.ctx.app.inject({ method: 'POST', url: '/api/v1/t/neue-wege/uploads', ...multipart([...freeFields({ lastName, bgNummer: '44444BG0000004' }), file('kontoauszug-oktober-2026.pdf', await pdfWithPages(2))]) });
    expect(res.statusCode).toBeLessThan(300);
  }
  await runJourney(injectClient(h.ctx.app), '/t/neue-wege', householdOfThree());
});
afterAll(async () => h?.close());

const pages = () => [
  { name: 'desk', roles: ['servicepoint'] as const, path: deskUrl },
  { name: 'phone', roles: ['servicepoint'] as const, path: `${deskUrl}/telefon` },
  { name: 'closure', roles: ['servicepoint'] as const, path: `${deskUrl}/schliessung` },
  { name: 'stats', roles: ['servicepoint'] as const, path: `${deskUrl}/statistik` },
  { name: 'staff-start', roles: ['servicepoint', 'sachbearbeitung'] as const, path: '/t/neue-wege/staff' },
  { name: 'inbox', roles: ['sachbearbeitung'] as const, path: '/t/neue-wege/staff/unterlagen' },
  { name: 'applications', roles: ['sachbearbeitung'] as const, path: '/t/neue-wege/staff/antraege' },
];

describe('staff pages on a tablet', () => {
  it('at 768 px with and without JavaScript: no sideways scrolling, German dates, accessible', async () => {
    const seen: Record<string, number[]> = {};
    for (const javaScript of [true, false]) {
      for (const p of pages()) {
        const login = await loginAs(h.ctx, [...p.roles]);
        const { page, context } = await h.newPage({ width: 768, javaScript });
        await context.addCookies(Object.entries(login.cookies).map(([name, value]) => ({ name, value, url: h.baseUrl })));
        await page.goto(`${h.baseUrl}${p.path}`);
        await shot(page, `${p.name}-768-${javaScript ? 'js' : 'nojs'}`);
        const [pageOverflow, ...tableOverflow] = await page.evaluate(() => [document.scrollingElement!, ...document.querySelectorAll('.sp-table-wrap, .ww-table-wrap')].map((el) => el.scrollWidth - el.clientWidth));
        seen[`${p.name} ${javaScript ? 'js' : 'nojs'}`] = [pageOverflow!, ...tableOverflow];
        expect(pageOverflow, `${p.name}: the page scrolls sideways`).toBeLessThanOrEqual(0);
        // The upload inbox's ten columns keep their own labelled scroll region (ADR 0320); every other table fits.
        if (p.name !== 'inbox') expect(tableOverflow.every((d) => d <= 0), `${p.name}: ${JSON.stringify(tableOverflow)}`).toBe(true);
        else expect(await page.locator('.ww-inbox-table a[href*="/staff/unterlagen/"]').first().evaluate((a) => a.getBoundingClientRect().right)).toBeLessThanOrEqual(768);
        expect(await page.locator('input[type="date"]').count(), `${p.name}: a native date field follows the browser's language`).toBe(0);
        await expectAccessible(page, `${p.name} at 768 px ${javaScript ? 'with' : 'without'} JavaScript`);
        await context.close();
      }
    }
    process.stdout.write(`TABLET-PAGES ${JSON.stringify(seen)}\n`);
  }, 240_000);
});
