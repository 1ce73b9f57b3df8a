import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '#shared/audit/index.js';
import { loginAs } from '../../src/modules/staff/testing.js';
import { pdfWithPages } from '../../src/modules/unterlagen/files/test/fixtures.js';
import { file, freeFields, multipart } from '../../src/modules/unterlagen/test/multipart.js';
import { expectAccessible, shot, startBrowserHarness, tabOrder, type BrowserHarness } from './support/browser.js';

// The caseworker's upload inbox in a browser: search and sort, the inline preview (pdf.js under the strict CSP),
// and a bulk of ten. The action counts are printed as BULK/PREVIEW lines (doc/adr/0232-inbox-bulk-actions.md).
let h: BrowserHarness;
const inbox = () => `${h.baseUrl}/t/neue-wege/staff/unterlagen`;
beforeAll(async () => {
  h = await startBrowserHarness({ now: '2026-11-25T09:00:00Z' });
  for (let i = 0; i < 10; i++) {
    const res = await h.ctx.app.inject({ method: 'POST', url: '/api/v1/t/neue-wege/uploads', ...multipart([...freeFields({ lastName: `Sammel${i}`, bgNummer: '44444BG0000004' }), file('auszug.pdf', await pdfWithPages(3))]) });
    expect(res.statusCode).toBeLessThan(300);
  }
});
afterAll(async () => h?.close());

async function counted() {
  const login = await loginAs(h.ctx, ['sachbearbeitung']);
  const { page, context } = await h.newPage({ width: 1366 });
  await context.addCookies(Object.entries(login.cookies).map(([name, value]) => ({ name, value, url: h.baseUrl })));
  const counts = { loads: 0, actions: 0 };
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) counts.loads++;
  });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { page, context, counts, errors, login };
}

describe('upload inbox in the browser', () => {
  it('previews a PDF inline: pages and zoom by button and keyboard, no CSP violation, each view audited as a download', async () => {
    const { page, context, errors, login } = await counted();
    await page.goto(inbox());
    await page.locator('table a[href*="/staff/unterlagen/"]').first().click();
    const viewer = page.locator('[data-pdf-preview]').first();
    await expect.poll(() => viewer.getAttribute('data-preview-ready'), { timeout: 20_000 }).toBe('3');
    await expect.poll(() => viewer.locator('[data-preview-status]').textContent(), { timeout: 15_000 }).toBe('Seite 1 von 3, 100 %');
    await viewer.getByRole('button', { name: 'Nächste Seite' }).click();
    await expect.poll(() => viewer.locator('[data-preview-status]').textContent(), { timeout: 15_000 }).toBe('Seite 2 von 3, 100 %');
    await viewer.getByRole('region', { name: /Vorschau von/ }).focus();
    await page.keyboard.press('PageDown');
    await expect.poll(() => viewer.locator('[data-preview-status]').textContent(), { timeout: 15_000 }).toBe('Seite 3 von 3, 100 %');
    await page.keyboard.press('+');
    await expect.poll(() => viewer.locator('[data-preview-status]').textContent(), { timeout: 15_000 }).toBe('Seite 3 von 3, 125 %');
    expect(await viewer.getByRole('button', { name: 'Nächste Seite' }).isDisabled()).toBe(true);
    // Something was drawn: the canvas is not blank.
    const inked = await viewer.locator('canvas').evaluate((c: HTMLCanvasElement) => {
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) dark++;
      return dark;
    });
    expect(inked).toBeGreaterThan(0);
    expect(errors.filter((e) => /Content Security Policy|Refused/i.test(e))).toEqual([]);
    await expectAccessible(page, 'review page with the preview');
    await shot(page, 'unterlagen-preview-1366');
    const downloads = await h.ctx.deps.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'unterlagen.download'), eq(auditLog.actorId, login.userId)));
    expect(downloads).toHaveLength(1);
    // The download link is still there.
    expect(await page.locator('a[download]').count()).toBeGreaterThan(0);
    await context.close();
  }, 90_000);

  it('searches, sorts and pages by keyboard; ten uploads marked as reviewed in one bulk action', async () => {
    const { page, context, counts } = await counted();
    await page.goto(inbox());
    // Search by BG-Nummer, from the keyboard only.
    await page.locator('#f-q').focus();
    await page.keyboard.type('44444BG0000004');
    await page.keyboard.press('Enter'); counts.actions++;
    await expect.poll(() => page.getByText('1–10 von 10 (Seite 1 von 1)').count()).toBe(1);
    expect(page.url()).not.toContain('44444');
    // Sort by name, descending, with the header link.
    await page.getByRole('link', { name: /^Nachname/ }).click();
    await page.getByRole('link', { name: /^Nachname/ }).click();
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toContain('Nachname');
    expect(await page.locator('tbody tr').first().textContent()).toContain('Sammel9');
    await expectAccessible(page, 'inbox with a search, sorted');
    await shot(page, 'unterlagen-inbox-1366');
    const start = { ...counts };
    await page.getByLabel(/Alle 10 Einreichungen auf dieser Seite auswählen/).check(); counts.actions++;
    expect(await page.locator('.ww-bulk__check:checked').count()).toBe(10);
    await page.getByRole('button', { name: 'Als geprüft markieren (annehmen)' }).click(); counts.actions++;
    await expect.poll(() => page.getByText('10 Einreichungen als geprüft markiert').count()).toBe(1);
    await expectAccessible(page, 'bulk confirmation');
    await shot(page, 'unterlagen-bulk-done-1366');
    const bulk = { loads: counts.loads - start.loads, actions: counts.actions - start.actions };
    process.stdout.write(`BULK of 10 after ${JSON.stringify(bulk)} (before: 10 reviews × (1 load + 2 actions) after opening the first)\n`);
    expect(bulk).toEqual({ loads: 1, actions: 2 });
    // Keyboard: the page's controls are reachable in order.
    await page.goto(inbox());
    const names = (await tabOrder(page, 45)).join('|');
    for (const name of ['Filtern', 'Filter speichern', 'Eingegangen am, aufsteigend sortieren', 'auswählen']) expect(names).toContain(name);
    await context.close();
  }, 120_000);
});
