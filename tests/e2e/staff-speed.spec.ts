import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../src/modules/staff/testing.js';
import { pdfWithPages } from '../../src/modules/unterlagen/files/test/fixtures.js';
import { file, freeFields, multipart } from '../../src/modules/unterlagen/test/multipart.js';
import { expectAccessible, shot, startBrowserHarness, type BrowserHarness } from './support/browser.js';
import { deskWithBookings } from './support/desk.js';

let h: BrowserHarness;
let deskUrl: string;
beforeAll(async () => {
  h = await startBrowserHarness({ now: '2026-11-25T09:00:00Z' });
  const path = await deskWithBookings(h, '2026-11-25', [
    { time: '10:30', name: 'Erika Beispiel' },
    { time: '11:00', name: 'Max Mustermann', persons: 2 },
    { time: '11:30', name: 'Jana Beispiel-Langername', persons: 2 },
  ]);
  deskUrl = `${h.baseUrl}${path}`;
});
afterAll(async () => h?.close());

async function counted(roles: Parameters<typeof loginAs>[1], options: { width?: number; javaScript?: boolean } = {}) {
  const login = await loginAs(h.ctx, roles);
  const { page, context } = await h.newPage({ width: 1366, ...options });
  await context.addCookies(Object.entries(login.cookies).map(([name, value]) => ({ name, value, url: h.baseUrl })));
  const counts = { loads: 0, actions: 0 };
  page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) counts.loads++; });
  return { page, context, counts };
}

