// The newsroom and the figures page in a real browser without JavaScript, at phone and desktop width, with axe;
// screenshots go to SHOTS_DIR when it is set (for looking at the pages).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../src/modules/staff/testing.js';
import { expectAccessible, shot, signIn, startBrowserHarness, type BrowserHarness } from './support/browser.js';

let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness({ now: '2026-03-10T09:00:00Z' });
});
afterAll(async () => h?.close());


describe('public newsroom', () => {
  for (const width of [390, 1366]) {
    it(`works without JavaScript and is accessible at ${width} px`, async () => {
      const { page } = await h.newPage({ javaScript: false, width });
      await page.goto(`${h.baseUrl}/t/neue-wege/presse`);
      await expectAccessible(page, `newsroom ${width}`);
      await shot(page, `newsroom-${width}`);
      await page.getByLabel('Suchbegriff').fill('Coaching');
      await page.getByRole('button', { name: 'Suchen' }).click();
      await expect.poll(() => page.getByRole('link', { name: 'Neue Perspektiven für Langzeitarbeitslose' }).count()).toBe(1);
      await expectAccessible(page, `search ${width}`);
      await page.getByRole('link', { name: 'Neue Perspektiven für Langzeitarbeitslose' }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('Neue Perspektiven für Langzeitarbeitslose');
      expect(await page.getByText('Lfd. Nr. 530 / 2020').count()).toBe(1);
      await expectAccessible(page, `release ${width}`);
      await shot(page, `release-${width}`);
      await page.goto(`${h.baseUrl}/t/neue-wege/arbeitsmarkt`);
      expect(await page.locator('img[src$="arbeitsmarkt.svg"]').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
      // The table's caption wraps inside the table's scrolling region: centred over the whole table, half of it was
      // out of sight on a phone.
      const [region, caption] = await Promise.all([page.getByRole('region', { name: /^Arbeitslosenquote und Arbeitslose/ }).boundingBox(), page.locator('#pr-table-caption').boundingBox()]);
      expect(caption!.x).toBeGreaterThanOrEqual(region!.x - 0.5);
      expect(caption!.x + caption!.width).toBeLessThanOrEqual(region!.x + region!.width + 0.5);
      await expectAccessible(page, `figures ${width}`);
      await shot(page, `figures-${width}`);
    });
  }
});

describe('press office', () => {
  it('writes a release and submits it by keyboard-usable forms; the pages are accessible', async () => {
    const login = await loginAs(h.ctx, ['presse']);
    const { page, context } = await h.newPage({ width: 1366 });
    const [name, value] = Object.entries(login.cookies)[0]!;
    await context.addCookies([{ name, value, url: h.baseUrl }]);
    await page.goto(`${h.baseUrl}/t/neue-wege/staff/presse`);
    await expectAccessible(page, 'staff list');
    await page.getByRole('link', { name: 'Neue Pressemitteilung' }).click();
    await page.getByRole('button', { name: 'Entwurf speichern' }).click();
    await expect.poll(() => page.locator('.ww-error-summary').count()).toBe(1);
    await expectAccessible(page, 'editor with errors');
    await page.getByLabel('Titel', { exact: true }).fill('Jobmesse in Bensheim');
    await page.getByLabel('Text', { exact: true }).fill('Am Samstag findet die Jobmesse statt.\n\n> „Kommen Sie vorbei.“ — Diana Stolz, Erste Kreisbeigeordnete');
    await page.getByRole('button', { name: 'Entwurf speichern' }).click();
    await expect.poll(() => page.getByText('Entwurf angelegt.').count()).toBe(1);
    await page.getByRole('button', { name: 'Zur Freigabe einreichen' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Zur Freigabe eingereicht.').count()).toBe(1);
    expect(await page.getByText('Eine andere Person muss diese Pressemitteilung freigeben').count()).toBe(1);
    await expectAccessible(page, 'submitted release');
    await shot(page, 'staff-release-1366');
    await page.goto(`${h.baseUrl}/t/neue-wege/staff/presse`);
    await page.getByRole('button', { name: 'Monatsmeldung aus den neuesten Arbeitsmarktzahlen entwerfen' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Arbeitsmarkt im November 2020');
    await expectAccessible(page, 'monthly draft');
    await shot(page, 'monthly-draft-1366');
  });
});

describe('images and attachments in the editor', () => {
  it('refuses an image without alt text, then shows it with credit; attaches a PDF; accessible at 1366 px', async () => {
    const sharp = (await import('sharp')).default;
    const { PDFDocument } = await import('pdf-lib');
    const photo = await sharp({ create: { width: 1800, height: 1200, channels: 3, background: '#2a6f97' } }).jpeg().toBuffer();
    const pdf = await PDFDocument.create();
    pdf.addPage([595, 842]);
    const login = await loginAs(h.ctx, ['presse']);
    const { page, context } = await h.newPage({ javaScript: false, width: 1366 });
    await signIn(context, h.baseUrl, login.cookies);
    await page.goto(`${h.baseUrl}/t/neue-wege/staff/presse/neu`);
    await page.getByLabel('Titel', { exact: true }).fill('Neue Räume im Servicepoint');
    await page.getByLabel('Text', { exact: true }).fill('Der Servicepoint zieht um.');
    await page.getByRole('button', { name: 'Entwurf speichern' }).click();
    await expect.poll(() => page.getByText('Entwurf angelegt.').count()).toBe(1);
    await page.getByLabel('Bilddatei').setInputFiles({ name: 'eingang.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByLabel('Bildnachweis').fill('Kreis Bergstraße');
    await page.getByRole('button', { name: 'Bild hochladen' }).click();
    await expect.poll(() => page.getByText('Bitte geben Sie einen Alternativtext an').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'image form with errors');
    await page.getByLabel('Bilddatei').setInputFiles({ name: 'eingang.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByLabel('Alternativtext').fill('Der neue Eingang des Servicepoints mit Rampe');
    await page.getByLabel('Bildunterschrift').fill('Der Eingang an der Bahnhofstraße');
    await page.getByRole('button', { name: 'Bild hochladen' }).click();
    await expect.poll(() => page.getByText('Bild hinzugefügt.').count()).toBe(1);
    await page.getByLabel('PDF-Datei').setInputFiles({ name: 'programm.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await pdf.save()) });
    await page.getByLabel('Titel des Anhangs').fill('Programm der Eröffnung');
    await page.getByRole('button', { name: 'PDF hochladen' }).click();
    await expect.poll(() => page.getByText('Anhang hinzugefügt.').count()).toBe(1);
    // The page was just rendered again: wait for the image to load, then check it decoded (a broken URL stays 0).
    const image = page.locator('img[alt="Der neue Eingang des Servicepoints mit Rampe"]');
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : -1))).toBeGreaterThan(0);
    await expectAccessible(page, 'editor with image and attachment');
    // The remove buttons carry words for screen readers only; they keep the width of their visible label and stay
    // inside the content column (KERN sized them as 48 px icon buttons: "Entfernen" stuck out on both sides).
    const column = await page.getByRole('heading', { name: 'Bilder' }).boundingBox();
    for (const button of await page.getByRole('button', { name: /^Entfernen/ }).all()) {
      const [box, label] = await Promise.all([button.boundingBox(), button.locator('.kern-label').boundingBox()]);
      expect(label!.x).toBeGreaterThanOrEqual(box!.x);
      expect(label!.x + label!.width).toBeLessThanOrEqual(box!.x + box!.width + 0.5);
      expect(box!.x).toBeGreaterThanOrEqual(column!.x - 0.5);
    }
    await shot(page, 'editor-images-1366');
  });
});

describe('press list', () => {
  for (const width of [390, 1366]) {
    it(`subscribes without JavaScript, by keyboard-usable forms, accessibly at ${width} px`, async () => {
      const { page } = await h.newPage({ javaScript: false, width });
      await page.goto(`${h.baseUrl}/t/neue-wege/presse`);
      await page.getByRole('link', { name: 'Presseverteiler abonnieren' }).click();
      await expectAccessible(page, `press list ${width}`);
      await page.getByRole('button', { name: 'Abonnieren' }).click();
      await expect.poll(() => page.locator('.ww-error-summary').count()).toBe(1);
      await expectAccessible(page, `press list errors ${width}`);
      await shot(page, `presslist-errors-${width}`);
      await page.getByLabel('E-Mail-Adresse').fill(`redaktion-${width}@example.org`);
      await page.getByLabel('Digitalisierung').check();
      await page.getByRole('button', { name: 'Abonnieren' }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('Bitte bestätigen Sie Ihre Anmeldung');
      await expectAccessible(page, `press list sent ${width}`);
      const { outboxMessages } = await import('#shared/mail/mail.tables.js');
      const mail = (await h.ctx.deps.database.db.select().from(outboxMessages)).find((m) => m.to === `redaktion-${width}@example.org`)!;
      const link = /http:\/\/localhost:3000(\S+)/.exec(mail.text)![1]!;
      await page.goto(`${h.baseUrl}${link}`);
      await expectAccessible(page, `press list confirm ${width}`);
      await page.getByRole('button', { name: 'Anmeldung bestätigen' }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('Sie stehen im Presseverteiler');
      await shot(page, `presslist-confirmed-${width}`);
    });
  }
});

describe('figures import and settings', () => {
  for (const width of [390, 1366]) {
    it(`uploads a workbook, shows its preview and commits it; settings; accessible at ${width} px`, async () => {
      const { arbeitsmarktreport } = await import('../../src/modules/presse/figures.workbook.test-fixture.js');
      const { writeFile } = await import('node:fs/promises');
      const file = `${h.ctx.deps.config.dataDir}/Arbeitsmarktreport-${width}.xlsx`;
      await writeFile(file, await arbeitsmarktreport());
      const unreadable = `${h.ctx.deps.config.dataDir}/Arbeitsmarktreport-unlesbar-${width}.xlsx`;
      await writeFile(unreadable, await arbeitsmarktreport({ everyValue: 'k. A.' }));
      const login = await loginAs(h.ctx, ['presse']);
      const { page, context } = await h.newPage({ width });
      const [name, value] = Object.entries(login.cookies)[0]!;
      await context.addCookies([{ name, value, url: h.baseUrl }]);
      await page.goto(`${h.baseUrl}/t/neue-wege/staff/presse/zahlen`);
      await expectAccessible(page, `figures import ${width}`);
      // A file with many problems: the first ones in the error summary, which takes the focus and leads to the field.
      await page.getByLabel('Excel-Datei (XLSX)').setInputFiles(unreadable);
      await page.getByRole('button', { name: 'Hochladen und prüfen' }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.matches('.ww-error-summary'))).toBe(true);
      expect(await page.locator('.ww-error-summary li').count()).toBe(11);
      expect(await page.locator('#f-file').getAttribute('aria-invalid')).toBe('true');
      await expectAccessible(page, `figures import with problems ${width}`);
      await shot(page, `import-problems-${width}`);
      await page.locator('.ww-error-summary').getByRole('link').last().click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-file');
      await page.getByLabel('Excel-Datei (XLSX)').setInputFiles(file);
      await page.getByRole('button', { name: 'Hochladen und prüfen' }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('Vorschau: Arbeitsmarktzahlen November 2020');
      await expectAccessible(page, `import preview ${width}`);
      await shot(page, `import-preview-${width}`);
      await page.getByRole('button', { name: 'Zahlen übernehmen' }).click();
      await expect.poll(() => page.getByText('Die Zahlen aus der Datei wurden übernommen.').count()).toBe(1);
      const release = await page.goto(`${h.baseUrl}/t/neue-wege/staff/presse/neu`);
      expect(release?.status()).toBe(200);
      const rows = await page.locator('textarea#f-body').evaluate((el) => el.getBoundingClientRect().height);
      expect(rows).toBeGreaterThan(300);
      await shot(page, `editor-${width}`);
      const adminLogin = await loginAs(h.ctx, ['tenant_admin']);
      const admin = await h.newPage({ width });
      const [an, av] = Object.entries(adminLogin.cookies)[0]!;
      await admin.context.addCookies([{ name: an, value: av, url: h.baseUrl }]);
      await admin.page.goto(`${h.baseUrl}/t/neue-wege/staff/presse/einstellungen`);
      await expectAccessible(admin.page, `settings ${width}`);
      await shot(admin.page, `settings-${width}`);
      await admin.page.goto(`${h.baseUrl}/t/neue-wege/staff/presse`);
      await expectAccessible(admin.page, `staff list ${width}`);
    });
  }
});
