import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoParticipants } from '../../src/modules/coaching/demo.js';
import { kldbCsv } from '../../src/modules/coaching/kldb.test-fixture.js';
import { loginAs, type LoggedIn } from '../../src/modules/staff/testing.js';
import { expectAccessible, shot, tabOrder, textStart, type BrowserHarness } from './support/browser.js';
import { startCoachingBrowser, type CoachingBrowser } from './support/coaching.js';

let h: BrowserHarness;
let c: CoachingBrowser;
let coach: LoggedIn;
const base = () => c.base();

beforeAll(async () => {
  c = await startCoachingBrowser();
  ({ h, coach } = c);
  // A second coach's caseload, so the tenant-wide indicators reach the minimum group size for exits.
  await seedDemoParticipants(h.ctx.deps, c.tdb, (await loginAs(h.ctx, ['coach'])).userId);
});
afterAll(async () => h?.close());

const staffPage = (who: LoggedIn, width = 1366) => c.as(who, { width });

const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('Coaching in a real browser', () => {
  it('the intake form shows the consent text in the page language, on a phone without JavaScript and on a desktop', async () => {
    for (const [width, javaScript] of [[390, false], [1366, true]] as const) {
      const { page, context } = await c.as(coach, { width, javaScript });
      await page.goto(`${base()}/aufnahme?lang=en`);
      const consent = page.locator('#consent-text');
      expect(await consent.textContent()).toContain('I consent to the Jobcenter processing my details');
      expect(await consent.textContent()).not.toContain('Ich willige ein');
      expect(await noHorizontalScroll(page)).toBeLessThanOrEqual(0);
      await expectAccessible(page, `intake en ${width}`);
      await consent.scrollIntoViewIfNeeded();
      await shot(page, `intake-consent-en-${width}-${javaScript ? 'js' : 'nojs'}`);
      await page.goto(`${base()}/aufnahme?lang=de`);
      expect(await consent.textContent()).toContain('Ich willige ein');
      await shot(page, `intake-consent-de-${width}-${javaScript ? 'js' : 'nojs'}`);
      await context.close();
    }
  });

  it('the coach works through caseload, intake, Potenzialanalyse, plan, restricted section and issues a link', async () => {
    const { page, context } = await staffPage(coach);
    await page.goto(base());
    expect(await page.locator('h1').textContent()).toBe('Mein Fallbestand');
    expect(await page.locator('tbody tr').count()).toBe(8);
    // Overdue contacts come first.
    expect(await page.locator('tbody tr').first().textContent()).toContain('überfällig');
    await expectAccessible(page, 'caseload');
    await shot(page, 'caseload-1366');

    await page.getByRole('link', { name: 'Neue Aufnahme' }).click();
    await page.getByRole('button', { name: 'Aufnehmen' }).click();
    expect(await page.locator('.ww-error-summary').textContent()).toContain('Ohne Einwilligung');
    await expectAccessible(page, 'intake with errors');
    await page.getByLabel('Vorname').fill('Lea');
    await page.getByLabel('Nachname').fill('Sommer');
    await page.getByLabel('Geburtsdatum').fill('1990-05-04');
    await page.getByLabel('Sprachen mit Stufe').fill('Deutsch Muttersprache, Englisch B1');
    await page.getByLabel('Rechtsgrundlage').selectOption({ label: '§ 16k SGB II (Ganzheitliche Betreuung)' });
    await page.getByLabel('Ja, die Person hat eingewilligt.').check();
    await page.getByRole('button', { name: 'Aufnehmen' }).click();
    expect(await page.locator('.ww-error-summary').count() ? await page.locator('.ww-error-summary').textContent() : '').toBe('');
    expect(await page.locator('h1').textContent()).toContain('Lea Sommer');
    await expectAccessible(page, 'new dossier');

    await page.goto(base());
    await page.getByRole('link', { name: 'Haddad, Amina' }).click();
    for (const summary of await page.locator('details > summary').all()) await summary.click();
    await expectAccessible(page, 'dossier with every form open');
    await page.goto(page.url());
    await shot(page, 'dossier-potenzialanalyse-plan-1366');
    expect(await page.locator('#potenzial').textContent()).toContain('Persönliche Stärken');
    expect(await page.locator('#zielberufe').textContent()).toContain('Externenprüfung');

    await page.getByRole('link', { name: 'Vertraulichen Bereich öffnen' }).click();
    await page.getByLabel('Bereich').selectOption('gesundheit');
    await page.getByLabel('Notiz', { exact: true }).fill('Rückenprobleme: nicht mehr als 10 kg heben.');
    await page.getByRole('button', { name: 'Notiz speichern' }).click();
    expect(await page.locator('main').textContent()).toContain('nicht mehr als 10 kg');
    await expectAccessible(page, 'restricted section');
    await page.getByRole('link', { name: 'Zurück zur Übersicht der Person' }).click();

    await page.getByRole('button', { name: /Link erstellen/ }).click();
    const link = await page.locator('.kern-alert--success a').getAttribute('href');
    expect(link).toMatch(/\/coaching\/mein-plan\/[A-Za-z0-9_-]{43}$/);
    await expectAccessible(page, 'link issued');

    // Keyboard: the caseload's first actions are reachable by Tab.
    await page.goto(base());
    expect((await tabOrder(page, 14)).join('|')).toContain('Neue Aufnahme');
    await context.close();

    // The participant, on a phone, without JavaScript: reads the plan, writes a comment, agrees.
    const phone = await h.newPage({ javaScript: false, width: 390 });
    await phone.page.goto(link!.replace(/^https?:\/\/[^/]+/, h.baseUrl));
    expect(await phone.page.locator('h1').textContent()).toBe('Guten Tag, Amina Haddad');
    expect(await noHorizontalScroll(phone.page)).toBeLessThanOrEqual(0);
    await expectAccessible(phone.page, 'participant view, no JavaScript');
    await shot(phone.page, 'participant-390-nojs');
    await phone.page.getByRole('button', { name: 'Nachricht senden' }).first().click();
    await expectAccessible(phone.page, 'participant comment error, no JavaScript');
    await phone.page.getByLabel('Ihre Nachricht zu diesem Schritt').first().fill('Die Anzeige aus Lorsch passt, ich bewerbe mich.');
    await phone.page.getByRole('button', { name: 'Nachricht senden' }).first().click();
    expect(await phone.page.locator('main').textContent()).toContain('Ihre Nachricht ist bei Ihrem Coach.');
    await phone.page.getByRole('button', { name: 'Ich stimme dem Plan zu' }).click();
    expect(await phone.page.locator('main').textContent()).toContain('Sie haben dem Plan zugestimmt.');
    await expectAccessible(phone.page, 'participant agreed');
    await phone.context.close();

    const phoneJs = await h.newPage({ width: 390 });
    await phoneJs.page.goto(link!.replace(/^https?:\/\/[^/]+/, h.baseUrl));
    await expectAccessible(phoneJs.page, 'participant view with JavaScript');
    await shot(phoneJs.page, 'participant-390-js');
    await phoneJs.page.getByRole('link', { name: 'So funktioniert Ausbildung in Deutschland' }).click();
    await expectAccessible(phoneJs.page, 'explainer');
    await phoneJs.context.close();
  }, 240_000);

  it('shows the caseload on a phone and the indicators with chart and table', async () => {
    const { page, context } = await staffPage(coach, 390);
    await page.goto(base());
    await expectAccessible(page, 'caseload on a phone');
    await shot(page, 'caseload-390');
    // The tertiary link to the indicators wraps onto a line of its own: its text lines up with the paragraph above.
    const indicators = page.locator('main').getByRole('link', { name: 'Coaching-Kennzahlen' });
    expect(Math.abs((await textStart(indicators)) - (await textStart(page.locator('main h1 + p'))))).toBeLessThan(1);
    await context.close();

    const admin = await loginAs(h.ctx, ['tenant_admin']);
    const desk = await staffPage(admin);
    await desk.page.goto(`${base()}/kennzahlen`);
    expect(await desk.page.locator('svg title').textContent()).toBe('Austritte nach Grund');
    expect(await desk.page.locator('main').textContent()).toContain('zu wenige Fälle');
    await expectAccessible(desk.page, 'indicators');
    await shot(desk.page, 'indicators-1366');
    await desk.context.close();
  }, 120_000);

  it('the KldB import: a refused file is announced in the error summary, which leads to the file field; then the preview', async () => {
    const admin = await loginAs(h.ctx, ['tenant_admin']);
    const { page, context } = await staffPage(admin);
    await page.goto(`${base()}/berufe`);
    await expectAccessible(page, 'KldB upload');
    const file = page.getByLabel('Datei der Bundesagentur für Arbeit (CSV oder XLSX)');
    await file.setInputFiles({ name: 'kldb.csv', mimeType: 'text/csv', buffer: kldbCsv(['Nummer', 'Text']) });
    await page.getByRole('button', { name: 'Datei prüfen' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.matches('.ww-error-summary'))).toBe(true);
    await expectAccessible(page, 'KldB upload with a refused file');
    await page.locator('.ww-error-summary').getByRole('link').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-file');
    await file.setInputFiles({ name: 'kldb.csv', mimeType: 'text/csv', buffer: kldbCsv() });
    await page.getByRole('button', { name: 'Datei prüfen' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Berufsliste prüfen');
    await expectAccessible(page, 'KldB preview');
    await context.close();
  }, 60_000);
});
