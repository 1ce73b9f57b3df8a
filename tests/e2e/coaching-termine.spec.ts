// Appointments with the coach in a real browser: the coach books and moves one from the dossier's slot picker
// (no JavaScript needed), the participant sees it on the personal link on a phone; axe on every page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoggedIn } from '../../src/modules/staff/testing.js';
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
  personId = await c.participant('Haddad');
});
afterAll(async () => h?.close());

describe('Appointments with the coach in a real browser', () => {
  it('the coach books and moves an appointment from the dossier; the participant sees it on a phone', async () => {
    const { page, context } = await c.as(coach, { javaScript: false });
    await page.goto(`${base()}/${personId}#termine`);
    expect(await page.locator('#termine').textContent()).toContain('Noch kein Termin gebucht.');
    await page.locator('#termine').getByRole('link', { name: 'Termin buchen' }).click();
    await expectAccessible(page, 'slot picker');
    await shot(page, 'coaching-slot-picker-1366');
    // Another day through the GET form, then a time and the booking.
    const days = page.getByLabel('Tag');
    const second = await days.locator('option').nth(1).getAttribute('value');
    await days.selectOption(second!);
    await page.getByRole('button', { name: 'Freie Zeiten anzeigen' }).click();
    await page.getByRole('button', { name: 'Termin buchen' }).click();
    expect(await page.locator('.ww-error-summary').textContent()).toContain('Bitte wählen Sie eine freie Zeit.');
    await expectAccessible(page, 'slot picker with error');
    await page.getByLabel('10:00').check();
    await page.getByRole('button', { name: 'Termin buchen' }).click();
    const section = page.locator('#termine');
    expect(await section.textContent()).toContain('10:00');
    expect(await section.textContent()).toContain('Servicepoint Bensheim');
    expect(await section.textContent()).toContain('gebucht');

    await section.getByRole('link', { name: 'Verschieben' }).click();
    expect(await page.locator('main').textContent()).toContain('Bisheriger Termin');
    await page.getByLabel('11:15').check();
    await page.getByRole('button', { name: 'Termin verschieben' }).click();
    expect(await page.locator('#termine').textContent()).toContain('11:15');
    await expectAccessible(page, 'dossier with appointment');
    await page.locator('#termine').scrollIntoViewIfNeeded();
    await shot(page, 'coaching-dossier-termin-1366');
    if (process.env.SHOTS_DIR) await page.locator('#termine').screenshot({ path: `${process.env.SHOTS_DIR}/coaching-dossier-termine-section-1366.png` });

    await page.goto(`${base()}/${personId}#link`);
    await page.getByRole('button', { name: /Link erstellen|Neuen Link erstellen/ }).click();
    const link = (await page.locator('a[href*="/coaching/mein-plan/"]').first().getAttribute('href'))!;
    await context.close();

    const phone = await c.as(undefined, { width: 390 });
    await phone.page.goto(link.replace(/^https?:\/\/[^/]+/, h.baseUrl));
    const mine = phone.page.locator('#termine');
    expect(await mine.textContent()).toContain('Meine Termine');
    expect(await mine.textContent()).toContain('11:15');
    expect(await mine.textContent()).toContain('Servicepoint Bensheim');
    await expectAccessible(phone.page, 'participant with appointment');
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await mine.scrollIntoViewIfNeeded();
    await shot(phone.page, 'coaching-participant-termin-390');
    await phone.context.close();
  });
});
