import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { instantOf } from '../../src/modules/servicepoint/queue.js';
import { deskLocations, deskServices } from '../../src/modules/servicepoint/termine.adapter.js';
import { loginAs } from '../../src/modules/staff/testing.js';
import { bookingService } from '../../src/modules/termine/index.js';
import { expectAccessible, shot, startBrowserHarness, tertiaryTextIndents, type BrowserHarness } from './support/browser.js';

let h: BrowserHarness;
let locationId: string;
let deskUrl: string;
let displayUrl: string;

beforeAll(async () => {
  h = await startBrowserHarness({ now: '2026-11-25T09:00:00Z' });
  const tdb = new TenantDb(h.ctx.deps.database.db, h.ctx.tenant.id);
  const termineCtx = { tdb, tenant: h.ctx.tenant, deps: h.ctx.deps };
  locationId = (await deskLocations(termineCtx))[0]!.id;
  const serviceId = (await deskServices(termineCtx)).find((s) => s.locationIds.includes(locationId))!.id;
  await bookingService.staffBook(
    termineCtx,
    { locationId, serviceIds: [serviceId], persons: 2, startsAt: instantOf('2026-11-25', '10:30')!, contact: { name: 'Erika Beispiel', email: 'erika@example.org' } },
  );
  deskUrl = `${h.baseUrl}/t/neue-wege/staff/servicepoint/${locationId}`;
  displayUrl = `${h.baseUrl}/t/neue-wege/servicepoint/anzeige/${locationId}`;
});
afterAll(async () => h?.close());

async function deskPage(width?: number) {
  const login = await loginAs(h.ctx, ['servicepoint']);
  const { page, context } = await h.newPage(width ? { width } : {});
  const [name, value] = Object.entries(login.cookies)[0]!;
  await context.addCookies([{ name, value, url: h.baseUrl }]);
  return { page, context };
}

/** Gives out a walk-in's waiting number at the desk, so that a call has someone to call whatever ran before. */
async function giveOutNumber(page: Page) {
  await page.goto(deskUrl);
  await page.getByRole('button', { name: 'Nummer ausgeben' }).click();
  await expect.poll(() => page.locator('.sp-ticket__number').count()).toBe(1);
}

/** Calls the next waiting number to `counter` from the day view. */
async function callNext(page: Page, counter: string) {
  await page.goto(deskUrl);
  await page.getByLabel('Ihr Schalter', { exact: true }).fill(counter);
  await page.getByRole('button', { name: 'Nächste aufrufen' }).click();
}

/**
 * Before the page's scripts run: counts the `state` messages its event streams deliver (window.streamStates). The
 * page's own listener renders each message in the same dispatch, so once the count is up the state is shown.
 */
const countStreamStates = `
  window.streamStates = 0;
  const NativeEventSource = window.EventSource;
  window.EventSource = class extends NativeEventSource {
    constructor(...args) {
      super(...args);
      this.addEventListener('state', () => window.streamStates++);
    }
  };
`;

/** Elements that stick out of the page on the right; only the tables may scroll sideways, in their own region. */
const widerThanThePage = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !el.closest('.sp-table-wrap, .ww-table-wrap, .kern-sr-only'))
      .map((el) => `${el.tagName}.${el.className}`)
      .slice(0, 5),
  );