// The measured goal of the desk: one action per step and no page load with JavaScript on. Before ADR 0180 one
// visit took 4 page loads and 4 actions (check-in, type the counter, call, done); see doc/adr/0180-desk-without-page-loads.md.
// Undo (ADR 0305) adds no step: done is saved at once, and taking it back is one key.
describe('action counts of the desk', () => {
  it('one visit by keyboard: check-in, call (N), done (E), each without a page load; undo on the server with Z or by Tab', async () => {
    const { page, context, counts } = await counted(['servicepoint']);
    await page.goto(deskUrl);
    // Once per device: the counter.
    await page.getByLabel('Ihr Schalter', { exact: true }).fill('3');
    await page.getByRole('button', { name: 'Nächste aufrufen' }).click();
    await expect.poll(() => page.getByText('Ihr Schalter:').count()).toBe(1);
    const setupLoads = counts.loads;
    await expectAccessible(page, 'desk with a counter');

    await page.getByRole('button', { name: /Angekommen 10:30 Erika/ }).focus();
    await page.keyboard.press('Enter'); counts.actions++;
    await expect.poll(() => page.locator('[data-undo-bar]').textContent()).toContain('Angemeldet: Wartenummer');
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    await page.keyboard.press('n'); counts.actions++;
    await expect.poll(() => page.locator('.sp-current__visit').count()).toBe(1);
    expect(await page.locator('.sp-current').textContent()).toContain('Erika Beispiel');
    await expectAccessible(page, 'desk after a call');

    // Done is saved at once (other counters see it now); Z takes it back on the server within 30 seconds.
    const bar = page.locator('[data-undo-bar]');
    await page.keyboard.press('e');
    await expect.poll(() => bar.textContent()).toContain('Erledigt: Nummer 001. Rückgängig möglich für 30 Sekunden.');
    await expect.poll(() => page.locator('.sp-current__visit').count()).toBe(0);
    await page.keyboard.press('z');
    await expect.poll(() => bar.textContent()).toContain('Rückgängig gemacht: Nummer 001 ist wieder wie vorher.');
    await expect.poll(() => page.locator('.sp-current__visit').count()).toBe(1);

    // Keyboard only: after done the focus is on "call next"; one Shift+Tab reaches "Rückgängig", Enter takes it back.
    await page.keyboard.press('e');
    await expect.poll(() => bar.getByRole('button', { name: 'Rückgängig' }).count()).toBe(1);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-focus-key'))).toBe('call');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Rückgängig');
    await expectAccessible(page, 'desk offering undo');
    await shot(page, 'desk-undo-1366');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.sp-current__visit').count()).toBe(1);

    await page.keyboard.press('e'); counts.actions++;
    await expect.poll(() => page.locator('.sp-current__visit').count()).toBe(0);
    expect(await page.locator('[data-desk-live="list"]').textContent()).toContain('Erledigt');
    await shot(page, 'desk-1366');
    expect(counts.loads).toBe(setupLoads);
    process.stdout.write(`VISIT after ${JSON.stringify({ loads: counts.loads - setupLoads + 1, actions: counts.actions, onceForTheCounter: { loads: setupLoads - 1, actions: 2 } })}\n`);
    expect(counts.actions).toBe(3);
    await context.close();
  }, 90_000);

  it('upload reviews: open, decide, save and land on the next one of the filter (one page load per review)', async () => {
    for (const name of ['Erste', 'Zweite']) {
      const res = await h.ctx.app.inject({ method: 'POST', url: '/api/v1/t/neue-wege/uploads', ...multipart([...freeFields({ lastName: name }), file('auszug.pdf', await pdfWithPages(2))]) });
      expect(res.statusCode).toBeLessThan(300);
    }
    const { page, context, counts } = await counted(['sachbearbeitung']);
    await page.goto(`${h.baseUrl}/t/neue-wege/staff/unterlagen?status=new`);
    await expectAccessible(page, 'inbox with a name column');
    await page.locator('table a[href*="/staff/unterlagen/"]').first().click(); counts.actions++;
    await page.waitForLoadState();
    const opened = { ...counts };
    await page.getByLabel('Annehmen').check(); counts.actions++;
    await page.getByRole('button', { name: 'Speichern und nächste Einreichung' }).click(); counts.actions++;
    await expect.poll(() => page.getByText('Hier ist die nächste Einreichung dieser Auswahl.').count()).toBe(1);
    await expectAccessible(page, 'next submission after saving');
    const perReview = { loads: counts.loads - opened.loads, actions: counts.actions - opened.actions };
    process.stdout.write(`REVIEW after ${JSON.stringify({ first: counts, perReviewAfterTheFirst: perReview })}\n`);
    expect(perReview).toEqual({ loads: 1, actions: 2 });
    await context.close();
  }, 60_000);

  it('the day table on a tablet (768 and 1024 px, JavaScript on and off): no sideways scrolling, actions on screen and by keyboard', async () => {
    for (const javaScript of [true, false]) {
      for (const width of [1024, 768]) {
        const { page, context } = await counted(['servicepoint'], { width, javaScript });
        await page.goto(deskUrl);
        const label = `desk at ${width} px ${javaScript ? 'with' : 'without'} JavaScript`;
        // Neither the page nor a table's own scroll region is wider than what is shown.
        const overflow = await page.evaluate(() => [document.scrollingElement!, ...document.querySelectorAll('.sp-table-wrap')].map((el) => el.scrollWidth - el.clientWidth));
        expect(overflow.every((d) => d <= 0), `${label}: ${JSON.stringify(overflow)}`).toBe(true);
        const buttons = page.locator('.sp-table .sp-actions .kern-btn');
        expect(await buttons.count()).toBeGreaterThan(0);
        for (const box of await buttons.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect))) {
          expect(box.left).toBeGreaterThanOrEqual(0);
          expect(box.right).toBeLessThanOrEqual(width);
          expect(box.height).toBeGreaterThanOrEqual(44);
        }
        // What to bring is one disclosure under the name, closed until asked for.
        const bring = page.locator('.sp-table tbody tr').first().locator('details.sp-bring-more');
        expect(await bring.isVisible()).toBe(true);
        await expectAccessible(page, label);
        await shot(page, `desk-${width}-${javaScript ? 'js' : 'nojs'}`);
        if (width === 768) {
          // Keyboard only: Tab reaches the row's first action, and Enter takes it.
          const target = javaScript ? 'Angekommen 11:00 Max Mustermann' : 'Angekommen 11:30 Jana Beispiel-Langername';
          let steps = 0;
          while (steps < 80 && (await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')) !== target) {
            await page.keyboard.press('Tab');
            steps++;
          }
          expect(steps).toBeLessThan(80);
          const focused = (await page.evaluate(() => document.activeElement!.getBoundingClientRect().toJSON() as DOMRect));
          expect(focused.right).toBeLessThanOrEqual(width);
          await page.keyboard.press('Enter');
          await expect.poll(() => page.locator('[data-desk-live="list"]').textContent()).toContain(javaScript ? 'Max Mustermann' : 'Jana');
          await expect.poll(() => page.getByText(/Angemeldet: Wartenummer/).count()).toBeGreaterThan(0);
          await expectAccessible(page, `${label} after a check-in by keyboard`);
          process.stdout.write(`TABLET ${JSON.stringify({ width, javaScript, tabsToFirstAction: steps })}\n`);
        }
        await context.close();
      }
    }
  }, 180_000);
});
