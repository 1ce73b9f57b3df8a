// After an Erstantrag, in a browser without JavaScript at 390 and 1366 px: the status page by reference + date of
// birth (with the PDF button, and the same answer for a wrong date), the feedback link on the confirmation page,
// the one-question form with its error state and thanks page, and the tenant admin's counts. axe on every state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdOfThree, injectClient, runJourney } from '../../src/modules/antrag/testing.js';
import { loginAs } from '../../src/modules/staff/testing.js';
import { expectAccessible, shot, signIn, startBrowserHarness, type BrowserHarness } from './support/browser.js';

let h: BrowserHarness;
let reference = '';
let draftCookies: Record<string, string> = {};

beforeAll(async () => {
  h = await startBrowserHarness({ now: '2026-11-25T09:00:00Z' });
  const client = injectClient(h.ctx.app);
  const { confirmation } = await runJourney(client, '/t/neue-wege', householdOfThree());
  reference = /EA-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(confirmation)![0];
  draftCookies = Object.fromEntries(client.cookies);
});
afterAll(async () => h?.close());

describe('after the Erstantrag', () => {
  for (const width of [390, 1366]) {
    it(`status by reference and date of birth, ${width} px, without JavaScript`, async () => {
      const { page } = await h.newPage({ javaScript: false, width, lang: 'de-DE' });
      await page.goto(`${h.baseUrl}/t/neue-wege/antrag/status`);
      await expectAccessible(page, `status form ${width}`);
      await shot(page, `status-form-${width}`);

      await page.locator('#f-reference').fill(reference);
      await page.locator('#f-birthDate').fill('12');
      await page.locator('#f-birthDate-month').fill('4');
      await page.locator('#f-birthDate-year').fill('1991');
      await page.locator('main form button[type=submit]').click();
      await page.waitForLoadState('load');
      expect(await page.locator('main').innerText()).toContain('keinen Antrag gefunden');
      await expectAccessible(page, `status not found ${width}`);
      await shot(page, `status-not-found-${width}`);

      await page.locator('#f-birthDate-year').fill('1990');
      await page.locator('main form button[type=submit]').first().click();
      await page.waitForLoadState('load');
      const main = await page.locator('main').innerText();
      expect(main).toContain(reference);
      expect(main).toContain('Eingegangen');
      await expectAccessible(page, `status found ${width}`);
      await shot(page, `status-found-${width}`);

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Antrag als PDF herunterladen' }).click();
      expect((await download).suggestedFilename()).toBe(`${reference}.pdf`);
    });

    it(`feedback from the confirmation page, ${width} px, without JavaScript`, async () => {
      const { page, context } = await h.newPage({ javaScript: false, width, lang: 'de-DE' });
      await signIn(context, h.baseUrl, draftCookies);
      await page.goto(`${h.baseUrl}/t/neue-wege/antrag/bestaetigung`);
      expect(await page.locator('main').innerText()).toContain('Eingereicht am 25.11.2026 um 10:00 Uhr');
      await expectAccessible(page, `confirmation ${width}`);
      await shot(page, `antrag-confirmation-${width}`);

      await page.getByRole('link', { name: /Rückmeldung/ }).click();
      await page.waitForLoadState('load');
      expect(page.url()).toContain('/t/neue-wege/rueckmeldung?dienst=erstantrag');
      await expectAccessible(page, `feedback form ${width}`);
      await shot(page, `feedback-form-${width}`);

      await page.getByRole('button', { name: 'Rückmeldung senden' }).click();
      await page.waitForLoadState('load');
      expect(await page.locator('.kern-error-summary, [role=alert]').first().innerText()).toContain('Wählen Sie aus, wie zufrieden Sie waren.');
      await expectAccessible(page, `feedback error ${width}`);
      // The message sits under the question, not beside it (no sideways scrolling on a phone).
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
      await shot(page, `feedback-error-${width}`);

      await page.getByLabel('Zufrieden', { exact: true }).check();
      await page.locator('#f-comment').fill('Die Seite zum Einkommen war lang.');
      await page.getByRole('button', { name: 'Rückmeldung senden' }).click();
      await page.waitForLoadState('load');
      expect(await page.locator('h1').innerText()).toBe('Vielen Dank für Ihre Rückmeldung');
      await expectAccessible(page, `feedback thanks ${width}`);
    });
  }

  it('shows the tenant admin the counts per service, in English too', async () => {
    const { page, context } = await h.newPage({ javaScript: false, width: 1366, lang: 'en-GB' });
    await signIn(context, h.baseUrl, (await loginAs(h.ctx, ['tenant_admin'])).cookies);
    await page.goto(`${h.baseUrl}/t/neue-wege/staff/rueckmeldungen?lang=en`);
    const row = await page.getByRole('row', { name: /Online application for Bürgergeld/ }).innerText();
    expect(row.split(/\s*\t\s*/)).toEqual(['Online application for Bürgergeld', '0', '2', '0', '0', '0', '2', '4.0', '2']);
    await expectAccessible(page, 'feedback results en');
    await shot(page, 'feedback-results-1366');
  });
});
