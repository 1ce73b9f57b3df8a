// Unterlagen nachreichen in a browser: files survive a refused form (without JavaScript), progress and a disabled
// button while sending (with JavaScript), receipts linked from the request page, the application reference as key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { createMitwirkungsaufforderung } from '../../src/modules/unterlagen/index.js';
import { pdfWithPages } from '../../src/modules/unterlagen/files/test/fixtures.js';
import { expectAccessible, shot, startBrowserHarness, type BrowserHarness } from './support/browser.js';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(async () => h?.close());

const files = async () => [
  { name: 'kontoauszug-august.pdf', mimeType: 'application/pdf', buffer: await pdfWithPages(1) },
  { name: 'kontoauszug-september.pdf', mimeType: 'application/pdf', buffer: await pdfWithPages(2) },
  { name: 'kontoauszug-oktober.pdf', mimeType: 'application/pdf', buffer: await pdfWithPages(3) },
];

describe('Unterlagen: nothing chosen is lost', () => {
  it('keeps three files through a missing field without JavaScript, and the receipt lists all three', async () => {
    const { page, context } = await h.newPage({ javaScript: false, width: 390 });
    await page.goto(`${h.baseUrl}/t/neue-wege/unterlagen/frei`);
    await page.getByLabel('BG-Nummer oder Antragsnummer').fill('12345BG0012345');
    await page.getByLabel('Geburtsdatum').fill('31.01.1980');
    await page.getByLabel('Art der Unterlage', { exact: true }).selectOption('kontoauszuege');
    await page.getByLabel('Dateien', { exact: true }).setInputFiles(await files());
    await page.getByRole('button', { name: 'Unterlagen senden' }).click();

    expect(await page.locator('.ww-error-summary').textContent()).toContain('Bitte geben Sie Ihren Nachnamen ein.');
    const held = page.locator('.ww-held');
    expect(await held.textContent()).toContain('Diese 3 Dateien haben wir schon.');
    for (const name of ['kontoauszug-august.pdf', 'kontoauszug-september.pdf', 'kontoauszug-oktober.pdf']) expect(await held.textContent()).toContain(name);
    await expectAccessible(page, 'form refused, files held');
    await shot(page, 'unterlagen-held-390');

    await page.getByLabel('Nachname').fill('Muster');
    await page.getByRole('button', { name: 'Unterlagen senden' }).click();
    expect(await page.locator('h1').textContent()).toBe('Eingangsbestätigung');
    const main = await page.locator('main').textContent();
    for (const name of ['kontoauszug-august.pdf', 'kontoauszug-september.pdf', 'kontoauszug-oktober.pdf']) expect(main).toContain(name);
    await expectAccessible(page, 'receipt with held files');
    await shot(page, 'unterlagen-held-receipt-390');
    await context.close();
  });

  it('with JavaScript: shows progress and disables the button while sending, then the receipt', async () => {
    const { page, context } = await h.newPage({ width: 390 });
    await page.goto(`${h.baseUrl}/t/neue-wege/unterlagen/frei`);
    expect(await page.locator('#upload-wait').textContent()).toContain('einige Minuten dauern');
    await page.getByLabel('BG-Nummer oder Antragsnummer').fill('12345BG0012345');
    await page.getByLabel('Nachname').fill('Muster');
    await page.getByLabel('Geburtsdatum').fill('31.01.1980');
    await page.getByLabel('Art der Unterlage', { exact: true }).selectOption('kontoauszuege');
    await page.getByLabel('Dateien', { exact: true }).setInputFiles((await files()).slice(0, 1));
    // The answer waits until the test has looked at the page while sending.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/unterlagen/frei', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      await held;
      return route.continue();
    });
    await page.getByRole('button', { name: 'Unterlagen senden' }).click();
    await page.locator('[data-upload-progress]:not([hidden])').waitFor();
    expect(await page.getByRole('button', { name: 'Unterlagen senden' }).isDisabled()).toBe(true);
    await expectAccessible(page, 'sending');
    await shot(page, 'unterlagen-sending-390');
    release();
    await page.waitForURL(/\/quittung\//);
    expect(await page.locator('h1').textContent()).toBe('Eingangsbestätigung');
    await context.close();
  });

  it('links each received item of a request to its receipt', async () => {
    const tdb = new TenantDb(h.ctx.database.db, h.ctx.tenant.id);
    const { code } = await createMitwirkungsaufforderung(tdb, {
      bgNummer: '12345BG0012345',
      items: [
        { documentType: 'kontoauszuege', description: 'Kontoauszüge August bis Oktober 2026', dueDate: '2026-12-09' },
        { documentType: 'mietvertrag', description: 'Mietvertrag, alle Seiten', dueDate: '2026-12-20' },
      ],
      createdBy: 'e2e',
    });
    const { page, context } = await h.newPage({ javaScript: false, width: 390 });
    await page.goto(`${h.baseUrl}/t/neue-wege/unterlagen/a/${code}/1`);
    await page.getByLabel('Dateien').setInputFiles((await files()).slice(0, 2));
    await page.getByRole('button', { name: 'Unterlagen senden' }).click();
    await page.getByRole('link', { name: 'Weitere Unterlagen senden' }).click();
    await expectAccessible(page, 'request with a receipt link');
    await shot(page, 'unterlagen-request-receipts-390');
    await page.getByRole('link', { name: /^Eingangsbestätigung UN-/ }).click();
    expect(await page.locator('h1').textContent()).toBe('Eingangsbestätigung');
    expect(await page.locator('main').textContent()).toContain('Punkt 1: Kontoauszüge August bis Oktober 2026');
    await context.close();
  });

  it('opens the upload form with an application reference from the confirmation', async () => {
    const { page, context } = await h.newPage({ javaScript: false, width: 390 });
    await page.goto(`${h.baseUrl}/t/neue-wege/unterlagen`);
    // The confirmation's button posts the reference; the same form, built here without a whole application.
    await page.evaluate((action) => {
      document.body.innerHTML = `<form method="post" action="${action}"><input type="hidden" name="reference" value="EA-2026-7K3M-Q9XD"><button>Weiter</button></form>`;
    }, `${h.baseUrl}/t/neue-wege/unterlagen/antrag`);
    await page.getByRole('button', { name: 'Weiter' }).click();
    expect(await page.getByLabel('BG-Nummer oder Antragsnummer').inputValue()).toBe('EA-2026-7K3M-Q9XD');
    await expectAccessible(page, 'free form with application reference');
    await shot(page, 'unterlagen-application-reference-390');
    await context.close();
  });
});
