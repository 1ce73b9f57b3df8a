// The seminar programme in a real browser: catalogue with search and filter, enrolment, team-lead and training
// office approval, attendance, the certificate link and the public verify page (with and without JavaScript),
// with axe on every page and error state at phone and desktop width. Enrol and approve are done by keyboard.
// Screenshots go to SHOTS_DIR when it is set.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateCode } from '../../src/modules/seminare/certificates.service.js';
import { createTestSession, person, setApproval } from '../../src/modules/seminare/testing.js';
import { putInTeam, sessionFor } from '../../src/modules/staff/testing.js';
import { expectAccessible, shot, signIn, startBrowserHarness, tertiaryTextIndents, type BrowserHarness } from './support/browser.js';

let h: BrowserHarness;
const base = '/t/neue-wege';

beforeAll(async () => {
  h = await startBrowserHarness({ now: '2027-02-01T08:00:00Z' });
});
afterAll(async () => h?.close());

const text = (page: Page, t: string) => page.getByText(t, { exact: false }).count();

describe('seminar programme', () => {
  for (const width of [390, 1366]) {
    it(`enrol, approve twice, attendance, certificate and public check at ${width} px`, async () => {
      const ctx = h.ctx;
      ctx.clock.set('2027-02-01T08:00:00Z');
      await setApproval(ctx, { approval: 'lead_hr', personalratRequired: false });
      const title = `Motivierende Gesprächsführung ${width}`;
      const { session, office, input } = await createTestSession(ctx, { seats: 3, title });
      const staff = await person(ctx);
      const lead = await person(ctx, ['teamleitung']);
      await putInTeam(ctx, `Team ${width}`, [{ userId: lead.userId, lead: true }, { userId: staff.userId }]);
      const { page, context } = await h.newPage({ width });

      // Catalogue: search and filter.
      await signIn(context, h.baseUrl, staff.cookies);
      await page.goto(`${h.baseUrl}${base}/staff/seminare`);
      await expectAccessible(page, `catalogue ${width}`);
      await page.getByLabel('Suche').fill('keinTreffer');
      await page.getByRole('button', { name: 'Filtern' }).click();
      await expect.poll(() => text(page, '0 Seminare')).toBe(1);
      await expectAccessible(page, `catalogue empty ${width}`);
      await page.getByLabel('Suche').fill(`gesprächsführung ${width}`);
      await page.getByRole('button', { name: 'Filtern' }).click();
      await expect.poll(() => page.getByRole('heading', { name: title }).count()).toBe(1);
      await shot(page, `catalogue-${width}`);

      // Enrol by keyboard.
      const card = page.locator('section.ww-seminar', { has: page.getByRole('heading', { name: title }) });
      await card.getByRole('button', { name: 'Anmelden' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => text(page, 'Ihre Anmeldung ist eingegangen.')).toBe(1);
      expect(await text(page, 'Wartet auf die Teamleitung')).toBeGreaterThan(0);
      await expectAccessible(page, `my seminars ${width}`);
      await shot(page, `mine-requested-${width}`);
      // On a phone each request is a block: its cancel button is on the screen, nothing scrolls sideways.
      const cancel = page.getByRole('button', { name: 'Stornieren' });
      const box = (await cancel.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      // Its underlined text starts where its box does: on a phone in line with the column's name above it.
      expect(await tertiaryTextIndents(page)).toEqual([{ label: 'Stornieren', indent: 0 }]);
      expect(await page.locator('.ww-table-wrap').first().evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
      // The catalogue now says where the request stands instead of offering to enrol again.
      await page.goto(`${h.baseUrl}${base}/staff/seminare?q=${encodeURIComponent(title)}`);
      expect(await card.getByRole('button', { name: 'Anmelden' }).count()).toBe(0);
      expect(await text(page, 'Ihre Anmeldung: Wartet auf die Teamleitung.')).toBe(1);
      // The request holds no seat yet (ADR 0391): the free places stay, and the line beside them says why.
      expect(await text(page, '3 von 3 Plätzen frei')).toBe(1);
      expect(await text(page, 'Einen Platz bekommt sie erst mit der Freigabe')).toBe(1);
      await expectAccessible(page, `catalogue enrolled ${width}`);
      await shot(page, `catalogue-enrolled-${width}`);
      const plain = await h.newPage({ width, javaScript: false });
      await signIn(plain.context, h.baseUrl, staff.cookies);
      await plain.page.goto(`${h.baseUrl}${base}/staff/seminare?q=${encodeURIComponent(title)}`);
      expect(await text(plain.page, 'Einen Platz bekommt sie erst mit der Freigabe')).toBe(1);
      expect(await plain.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await expectAccessible(plain.page, `catalogue enrolled ${width} js=false`);
      await shot(plain.page, `catalogue-enrolled-${width}-nojs`);
      await plain.context.close();

      // Team lead: a rejection without reason is an error; approve by keyboard.
      await signIn(context, h.baseUrl, lead.cookies);
      await page.goto(`${h.baseUrl}${base}/staff/seminare/freigaben`);
      await expectAccessible(page, `approvals ${width}`);
      await shot(page, `approvals-${width}`);
      await page.locator('table a[href*="/freigaben/"]').first().click();
      await expect.poll(() => page.getByRole('button', { name: 'Freigeben' }).count()).toBe(1);
      await expectAccessible(page, `decision ${width}`);
      await page.getByRole('button', { name: 'Ablehnen' }).click();
      await expect.poll(() => page.locator('.ww-error-summary').count()).toBe(1);
      await expectAccessible(page, `decision error ${width}`);
      await shot(page, `decision-error-${width}`);
      await page.getByRole('button', { name: 'Freigeben' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => text(page, 'Die Entscheidung ist gespeichert.')).toBe(1);

      // Training office approves.
      await signIn(context, h.baseUrl, office.cookies);
      await page.goto(`${h.baseUrl}${base}/staff/seminare/freigaben`);
      await page.locator('table a[href*="/freigaben/"]').first().click();
      await page.getByRole('button', { name: 'Freigeben' }).click();
      await expect.poll(() => text(page, 'Die Entscheidung ist gespeichert.')).toBe(1);
      await expectAccessible(page, `approvals done ${width}`);

      // After the seminar: attendance on both days, then certificates.
      ctx.clock.set(new Date(input.days[1]!.endsAt.getTime() + 3_600_000));
      await signIn(context, h.baseUrl, (await sessionFor(ctx, office.userId)).cookies);
      await page.goto(`${h.baseUrl}${base}/staff/seminare/termine/${session.id}`);
      await expectAccessible(page, `session ${width}`);
      // Each attendance choice shows its whole text: at 390 px the select shrank to "Anwe…" in its table column.
      const clipped = await page.locator('.ww-attendance-day select').evaluateAll((selects) =>
        selects.filter((select) => {
          const probe = select.cloneNode(true) as HTMLSelectElement;
          probe.style.width = 'max-content';
          probe.style.position = 'absolute';
          document.body.append(probe);
          const needed = probe.getBoundingClientRect().width;
          probe.remove();
          return select.getBoundingClientRect().width < needed - 1;
        }).length,
      );
      expect(clipped).toBe(0);
      for (const n of [1, 2]) {
        await page.getByRole('button', { name: `Anwesenheit Tag ${n} speichern` }).click();
        await expect.poll(() => text(page, 'Die Anwesenheit ist gespeichert.')).toBe(1);
      }
      await page.getByRole('button', { name: 'Bescheinigungen ausstellen' }).click();
      await expect.poll(() => text(page, 'Die Teilnahmebescheinigungen sind ausgestellt.')).toBe(1);
      await expectAccessible(page, `session issued ${width}`);
      await shot(page, `session-${width}`);

      await signIn(context, h.baseUrl, (await sessionFor(ctx, staff.userId)).cookies);
      await page.goto(`${h.baseUrl}${base}/staff/seminare/meine`);
      const link = page.getByRole('link', { name: 'Teilnahmebescheinigung (PDF)' });
      await expect.poll(() => link.count()).toBe(1);
      const href = (await link.getAttribute('href'))!;
      const pdf = await context.request.get(`${h.baseUrl}${href}`);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      expect(pdf.headers()['cache-control']).toBe('no-store');
      await expectAccessible(page, `my certificate ${width}`);
      await shot(page, `mine-certificate-${width}`);

      // The public check, with and without JavaScript.
      const certId = /bescheinigungen\/([0-9a-f-]{36})\.pdf/.exec(href)![1]!;
      const code = certificateCode(ctx.deps.config.secretKey, certId);
      for (const javaScript of [true, false]) {
        const pub = await h.newPage({ width, javaScript });
        await pub.page.goto(`${h.baseUrl}${base}/seminare/nachweis`);
        await expectAccessible(pub.page, `verify ${width} js=${javaScript}`);
        await pub.page.getByRole('button', { name: 'Prüfen' }).click();
        await expect.poll(() => pub.page.locator('.ww-error-summary').count()).toBe(1);
        await expectAccessible(pub.page, `verify empty ${width} js=${javaScript}`);
        await pub.page.getByLabel('Prüfcode').fill('AAAA-BBBB-CCCC-DDDD');
        await pub.page.getByRole('button', { name: 'Prüfen' }).click();
        await expect.poll(() => text(pub.page, 'keine gültige Bescheinigung')).toBe(1);
        await expectAccessible(pub.page, `verify invalid ${width} js=${javaScript}`);
        await pub.page.getByLabel('Prüfcode').fill(code);
        await pub.page.getByRole('button', { name: 'Prüfen' }).click();
        await expect.poll(() => text(pub.page, 'Die Bescheinigung ist gültig.')).toBe(1);
        expect(await text(pub.page, title)).toBe(1);
        await expectAccessible(pub.page, `verify valid ${width} js=${javaScript}`);
        await shot(pub.page, `verify-valid-${width}-${javaScript ? 'js' : 'nojs'}`);
        await pub.context.close();
      }
      await context.close();
    });
  }
});
