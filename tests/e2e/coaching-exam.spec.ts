// The coaching's exam track, vouchers, link request and retention settings in a real browser: axe, phone width.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type LoggedIn } from '../../src/modules/staff/testing.js';
import { expectAccessible, shot, type BrowserHarness } from './support/browser.js';
import { startCoachingBrowser, type CoachingBrowser } from './support/coaching.js';

let h: BrowserHarness;
let c: CoachingBrowser;
let coach: LoggedIn;
let personId: string;
const base = () => c.base();

beforeAll(async () => {
  c = await startCoachingBrowser();
  ({ h, coach } = c);
  personId = await c.participant('Nowak');
});
afterAll(async () => h?.close());

describe('Coaching exam track in a real browser', () => {
  it('the coach records an exam, a session, a rating and a voucher; the participant rates on a phone', async () => {
    const { page, context } = await c.as(coach);
    await page.goto(`${base()}/${personId}#pruefung`);
    await page.getByText('Prüfungstermin eintragen').click();
    await page.getByLabel('Prüfung', { exact: true }).fill('Abschlussprüfung Teil 2');
    await page.getByLabel('Kammer', { exact: true }).fill('IHK Darmstadt');
    await page.getByLabel('Prüfungsdatum').fill('2027-01-20');
    await page.getByRole('button', { name: 'Prüfungstermin speichern' }).click();
    await page.getByText('Sitzung eintragen').click();
    await page.getByLabel('Thema').fill('Übungsprüfung');
    await page.getByRole('button', { name: 'Sitzung speichern' }).click();
    await page.getByText('Einschätzung aus dem Gespräch eintragen').click();
    await page.getByLabel('große Angst', { exact: true }).check();
    await page.getByRole('button', { name: 'Einschätzung speichern' }).click();
    await page.getByText('Bildungsgutschein erfassen (beantragt)').click();
    await page.getByLabel('Bildungsziel').fill('Umschulung Fachkraft für Lagerlogistik');
    await page.getByRole('button', { name: 'Gutschein speichern' }).click();
    expect(await page.locator('#gutscheine').textContent()).toContain('beantragt');
    expect(await page.locator('#pruefung').textContent()).toContain('IHK Darmstadt');
    await expectAccessible(page, 'dossier with exam track');
    await shot(page, 'dossier-exam-1366');

    await page.goto(`${base()}/${personId}#link`);
    await page.getByRole('button', { name: /Link erstellen|Neuen Link erstellen/ }).click();
    const link = (await page.locator('a[href*="/coaching/mein-plan/"]').first().getAttribute('href'))!;
    await context.close();

    const phone = await c.as(undefined, { width: 390 });
    await phone.page.goto(link.replace(/^https?:\/\/[^/]+/, h.baseUrl));
    expect(await phone.page.locator('#angst').textContent()).toContain('Abschlussprüfung Teil 2');
    await phone.page.getByRole('button', { name: 'Einschätzung speichern' }).click();
    expect(await phone.page.locator('.ww-error-summary').textContent()).toContain('1 bis 5');
    await phone.page.getByLabel('etwas angespannt').check();
    await phone.page.getByLabel('nach der Sitzung').check();
    await phone.page.getByRole('button', { name: 'Einschätzung speichern' }).click();
    expect(await phone.page.locator('#angst').textContent()).toContain('4 (vor der Sitzung) → 2 (nach der Sitzung)');
    await expectAccessible(phone.page, 'participant exam');
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await shot(phone.page, 'participant-exam-390');

    await phone.page.goto(`${h.baseUrl}/t/neue-wege/coaching/mein-plan/${'b'.repeat(43)}`);
    await expectAccessible(phone.page, 'invalid link with request form');
    await phone.page.getByLabel('Ihre E-Mail-Adresse').fill('niemand@example.org');
    await phone.page.getByRole('button', { name: 'Neuen Link senden' }).click();
    expect(await phone.page.locator('.kern-alert').first().textContent()).toContain('Wenn wir diese Adresse kennen');
    await expectAccessible(phone.page, 'link requested');
    await shot(phone.page, 'link-request-390');
    await phone.context.close();
  });

  it('the tenant admin sets the retention periods', async () => {
    const { page, context } = await c.as(await loginAs(h.ctx, ['tenant_admin']));
    await page.goto(`${base()}/einstellungen`);
    await page.getByLabel('Alle Daten löschen nach (Monaten)').fill('1');
    await page.getByRole('button', { name: 'Fristen speichern' }).click();
    expect(await page.locator('.ww-error-summary').textContent()).toContain('nicht länger aufbewahrt');
    await expectAccessible(page, 'settings with errors');
    await page.getByLabel('Alle Daten löschen nach (Monaten)').fill('30');
    await page.getByRole('button', { name: 'Fristen speichern' }).click();
    expect(await page.getByText('Die Fristen sind gespeichert.').count()).toBe(1);
    await expectAccessible(page, 'settings');
    await shot(page, 'settings-1366');
    await context.close();
  });
});
