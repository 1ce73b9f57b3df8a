// Feedback, reports and the external trainer's page in a real browser: the anonymous survey at phone width
// (answered by keyboard, with its error state), the training office's reports on the demo programme, and the
// trainer's personal link page — axe on each. Screenshots go to SHOTS_DIR when it is set.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffModule } from '../../src/modules/staff/index.js';
import { sessionFor } from '../../src/modules/staff/testing.js';
import { recordAttendance } from '../../src/modules/seminare/certificates.service.js';
import { seedSeminareDemo } from '../../src/modules/seminare/demo.js';
import { requestEnrolment } from '../../src/modules/seminare/enrolment.service.js';
import * as sessionsRepository from '../../src/modules/seminare/sessions.repository.js';
import { createTestSession, person, setApproval } from '../../src/modules/seminare/testing.js';
import { issueTrainerLink } from '../../src/modules/seminare/trainer.service.js';
import { expectAccessible, shot, signIn, startBrowserHarness, type BrowserHarness } from './support/browser.js';

let h: BrowserHarness;
const base = '/t/neue-wege';

beforeAll(async () => {
  h = await startBrowserHarness({ now: '2027-06-15T08:00:00Z' });
  const dev = { ...h.ctx.deps, config: { ...h.ctx.deps.config, env: 'development' as const } };
  await staffModule.seedDemo!(dev, h.ctx.tenant);
  await seedSeminareDemo(dev, h.ctx.tenant);
}, 240_000);
afterAll(async () => h?.close());

const text = (page: Page, t: string) => page.getByText(t, { exact: false }).count();

/** A two-day session that is over, with one participant who attended both days. */
async function pastSession(title: string) {
  const ctx = h.ctx;
  await setApproval(ctx, { approval: 'none' });
  const made = await createTestSession(ctx, { seats: 4, title, daysAhead: 5 });
  const staff = await person(ctx);
  const enrolment = await requestEnrolment(made.sc, staff.actor, made.session.id);
  ctx.clock.set(new Date(made.input.days[1]!.endsAt.getTime() + 3_600_000));
  for (const day of await sessionsRepository.days(made.sc.tdb, [made.session.id])) {
    await recordAttendance(made.sc, made.office.actor, made.session.id, day.id, [{ enrolmentId: enrolment.id, percent: 100 }], 'Test');
  }
  return { ...made, staff: { ...staff, ...(await sessionFor(ctx, staff.userId)) }, office: { ...made.office, ...(await sessionFor(ctx, made.office.userId)) } };
}

describe('seminar feedback, reports and the trainer page', () => {
  it('the survey at 390 px: reached from Meine Seminare, answered by keyboard, error state', async () => {
    const { staff } = await pastSession('Interkulturelle Beratung (Rückmeldung)');
    const { page, context } = await h.newPage({ width: 390 });
    await signIn(context, h.baseUrl, staff.cookies);
    await page.goto(`${h.baseUrl}${base}/staff/seminare/meine`);
    await page.getByRole('link', { name: /Rückmeldung geben/ }).click();
    await expect.poll(() => text(page, 'Ihre Rückmeldung ist anonym')).toBe(1);
    await expectAccessible(page, 'survey 390');
    await shot(page, 'survey-390');

    await page.getByRole('button', { name: 'Rückmeldung senden' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.ww-error-summary').count()).toBe(1);
    await expectAccessible(page, 'survey error 390');
    await shot(page, 'survey-error-390');

    await page.getByLabel('4 – gut').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Gute Beispiele aus dem Alltag.');
    await page.getByRole('button', { name: 'Rückmeldung senden' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => text(page, 'Vielen Dank für Ihre Rückmeldung.')).toBe(1);
    expect(await page.getByRole('link', { name: /Rückmeldung geben/ }).count()).toBe(0);
    await context.close();
  });

  for (const width of [1366, 390]) {
    it(`the reports on the demo programme at ${width} px`, async () => {
      const office = await person(h.ctx, ['personalentwicklung']);
      const { page, context } = await h.newPage({ width });
      await signIn(context, h.baseUrl, office.cookies);
      await page.goto(`${h.baseUrl}${base}/staff/seminare/berichte`);
      await expect.poll(() => text(page, 'Teilnahme und UE je Team')).toBeGreaterThan(0);
      // Every chart loaded (an SVG image with its natural size).
      // A report whose rows all concern fewer than five people, or are all zero, has no chart (its table says so):
      // every chart on the page must have loaded, and those of the topics, years, utilisation and fees are there.
      const charts = page.locator('.ww-report__chart img');
      await expect.poll(() => charts.evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth === 0).length)).toBe(0);
      expect(await charts.count()).toBeGreaterThanOrEqual(4);
      // A phone gets the narrow drawings, and none is wider than the page.
      const sources = await charts.evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).currentSrc));
      expect(sources.every((src) => src.includes('groesse=schmal'))).toBe(width === 390);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await expectAccessible(page, `reports ${width}`);
      await shot(page, `reports-${width}`);
      await page.getByRole('combobox', { name: 'Team' }).selectOption({ label: 'Markt und Integration' });
      await page.getByRole('button', { name: 'Anzeigen' }).click();
      await expect.poll(() => text(page, 'Team Markt und Integration.')).toBe(1);
      await expectAccessible(page, `reports team ${width}`);
      await context.close();
    });
  }

  it('the external trainer page in a browser at 390 and 1366 px', async () => {
    const { sc, office, session } = await pastSession('Deeskalation (Referentenlink)');
    const url = await issueTrainerLink(sc, office.actor, session.id);
    const path = new URL(url).pathname;
    for (const width of [390, 1366]) {
      const { page, context } = await h.newPage({ width });
      await page.goto(`${h.baseUrl}${path}`);
      await expect.poll(() => text(page, 'Deeskalation (Referentenlink)')).toBeGreaterThan(0);
      await expectAccessible(page, `trainer link ${width}`);
      await shot(page, `trainer-link-${width}`);
      await page.getByRole('button', { name: 'Anwesenheit Tag 1 speichern' }).click();
      await expect.poll(() => text(page, 'Die Anwesenheit ist gespeichert.')).toBe(1);
      await expectAccessible(page, `trainer link saved ${width}`);
      await context.close();
    }
  });
});