describe('Servicepoint in a real browser', () => {
  it('day view, ticket and staff forms are accessible; check-in works by keyboard-reachable buttons', async () => {
    const { page, context } = await deskPage();
    await page.goto(deskUrl);
    await expect.poll(() => page.locator('h1').textContent()).toContain('Tagesansicht');
    await expectAccessible(page, 'day view');
    // The search by keyboard: the name goes by POST, the address carries only the stored search's id.
    await page.getByLabel('Name oder Buchungscode').fill('Erika');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toMatch(/[?&]f=[0-9a-f-]{36}$/);
    expect(page.url()).not.toContain('Erika');
    await expect.poll(() => page.getByText('Name oder Buchungscode: Erika').count()).toBe(1);
    await expectAccessible(page, 'day view with a search');
    expect(await page.getByRole('button', { name: /Angekommen 10:30 Erika Beispiel/ }).count()).toBe(1);
    await page.goto(deskUrl);
    await page.getByRole('button', { name: /Angekommen 10:30 Erika Beispiel/ }).click();
    await expect.poll(() => page.getByText(/Angemeldet: Wartenummer/).count()).toBe(1);
    await expectAccessible(page, 'day view after check-in');
    await page.getByRole('button', { name: 'Nummer ausgeben' }).click();
    await expect.poll(() => page.locator('.sp-ticket__number').count()).toBe(1);
    await expectAccessible(page, 'ticket');
    for (const path of ['telefon', 'schliessung', 'statistik']) {
      await page.goto(`${deskUrl}/${path}`);
      await expectAccessible(page, path);
    }
    await page.goto(`${deskUrl}/telefon`);
    await page.getByRole('button', { name: 'Termin buchen' }).click();
    await expect.poll(() => page.locator('.ww-error-summary').count()).toBe(1);
    await expectAccessible(page, 'phone booking errors');
    await page.goto(`${h.baseUrl}/t/neue-wege/servicepoint/kiosk/${locationId}`);
    await expectAccessible(page, 'kiosk');
    await page.getByLabel('Buchungscode').fill('ZZZZ-ZZZZ');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expectAccessible(page, 'kiosk error');
    await context.close();
  });

  it('marks a booking made twice; the name column and the ticket number fit at 1366 and 390 px', async () => {
    const tdb = new TenantDb(h.ctx.deps.database.db, h.ctx.tenant.id);
    const termineCtx = { tdb, tenant: h.ctx.tenant, deps: h.ctx.deps };
    const serviceId = (await deskServices(termineCtx)).find((s) => s.locationIds.includes(locationId))!.id;
    const twice = { locationId, serviceIds: [serviceId], persons: 1, startsAt: instantOf('2026-11-25', '11:30')!, contact: { name: 'Maximiliane Müller-Lüdenscheidt', email: 'maxi@example.org' } };
    await bookingService.staffBook(termineCtx, twice);
    await bookingService.staffBook(termineCtx, twice);
    for (const width of [1366, 390]) {
      const { page, context } = await deskPage(width);
      await page.goto(deskUrl);
      const rows = page.locator('tr', { hasText: 'Maximiliane Müller-Lüdenscheidt' });
      await expect.poll(() => rows.count()).toBe(2);
      expect(await rows.nth(0).getByText(/Doppelt gebucht/).count()).toBe(0);
      expect(await rows.nth(1).getByText(/Doppelt gebucht: gleiche E-Mail-Adresse, gleiches Anliegen und gleiche Zeit wie [0-9A-Z]{4}-[0-9A-Z]{4}/).count()).toBe(1);
      await expectAccessible(page, `day view with a duplicate at ${width} px`);
      if (width === 1366) {
        // The name column is wide enough for a double name on one line.
        const nameCell = await rows.nth(0).locator('td').nth(1).boundingBox();
        expect(nameCell!.width).toBeGreaterThanOrEqual(240);
      }
      await shot(page, `desk-day-${width}`);
      await page.getByRole('button', { name: 'Nummer ausgeben' }).click();
      await expect.poll(() => page.locator('.sp-ticket__number').count()).toBe(1);
      // The number stays inside its dashed box.
      const box = (await page.locator('.sp-ticket').boundingBox())!;
      const number = (await page.locator('.sp-ticket__number').evaluate((el) => {
        // The visible number is the heading's last text node (a visually hidden label comes first).
        const range = document.createRange();
        range.selectNodeContents(el.lastChild!);
        const r = range.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }))!;
      expect(number.left).toBeGreaterThan(box.x + 2);
      expect(number.right).toBeLessThan(box.x + box.width - 2);
      expect(number.top).toBeGreaterThan(box.y + 2);
      await expectAccessible(page, `ticket at ${width} px`);
      await shot(page, `desk-ticket-${width}`);
      // The number called to this desk stays inside its panel's border.
      await callNext(page, '7');
      await expect.poll(() => page.locator('.sp-current__number').count()).toBeGreaterThan(0);
      const visit = page.locator('.sp-current__visit').first();
      const visitBox = (await visit.boundingBox())!;
      const called = (await visit.locator('.sp-current__number').boundingBox())!;
      expect(called.x).toBeGreaterThanOrEqual(visitBox.x + 6);
      await shot(page, `desk-current-${width}`);
      // The tertiary actions' text starts at their box: on a line of its own it is in line with the text above.
      const tertiary = await tertiaryTextIndents(page);
      expect(tertiary.length).toBeGreaterThan(0);
      expect(tertiary.filter((b) => b.indent !== 0)).toEqual([]);
      // Only the tables scroll sideways (in their own region), never the page.
      expect(await widerThanThePage(page)).toEqual([]);
      await context.close();
    }
  }, 120_000);

  it('the desk at 1280, 1366, 1920 and 768 px, with and without JavaScript: no page overflow, headers over their columns; undo without JavaScript', async () => {
    for (const javaScript of [true, false]) {
      for (const width of [1280, 1366, 1920, 768]) {
        const login = await loginAs(h.ctx, ['servicepoint']);
        const { page, context } = await h.newPage({ width, javaScript });
        await context.addCookies(Object.entries(login.cookies).map(([name, value]) => ({ name, value, url: h.baseUrl })));
        await page.goto(deskUrl);
        const header = (await page.locator('.sp-table th').nth(1).boundingBox())!;
        const cell = (await page.locator('.sp-table tbody td').nth(1).boundingBox())!;
        expect(Math.abs(header.x - cell.x)).toBeLessThan(2);
        expect(await widerThanThePage(page)).toEqual([]);
        await shot(page, `desk-${width}-${javaScript ? 'js' : 'nojs'}`);
        await context.close();
      }
    }
    // Without JavaScript: call, done, and the page offers "Rückgängig" as a form.
    const login = await loginAs(h.ctx, ['servicepoint']);
    const { page, context } = await h.newPage({ width: 1366, javaScript: false });
    await context.addCookies(Object.entries(login.cookies).map(([name, value]) => ({ name, value, url: h.baseUrl })));
    await page.goto(deskUrl);
    await page.getByRole('button', { name: /Nummer ausgeben/ }).click();
    await page.goto(deskUrl);
    await page.getByLabel('Ihr Schalter', { exact: true }).fill('9');
    await page.getByRole('button', { name: 'Nächste aufrufen' }).click();
    await page.locator('.sp-current').getByRole('button', { name: /^Erledigt/ }).first().click();
    await expect.poll(() => page.getByText(/Sie können das bis \d\d:\d\d:\d\d Uhr rückgängig machen/).count()).toBe(1);
    await expectAccessible(page, 'desk offering undo without JavaScript');
    await shot(page, 'desk-undo-1366-nojs');
    await page.getByRole('button', { name: 'Rückgängig' }).click();
    await expect.poll(() => page.getByText(/Rückgängig gemacht: Nummer \d{3} ist wieder wie vorher/).count()).toBe(1);
    expect(await page.locator('.sp-current__visit').count()).toBe(1);
    await context.close();
  }, 180_000);

  it('the statistics at 390, 768 and 1366 px: one row per day with its figures side by side, German dates and numbers, the caption in sight, a chart drawn for the width', async () => {
    for (const width of [390, 768, 1366]) {
      const { page, context } = await deskPage(width);
      await page.goto(`${deskUrl}/statistik?period=week&date=25.11.2026`);
      expect(await page.getByText('23.11.2026 bis 29.11.2026').count()).toBe(1);
      if (width === 1366) {
        // The period and the day stand in one row, their boxes level although only the day has a hint above it.
        const [period, day] = await Promise.all([page.getByLabel('Zeitraum').boundingBox(), page.getByLabel('Tag', { exact: true }).boundingBox()]);
        expect(Math.abs(period!.y + period!.height - (day!.y + day!.height))).toBeLessThan(4);
      }
      const table = page.getByRole('table', { name: 'Kennzahlen je Tag' });
      // A day's figures stand side by side in its row (the desk grid once put them one under the other, unlabelled).
      const row = table.getByRole('row', { name: /^25\.11\.2026/ });
      const tops = await row.locator('td').evaluateAll((cells) => cells.map((cell) => Math.round(cell.getBoundingClientRect().top)));
      expect(tops.length).toBe(8);
      expect(new Set(tops).size).toBe(1);
      const text = (await table.textContent())!;
      expect(text).toMatch(/\d,\d %/);
      expect(text).not.toMatch(/\d\.\d %|2026-11-/);
      // The caption wraps inside the scrolling region instead of being centred over the whole, wider table.
      const [region, caption] = await Promise.all([page.getByRole('region', { name: 'Kennzahlen je Tag' }).boundingBox(), table.locator('caption').boundingBox()]);
      expect(caption!.x).toBeGreaterThanOrEqual(region!.x - 0.5);
      expect(caption!.x + caption!.width).toBeLessThanOrEqual(region!.x + region!.width + 0.5);
      // From a tablet on, all nine columns are in sight; only a phone scrolls the table sideways.
      const hidden = await page.getByRole('region', { name: 'Kennzahlen je Tag' }).evaluate((el) => el.scrollWidth - el.clientWidth);
      if (width >= 768) expect(hidden).toBeLessThanOrEqual(0);
      // A phone gets the narrow drawing, shown at its own size (not a desk drawing scaled down to tiny labels).
      const chart = page.locator('.sp-chart img');
      await expect.poll(() => chart.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : -1))).toBeGreaterThan(0);
      const drawing = await chart.evaluate((img: HTMLImageElement) => ({ narrow: img.currentSrc.includes('groesse=schmal'), scale: img.getBoundingClientRect().width / img.naturalWidth }));
      expect(drawing.narrow).toBe(width < 576);
      expect(drawing.scale).toBeGreaterThan(0.95);
      expect(await widerThanThePage(page)).toEqual([]);
      await expectAccessible(page, `statistics at ${width} px`);
      await shot(page, `stats-${width}`);
      await context.close();
    }
  }, 120_000);

  it('a date field in a row of filters is as wide as a date and the button stands beside it (statistics, phone booking; 1366 and 390 px)', async () => {
    for (const width of [1366, 390]) {
      const { page, context } = await deskPage(width);
      for (const [path, button] of [['statistik', 'Anzeigen'], ['telefon', 'Freie Zeiten anzeigen']] as const) {
        await page.goto(`${deskUrl}/${path}`);
        await shot(page, `filter-${path}-${width}`);
        const input = page.getByLabel('Tag', { exact: true });
        const [formBox, inputBox, fieldBox, buttonBox] = await Promise.all([
          page.locator('form.sp-filter', { has: input }).boundingBox(),
          input.boundingBox(),
          page.locator('.sp-filter > .kern-form-input', { has: input }).boundingBox(),
          page.getByRole('button', { name: button }).boundingBox(),
        ]);
        // The field is as wide as its input, which holds a date; the hint above the input wraps.
        expect(inputBox!.width).toBeLessThan(200);
        expect(fieldBox!.width).toBeLessThanOrEqual(inputBox!.width + 1);
        if (width === 1366 && path === 'statistik') {
          // The button follows the input at the row's gap (16 px), level with it (it stood a hint's width away).
          expect(Math.abs(buttonBox!.x - (inputBox!.x + inputBox!.width) - 16)).toBeLessThan(1);
          expect(Math.abs(buttonBox!.y + buttonBox!.height - (inputBox!.y + inputBox!.height))).toBeLessThan(2);
        } else {
          // No room beside the input (the concern's list is wide): the button starts the next line at the left.
          expect(Math.abs(buttonBox!.x - formBox!.x)).toBeLessThan(1);
          expect(buttonBox!.y).toBeGreaterThan(inputBox!.y + inputBox!.height);
        }
        expect(await widerThanThePage(page)).toEqual([]);
        await expectAccessible(page, `${path} filter at ${width} px`);
      }
      await context.close();
    }
  }, 60_000);

  it('the display shows a call within one second through Server-Sent Events', async () => {
    const { page, context } = await deskPage();
    await giveOutNumber(page);
    const { page: display, context: displayContext } = await h.newPage();
    await display.addInitScript(countStreamStates);
    await display.goto(displayUrl);
    await expectAccessible(display, 'display');
    // The display has shown a state from its stream: it is subscribed, and a new call from now on flashes.
    await display.waitForFunction('window.streamStates > 0');
    await callNext(page, '4');
    const calledAt = Date.now();
    await display.waitForFunction(() => document.querySelector('[data-current]')?.textContent?.includes('Schalter 4'), undefined, { timeout: 1500 });
    expect(Date.now() - calledAt).toBeLessThan(1000);
    expect(await display.locator('[data-current]').getAttribute('class')).toContain('sp-flash');
    expect(await display.content()).not.toContain('Erika');
    await expectAccessible(display, 'display after call');
    await context.close();
    await displayContext.close();
  }, 60_000);

  it('without JavaScript the display refreshes itself', async () => {
    const desk = await deskPage();
    await giveOutNumber(desk.page);
    await callNext(desk.page, '5');
    await expect.poll(() => desk.page.locator('.sp-current__number').count()).toBeGreaterThan(0);
    await desk.context.close();
    const { page, context } = await h.newPage({ javaScript: false });
    await page.goto(displayUrl);
    expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(1);
    await expect.poll(() => page.locator('[data-current]').textContent()).toContain('Schalter 5');
    // The issue asks for a meta refresh as the fallback without JavaScript, and axe flags every meta refresh
    // (WCAG 2.2.1). The waiting-room display is a real-time event with nothing to read at length or operate,
    // which is 2.2.1's real-time exception; with JavaScript it updates through Server-Sent Events instead.
    await expectAccessible(page, 'display without JavaScript', { 'meta-refresh': 'WCAG 2.2.1 real-time exception: waiting-room call display' });
    await context.close();
  }, 60_000);
});
