import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { createMitwirkungsaufforderung } from '../../src/modules/unterlagen/index.js';
import { findClamd, startClamd, type ClamdFixture } from '#shared/files/test/clamd-fixture.js';
import { encryptedPdf, jpegWithGps, pdfWithPages } from '../../src/modules/unterlagen/files/test/fixtures.js';
import { formatAccessCode } from '../../src/modules/unterlagen/tokens.js';
import { loginAs } from '../../src/modules/staff/testing.js';
import { expectAccessible, shot, startBrowserHarness, type BrowserHarness } from './support/browser.js';

let h: BrowserHarness;
let clamd: ClamdFixture | undefined;
beforeAll(async () => {
  clamd = findClamd() ? await startClamd() : undefined;
  h = await startBrowserHarness(clamd ? { env: { CLAMD_HOST: clamd.host, CLAMD_PORT: String(clamd.port) } } : {});
});
afterAll(async () => {
  await h?.close();
  await clamd?.stop();
});

describe('Unterlagen nachreichen in a real browser', () => {
  it('works without JavaScript on a phone: free upload, error state, receipt', async () => {
    const { page, context } = await h.newPage({ javaScript: false, width: 360 });
    await page.goto(`${h.baseUrl}/t/neue-wege/unterlagen`);
    await expectAccessible(page, 'start');
    await page.getByRole('link', { name: 'Unterlagen ohne Code senden' }).click();
    await expectAccessible(page, 'free form');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

    await page.getByLabel('BG-Nummer oder Antragsnummer').fill('12345BG0012345');
    await page.getByLabel('Nachname').fill('Muster');
    await page.getByLabel('Geburtsdatum').fill('31.01.1980');
    await page.getByLabel('Art der Unterlage', { exact: true }).selectOption('kontoauszuege');
    await page.getByLabel('Dateien', { exact: true }).setInputFiles([{ name: 'gesperrt.pdf', mimeType: 'application/pdf', buffer: encryptedPdf() }]);
    await page.getByRole('button', { name: 'Unterlagen senden' }).click();
    expect(await page.locator('.ww-error-summary').textContent()).toContain('„gesperrt.pdf“ ist mit einem Passwort geschützt.');
    expect(await page.getByLabel('Nachname').inputValue()).toBe('Muster');
    await expectAccessible(page, 'free form with a refused file');

    await page.getByLabel('Dateien', { exact: true }).setInputFiles([
      { name: 'auszug.pdf', mimeType: 'application/pdf', buffer: await pdfWithPages(2) },
      { name: 'foto.jpg', mimeType: 'image/jpeg', buffer: await jpegWithGps(800, 600) },
    ]);
    await page.getByRole('button', { name: 'Unterlagen senden' }).click();
    expect(await page.locator('h1').textContent()).toBe('Eingangsbestätigung');
    expect(await page.locator('main').textContent()).toContain(clamd ? 'Ihre Unterlagen sind bei uns eingegangen.' : 'Diese Testumgebung prüft nicht');
    expect(await page.locator('main').textContent()).toContain('auszug.pdf');
    await expectAccessible(page, 'receipt');
    await context.close();
  });

  it('follows a Mitwirkungsaufforderung by code in English, item by item', async () => {
    const tdb = new TenantDb(h.ctx.database.db, h.ctx.tenant.id);
    const { code } = await createMitwirkungsaufforderung(tdb, {
      bgNummer: '12345BG0012345',
      message: 'Please send us the following documents.',
      items: [
        { documentType: 'kontoauszuege', description: 'Bank statements August to October 2026', dueDate: '2026-12-09' },
        { documentType: 'mietvertrag', description: 'Rental contract, all pages', dueDate: '2026-11-20' },
      ],
      createdBy: 'e2e',
    });
    const { page, context } = await h.newPage({ lang: 'en-GB' });
    await page.goto(`${h.baseUrl}/t/neue-wege/unterlagen`);
    await page.getByLabel('Code from the letter or e-mail').fill('ABC');
    await page.getByRole('button', { name: 'Show the documents requested' }).click();
    await expectAccessible(page, 'code error');
    await page.getByLabel('Code from the letter or e-mail').fill(formatAccessCode(code).toLowerCase());
    await page.getByRole('button', { name: 'Show the documents requested' }).click();
    expect(await page.locator('h1').textContent()).toBe('Documents requested');
    expect(await page.locator('main').textContent()).toContain('Deadline passed');
    await expectAccessible(page, 'request');

    await page.getByRole('link', { name: 'Upload documents – Rental contract' }).click();
    await expectAccessible(page, 'item form');
    await page.getByLabel('Files').setInputFiles([{ name: 'contract.pdf', mimeType: 'application/pdf', buffer: await pdfWithPages(3) }]);
    await page.getByRole('button', { name: 'Send documents' }).click();
    // With JavaScript the form is sent in the background (progress) and the receipt replaces the page afterwards.
    await expect.poll(() => page.locator('main').textContent(), { timeout: 30_000 }).toContain('Item 2: Rental contract, all pages');
    await expectAccessible(page, 'receipt (en)');

    await page.goto(`${h.baseUrl}/t/neue-wege/unterlagen/a/${code}`);
    expect(await page.locator('main').textContent()).toContain('1 document is still missing.');
    await context.close();
  });

  it("the browser's own words in a file field are in the page's language (German at 1366 and 390 px, English)", async () => {
    for (const [lang, width, words] of [['de-DE', 1366, /Datei/], ['de-DE', 390, /Datei/], ['en-GB', 1366, /select a file/i]] as const) {
      const { page, context } = await h.newPage({ lang, width });
      await page.goto(`${h.baseUrl}/t/neue-wege/unterlagen/frei`);
      await shot(page, `file-field-${lang}-${width}`);
      // The button and "no file chosen" of a file field are drawn by the browser, out of reach of the page; its
      // message for a required file field comes from the same words and can be read.
      const message = await page.evaluate(() => {
        const input = document.createElement('input');
        input.type = 'file';
        input.required = true;
        return input.validationMessage;
      });
      expect(message, 'German words of the browser: apt-get install chromium-l10n').toMatch(words);
      await expectAccessible(page, `free form ${lang} ${width}`);
      await context.close();
    }
  });

  it('gives caseworkers an accessible inbox, detail and request form', async () => {
    const staff = await loginAs(h.ctx, ['sachbearbeitung']);
    const { page, context } = await h.newPage();
    await context.addCookies(Object.entries(staff.cookies).map(([name, value]) => ({ name, value, url: h.baseUrl })));
    await page.goto(`${h.baseUrl}/t/neue-wege/staff/unterlagen`);
    expect(await page.locator('h1').textContent()).toBe('Eingang Unterlagen');
    await expectAccessible(page, 'inbox');
    await page.locator('table tbody a').first().click(); // the header's links sort the list
    expect(await page.locator('h1').textContent()).toMatch(/^Einreichung UN-2026-/);
    await expectAccessible(page, 'upload detail');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await expectAccessible(page, 'review error');

    await page.goto(`${h.baseUrl}/t/neue-wege/staff/unterlagen/aufforderungen/neu`);
    await expectAccessible(page, 'request form');
    await page.getByLabel('BG-Nummer (Nummer der Bedarfsgemeinschaft)').fill('12345BG0012345');
    await page.locator('[name="items.0.documentType"]').selectOption('lohnabrechnung');
    await page.locator('[name="items.0.description"]').fill('Lohnabrechnung November 2026');
    await page.locator('[name="items.0.dueDate"]').fill('2026-12-15');
    await page.getByRole('button', { name: 'Anforderung erstellen' }).click();
    expect(await page.locator('main').textContent()).toContain('Anforderung erstellt');
    await expectAccessible(page, 'request created');
    await context.close();
  });
});
