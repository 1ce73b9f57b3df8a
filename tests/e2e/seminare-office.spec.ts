// The training office in a real browser: a wrong catalogue and report filter named at its field, a seminar and a
// session created through the forms (error states included, submitted by keyboard), the session edit page, and a
// certificate revoked with a reason so that the public check says "widerrufen" — axe on every page at phone and
// desktop width. Screenshots go to SHOTS_DIR.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateCode, issueCertificates, recordAttendance } from '../../src/modules/seminare/certificates.service.js';
import { requestEnrolment } from '../../src/modules/seminare/enrolment.service.js';
import * as sessionsRepository from '../../src/modules/seminare/sessions.repository.js';
import { createTestSession, person, setApproval } from '../../src/modules/seminare/testing.js';
import { sessionFor } from '../../src/modules/staff/testing.js';
import { expectAccessible, shot, signIn, startBrowserHarness, type BrowserHarness } from './support/browser.js';

let h: BrowserHarness;
const base = '/t/neue-wege';

beforeAll(async () => {
  h = await startBrowserHarness({ now: '2027-02-01T08:00:00Z' });
});
afterAll(async () => h?.close());

const text = (page: Page, t: string) => page.getByText(t, { exact: false }).count();

describe('training office', () => {
  for (const width of [390, 1366]) {
    it(`creates a seminar and a session, edits it, and revokes a certificate at ${width} px`, async () => {
      const ctx = h.ctx;
      ctx.clock.set('2027-02-01T08:00:00Z');
      await setApproval(ctx, { approval: 'none' });
      const { sc, office, session, input } = await createTestSession(ctx, { seats: 2, title: `Vorhandenes Seminar ${width}` });
      const { page, context } = await h.newPage({ width });
      await signIn(context, h.baseUrl, office.cookies);

      await page.goto(`${h.baseUrl}${base}/staff/seminare`);
      await expectAccessible(page, `catalogue office ${width}`);

      // A wrong filter value is named and leads to its field; the rest of the filter still applies.
      await page.goto(`${h.baseUrl}${base}/staff/seminare?q=${encodeURIComponent(`Vorhandenes Seminar ${width}`)}&kategorie=kaputt`);
      await expect.poll(() => page.evaluate(() => document.activeElement?.matches('.ww-error-summary'))).toBe(true);
      expect(await page.locator('section.ww-seminar').count()).toBe(1);
      await expectAccessible(page, `catalogue filter error ${width}`);
      await shot(page, `office-catalogue-filter-error-${width}`);
      await page.locator('.ww-error-summary').getByRole('link').click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-kategorie');
      await page.goto(`${h.baseUrl}${base}/staff/seminare/berichte?jahr=2027&team=kaputt`);
      await expect.poll(() => text(page, 'Jahr 2027, alle Teams.')).toBe(1);
      await expectAccessible(page, `reports filter error ${width}`);
      await shot(page, `office-reports-filter-error-${width}`);
      await page.locator('.ww-error-summary').getByRole('link').click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-team');
      await page.goto(`${h.baseUrl}${base}/staff/seminare`);
      await page.getByRole('link', { name: 'Neues Seminar anlegen' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'Neues Seminar anlegen' }).count()).toBe(1);
      await expectAccessible(page, `seminar form ${width}`);
      await page.getByLabel('Gebühr in Euro').fill('zwölf');
      await page.getByRole('button', { name: 'Speichern' }).click();
      await expect.poll(() => page.locator('.ww-error-summary').count()).toBe(1);
      await expectAccessible(page, `seminar form error ${width}`);
      await shot(page, `office-seminar-error-${width}`);

      const title = `Beratung im Kontext SGB II ${width}`;
      await page.getByLabel('Titel').fill(title);
      await page.getByLabel('Kategorie').selectOption({ index: 1 });
      await page.getByLabel('Unterrichtseinheiten (UE)').fill('6');
      await page.getByLabel('Gebühr in Euro').fill('0');
      await page.getByRole('checkbox', { name: 'Sachbearbeitung' }).first().check();
      await page.getByLabel('Titel').focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => text(page, 'Das Seminar ist gespeichert.')).toBe(1);

      const card = page.locator('section.ww-seminar', { has: page.getByRole('heading', { name: title }) });
      await card.getByRole('link', { name: `Termin anlegen für „${title}“` }).click();
      await expect.poll(() => page.getByLabel('Raum').count()).toBe(1);
      await expectAccessible(page, `session form ${width}`);
      await page.getByLabel('Plätze').fill('12');
      // A day whose date is no date and which has no end: both of its problems at once, beside the field too.
      await page.getByLabel('Datum (Tag 1)').fill('31.02.2027');
      await page.getByLabel('Beginn (Tag 1)').fill('09:00');
      await page.getByRole('button', { name: 'Speichern' }).click();
      await expect.poll(() => page.locator('.ww-error-summary').count()).toBe(1);
      expect(await page.locator('[id^="f-day1Date-error"]').count()).toBe(2);
      await expectAccessible(page, `session form error ${width}`);
      await shot(page, `office-session-error-${width}`);
      await page.getByLabel('Datum (Tag 1)').fill('10.03.2027');
      await page.locator('#f-room').fill('Raum 3.01');
      await page.getByLabel('Ende (Tag 1)').fill('16:00');
      await page.getByLabel('Anmeldung bis (einschließlich)').fill('2027-03-01');
      await page.getByLabel('Stornierung bis (einschließlich)').fill('2027-03-05');
      await page.getByRole('button', { name: 'Speichern' }).click();
      await expect.poll(() => text(page, 'Der Termin ist gespeichert.')).toBe(1);
      await expect.poll(() => card.getByRole('button', { name: `Anmelden für „${title}“` }).count()).toBe(1);
      await shot(page, `office-catalogue-${width}`);

      await card.getByRole('link', { name: `Termin bearbeiten für „${title}“` }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'Termin absagen' }).count()).toBe(1);
      await expectAccessible(page, `session edit ${width}`);
      await shot(page, `office-session-edit-${width}`);

      // A certificate after the seminar; the office revokes it with a reason.
      const staff = await person(ctx);
      const enrolment = await requestEnrolment(sc, staff.actor, session.id);
      ctx.clock.set(new Date(input.days[1]!.endsAt.getTime() + 3_600_000));
      for (const day of await sessionsRepository.days(sc.tdb, [session.id])) await recordAttendance(sc, office.actor, session.id, day.id, [{ enrolmentId: enrolment.id, percent: 100 }], 'Test');
      await issueCertificates(sc, office.actor, session.id);
      await signIn(context, h.baseUrl, (await sessionFor(ctx, office.userId)).cookies);
      await page.goto(`${h.baseUrl}${base}/staff/seminare/termine/${session.id}`);
      await page.getByRole('link', { name: /^Widerrufen/ }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'Teilnahmebescheinigung widerrufen' }).count()).toBe(1);
      await expectAccessible(page, `revoke ${width}`);
      const certId = /bescheinigungen\/([0-9a-f-]{36})\/widerrufen/.exec(page.url())![1]!;
      await page.getByRole('button', { name: 'Widerrufen' }).click();
      await expect.poll(() => page.locator('.ww-error-summary').count()).toBe(1);
      await expectAccessible(page, `revoke error ${width}`);
      await page.getByLabel('Begründung').fill('Anwesenheit falsch erfasst');
      await page.getByRole('button', { name: 'Widerrufen' }).click();
      await expect.poll(() => text(page, 'Die Bescheinigung ist widerrufen.')).toBe(1);
      await expectAccessible(page, `session revoked ${width}`);

      const pub = await h.newPage({ width, javaScript: false });
      await pub.page.goto(`${h.baseUrl}${base}/seminare/nachweis?code=${certificateCode(ctx.deps.config.secretKey, certId)}`);
      expect(await text(pub.page, 'Diese Bescheinigung wurde widerrufen')).toBe(1);
      await expectAccessible(pub.page, `verify revoked ${width}`);
      await shot(pub.page, `verify-revoked-${width}`);
      await pub.context.close();
      await context.close();
    });
  }
});
