import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdOfThree, injectClient, runJourney } from '../../src/modules/antrag/testing.js';
import { loginAs } from '../../src/modules/staff/testing.js';
import { pdfWithPages } from '../../src/modules/unterlagen/files/test/fixtures.js';
import { file, freeFields, multipart } from '../../src/modules/unterlagen/test/multipart.js';
import { expectAccessible, shot, signIn, startBrowserHarness, type BrowserHarness } from './support/browser.js';
import { deskWithBookings } from './support/desk.js';
import { inboxOnATablet } from './support/inbox-tablet.js';

// Staff pages on a tablet (768 px), JavaScript on and off, in a German browser: the page never scrolls sideways,
// tables fit without scrolling their region (the upload inbox's rows are two-line grids, ADR 0370), and no date field
// is a native one.
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
      // One browser context per way of browsing: each page signs in anew, styles and fonts come from the cache.
      const { page, context } = await h.newPage({ width: 768, javaScript });
      for (const p of pages()) {
        await signIn(context, h.baseUrl, (await loginAs(h.ctx, [...p.roles])).cookies);
        await page.goto(`${h.baseUrl}${p.path}`);
        await shot(page, `${p.name}-768-${javaScript ? 'js' : 'nojs'}`);
        const [pageOverflow, ...tableOverflow] = await page.evaluate(() => [document.scrollingElement!, ...document.querySelectorAll('.sp-table-wrap, .ww-table-wrap')].map((el) => el.scrollWidth - el.clientWidth));
        seen[`${p.name} ${javaScript ? 'js' : 'nojs'}`] = [pageOverflow!, ...tableOverflow];
        expect(pageOverflow, `${p.name}: the page scrolls sideways`).toBeLessThanOrEqual(0);
        expect(tableOverflow.every((d) => d <= 0), `${p.name}: ${JSON.stringify(tableOverflow)}`).toBe(true);
        expect(await page.locator('input[type="date"]').count(), `${p.name}: a native date field follows the browser's language`).toBe(0);
        await expectAccessible(page, `${p.name} at 768 px ${javaScript ? 'with' : 'without'} JavaScript`);
      }
      await context.close();
    }
    process.stdout.write(`TABLET-PAGES ${JSON.stringify(seen)}\n`);
  }, 240_000);
});

describe('the upload inbox on a tablet', () => {
  it('at 768 px with and without JavaScript: every column on screen in two lines, 44 px targets, keyboard, save and next, bulk', async () => {
    const seen: unknown[] = [];
    for (const javaScript of [true, false]) seen.push(await inboxOnATablet(h, { javaScript, bgNummer: javaScript ? '55555BG0000005' : '66666BG0000006' }));
    process.stdout.write(`TABLET-INBOX ${JSON.stringify(seen)}\n`);
  }, 240_000);

  it('1024 px is laid out like 768 px, a phone in more lines; 1280, 1366 and 1920 px keep the ten-column table', async () => {
    const seen: Record<number, number[]> = {};
    // One page, resized and loaded again per width.
    const { page, context } = await h.newPage();
    await signIn(context, h.baseUrl, (await loginAs(h.ctx, ['sachbearbeitung'])).cookies);
    for (const width of [390, 768, 1024, 1280, 1366, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${h.baseUrl}/t/neue-wege/staff/unterlagen`);
      await shot(page, `inbox-${width}`);
      const layout = await page.locator('.ww-inbox-table').evaluate((table) => {
        const box = (column: string) => table.querySelector(`thead .ww-col-${column}`)!.getBoundingClientRect();
        return {
          display: getComputedStyle(table).display,
          headerTops: [...table.querySelectorAll('thead th')].map((th) => Math.round(th.getBoundingClientRect().top)),
          firstLineBottom: Math.max(...['received', 'reference', 'name', 'type', 'status'].map((c) => box(c).bottom)),
          secondLineTop: Math.min(...['bg', 'due', 'check', 'assigned'].map((c) => box(c).top)),
          overflow: [document.scrollingElement!, table.closest('.ww-table-wrap')!].map((el) => el.scrollWidth - el.clientWidth),
          widths: [...table.querySelectorAll('thead th')].map((th) => Math.round(th.getBoundingClientRect().width)),
        };
      });
      // "Select all on this page": KERN's gap between the box and its text (16 px), at every width.
      const allGap = await page.locator('.ww-bulk__all').evaluate((line) => {
        const text = document.createRange();
        text.selectNodeContents(line.querySelector('label')!);
        return text.getBoundingClientRect().left - line.querySelector('input')!.getBoundingClientRect().right;
      });
      expect(allGap, `${width}: the select-all box touches its text`).toBeGreaterThanOrEqual(15.5);
      seen[width] = [...layout.overflow, Math.round(allGap), ...layout.widths];
      expect(layout.overflow[0], `${width}: the page scrolls sideways`).toBeLessThanOrEqual(0);
      // 1280 px included: the sort headers wrap there (ADR 0386), before they scrolled the region by 32 px.
      expect(layout.overflow[1], `${width}: the table's region scrolls`).toBeLessThanOrEqual(0);
      expect(layout.headerTops).toHaveLength(10);
      if (width === 390) expect(layout.display).toBe('block');
      else if (width <= 1024) {
        expect(layout.display).toBe('block');
        expect(layout.secondLineTop, 'the header has a second line').toBeGreaterThanOrEqual(layout.firstLineBottom - 0.5);
      } else {
        expect(layout.display).toBe('table');
        expect(new Set(layout.headerTops).size, `${width}: all ten headers on one line`).toBe(1);
      }
      await expectAccessible(page, `inbox at ${width} px`);
    }
    await context.close();
    process.stdout.write(`INBOX-WIDTHS ${JSON.stringify(seen)}\n`);
  }, 120_000);
});
