import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { loginAs } from '../../../src/modules/staff/testing.js';
import { pdfWithPages } from '../../../src/modules/unterlagen/files/test/fixtures.js';
import { file, freeFields, multipart } from '../../../src/modules/unterlagen/test/multipart.js';
import { uploads } from '../../../src/modules/unterlagen/unterlagen.tables.js';
import { expectAccessible, shot, type BrowserHarness } from './browser.js';

const WIDTH = 768;
const FIRST_LINE = ['received', 'reference', 'name', 'type', 'status'];
const SECOND_LINE = ['bg', 'due', 'check', 'assigned'];

/**
 * One caseworker's pass through the upload inbox on a 768 px tablet (doc/adr/0370-upload-inbox-row-on-a-tablet.md):
 * four new uploads under `bgNummer`, found by the search; nothing scrolls sideways, a row's first line holds the
 * fields that decide, the rest is on the second line; the tick box, links and "all on this page" are at least 44 px
 * high; Tab reaches a row's reference and Enter opens it; "save and next" lands on the next one; two rows ticked by
 * a tap beside their box are marked reviewed in one go. Returns what it measured.
 */
export async function inboxOnATablet(h: BrowserHarness, { javaScript, bgNummer }: { javaScript: boolean; bgNummer: string }) {
  for (let i = 0; i < 4; i++) {
    const fields = freeFields({ lastName: `Tablett-Langername-${i}`, bgNummer });
    const res = await h.ctx.app.inject({ method: 'POST', url: '/api/v1/t/neue-wege/uploads', ...multipart([...fields, file('kontoauszug.pdf', await pdfWithPages(1))]) });
    expect(res.statusCode).toBeLessThan(300);
    // References are random; the widest letters must fit as well as a typical one ("UN-2026-WWWWWW" is 19 % wider
    // than "UN-2026-7K3M9Q" in the page's font).
    await h.ctx.database.db.update(uploads).set({ reference: `UN-2026-${javaScript ? 'W' : 'M'}WWWW${i}` }).where(eq(uploads.id, res.json<{ id: string }>().id));
  }
  const label = `inbox at ${WIDTH} px ${javaScript ? 'with' : 'without'} JavaScript`;
  const login = await loginAs(h.ctx, ['sachbearbeitung']);
  const { page, context } = await h.newPage({ width: WIDTH, javaScript });
  await context.addCookies(Object.entries(login.cookies).map(([name, value]) => ({ name, value, url: h.baseUrl })));
  await page.goto(`${h.baseUrl}/t/neue-wege/staff/unterlagen`);
  await page.locator('#f-q').fill(bgNummer);
  await Promise.all([page.waitForURL(/\?f=/), page.locator('#f-q').press('Enter')]);
  const rows = page.locator('.ww-inbox-table tbody tr');
  expect(await rows.count()).toBe(4);
  const listUrl = page.url();

  const overflow = await page.evaluate(() => [document.scrollingElement!, ...document.querySelectorAll('.ww-table-wrap')].map((el) => el.scrollWidth - el.clientWidth));
  expect(overflow.every((d) => d <= 0), `${label}: ${JSON.stringify(overflow)}`).toBe(true);
  const cells = await rows.first().evaluate((tr, columns) => {
    const header = (column: string) => tr.closest('table')!.querySelector(`thead .ww-col-${column}`)!.getBoundingClientRect().left;
    const of = (column: string) => tr.querySelector(`.ww-col-${column}`)!;
    return Object.fromEntries(columns.map((c) => [c, { ...(of(c).getBoundingClientRect().toJSON() as DOMRect), headerLeft: header(c), overflows: of(c).scrollWidth > of(c).clientWidth, text: of(c).textContent!.trim() }]));
  }, ['pick', ...FIRST_LINE, ...SECOND_LINE]);
  for (const [column, cell] of Object.entries(cells)) {
    expect(cell.left, `${label}: ${column}`).toBeGreaterThanOrEqual(0);
    expect(cell.right, `${label}: ${column}`).toBeLessThanOrEqual(WIDTH);
    expect(cell.overflows, `${label}: ${column} runs into its neighbour`).toBe(false);
    expect(Math.abs(cell.left - cell.headerLeft), `${label}: ${column} under its header`).toBeLessThanOrEqual(1);
  }
  const firstLineBottom = Math.max(...FIRST_LINE.map((c) => cells[c]!.bottom));
  for (const c of SECOND_LINE) expect(cells[c]!.top, `${label}: ${c} on the second line`).toBeGreaterThanOrEqual(firstLineBottom - 0.5);
  // The second line names its fields; the first line is under the header's columns.
  expect(cells['bg']!.text).toBe(`BG-Nummer${bgNummer}`);
  expect(await page.locator('.ww-inbox-table tbody .ww-inbox-table__label').first().evaluate((el) => getComputedStyle(el, '::after').content)).toBe('":"');

  const targets = await page.locator('.ww-inbox-table a, .ww-bulk__pick, .ww-bulk__all .kern-label').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
  expect(Math.min(...targets), `${label}: touch targets ${JSON.stringify(targets)}`).toBeGreaterThanOrEqual(44);
  await expectAccessible(page, label);
  await shot(page, `inbox-768-${javaScript ? 'js' : 'nojs'}`);

  // Keyboard only: Tab reaches the first row's reference, Enter opens it; saving lands on the next of this search.
  let tabs = 0;
  while (tabs < 80 && !(await page.evaluate(() => document.activeElement?.classList.contains('ww-inbox-table__open')))) {
    await page.keyboard.press('Tab');
    tabs++;
  }
  expect(tabs, `${label}: Tab never reached a row's link`).toBeLessThan(80);
  expect(await page.evaluate(() => document.activeElement!.getBoundingClientRect().right)).toBeLessThanOrEqual(WIDTH);
  await Promise.all([page.waitForURL(/\/staff\/unterlagen\/[0-9a-f-]{36}/), page.keyboard.press('Enter')]);
  await page.getByLabel('Annehmen').check();
  await page.getByRole('button', { name: 'Speichern und nächste Einreichung' }).click();
  await expect.poll(() => page.getByText('Hier ist die nächste Einreichung dieser Auswahl.').count()).toBe(1);

  // Bulk: a tap in the corner of a row's 44 px tick area (beside the box itself) ticks it.
  await page.goto(listUrl);
  const picks = page.locator('.ww-bulk__pick');
  for (const pick of [picks.nth(-1), picks.nth(-2)]) await pick.click({ position: { x: 3, y: 3 } });
  expect(await page.locator('.ww-bulk__check:checked').count()).toBe(2);
  await page.getByRole('button', { name: 'Als geprüft markieren (annehmen)' }).click();
  await expect.poll(() => page.getByText('2 Einreichungen als geprüft markiert').count()).toBe(1);
  await expectAccessible(page, `${label}: bulk done`);
  await context.close();
  return { javaScript, overflow, tabsToFirstRowLink: tabs, smallestTarget: Math.min(...targets) };
}
