// Onlineterminierung in a real browser: the whole journey in German and English, with and without JavaScript,
// axe on every step and error state (German runs; English ones on the confirmation), "just taken", the personal
// link, and a keyboard-only run.
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingService } from '../../src/modules/termine/index.js';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { renderOutbox } from '#shared/mail/outbox.js';
import { loginAs } from '../../src/modules/staff/testing.js';
import { createTestLocation, liftLimits } from '../../src/modules/termine/testing.js';
import { expectAccessible, shot, startBrowserHarness, type BrowserHarness } from './support/browser.js';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness({ env: { CAPTCHA: 'on' } });
  await liftLimits(h.ctx.deps, h.ctx.tenant);
});
afterAll(async () => h?.close());

const text = {
  de: { concern: 'Antrag abgeben', next: 'Weiter', persons: '2 Personen', take: 'Diesen Termin nehmen', name: 'Vor- und Nachname', email: 'E-Mail-Adresse', book: 'Termin verbindlich buchen', done: 'Ihr Termin ist gebucht', captchaDone: 'Sicherheitsprüfung abgeschlossen.', numbers: ['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun'] },
  en: { concern: 'Hand in an application', next: 'Continue', persons: '2 people', take: 'Take this appointment', name: 'First name and surname', email: 'E-mail address', book: 'Book this appointment', done: 'Your appointment is booked', captchaDone: 'Security check complete.', numbers: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'] },
};

/** Answers the fallback question ("… drei plus vier?") as a person would. */
async function answerQuestion(page: Page, numbers: string[]) {
  const label = (await page.locator('label[for="f-captchaAnswer"]').textContent()) ?? '';
  const words = label.toLowerCase().match(/[a-zäöüß]+/g) ?? [];
  const values = words.map((w) => numbers.indexOf(w)).filter((n) => n >= 0);
  await page.fill('#f-captchaAnswer', String(values.reduce((a, b) => a + b, 0)));
}

async function manageLink(email: string): Promise<string> {
  await renderOutbox(h.ctx.deps);
  const result = await h.ctx.database.db.execute(sql`select text from outbox_messages where "to" = ${email} order by created_at desc limit 1`);
  const mail = (result as unknown as { rows: { text: string }[] }).rows[0]!.text;
  return /\/t\/neue-wege\/termine\/verwalten\/[A-Za-z0-9_-]{43}/.exec(mail)![0];
}

describe('booking journey', () => {
  for (const javaScript of [true, false]) {
    for (const lang of ['de', 'en'] as const) {
      it(`books in ${lang} ${javaScript ? 'with' : 'without'} JavaScript, accessible on every step`, async () => {
        const t = text[lang];
        const { page, context } = await h.newPage({ javaScript, lang: lang === 'de' ? 'de-DE' : 'en-GB' });
        // Error states are the same templates in every variant; the slow no-JS English run skips them.
        const errorStates = javaScript || lang === 'de';
        // axe once per page and state for each way of browsing: the English run fills the same templates with
        // other words, so it checks its texts and the confirmation, and leaves the other pages to the German run.
        const check = (p: Page, label: string) => (lang === 'de' || label === 'confirmation' ? expectAccessible(p, label) : Promise.resolve());
        await page.goto(`${h.baseUrl}/t/neue-wege/termine`);
        await check(page, 'concerns');
        if (errorStates) {
          await page.getByRole('button', { name: t.next }).click();
          await check(page, 'concerns, nothing chosen');
        }
        await page.getByLabel(t.concern).check();
        await page.getByRole('button', { name: t.next }).click();
        await check(page, 'location');
        await page.getByLabel('Servicepoint Heppenheim').check();
        await page.getByRole('button', { name: t.next }).click();
        await check(page, 'persons');
        await page.getByLabel(t.persons).check();
        await page.getByRole('button', { name: t.next }).click();
        await check(page, 'day');
        if (javaScript) {
          await page.getByRole('button', { name: t.take }).click();
        } else {
          // Through the month view and the list of times, as without the shortcut.
          await page.locator('.ww-calendar__free a').nth(1).click();
          await check(page, 'times');
          await page.locator('input[name="startsAt"]').nth(2).check();
          await page.locator('main form button[type="submit"]').click();
        }
        await check(page, 'contact');
        if (errorStates) {
          await page.getByRole('button', { name: t.next }).click();
          await check(page, 'contact with errors');
        }
        const email = `${lang}-${javaScript ? 'js' : 'nojs'}@example.org`;
        await page.getByLabel(t.name).fill('Erika Muster');
        await page.getByLabel(t.email).fill(email);
        await page.getByRole('button', { name: t.next }).click();
        await check(page, 'check answers');
        if (javaScript) {
          await expect.poll(() => page.locator('[data-captcha-status]').textContent(), { timeout: 20_000 }).toBe(t.captchaDone);
          expect(await page.locator('[data-captcha-question]').isHidden()).toBe(true);
        } else {
          if (errorStates) {
            await page.fill('#f-captchaAnswer', '99');
            await page.getByRole('button', { name: t.book }).click();
            await check(page, 'check answers, wrong answer');
          }
          await answerQuestion(page, t.numbers);
        }
        await page.getByRole('button', { name: t.book }).click();
        await expect.poll(() => page.locator('h1').textContent()).toBe(t.done);
        expect(page.url()).toBe(`${h.baseUrl}/t/neue-wege/termine/gebucht`);
        await check(page, 'confirmation');
        await context.close();
      });
    }
  }

  it('offers the next free times at once when the chosen time was just taken', async () => {
    const place = await createTestLocation(h.ctx.deps, h.ctx.tenant, { seatsTotal: 1 });
    const { page, context } = await h.newPage({ javaScript: false });
    await page.goto(`${h.baseUrl}/t/neue-wege/termine/zeit?service=${place.serviceId}&location=${place.locationId}&persons=1&date=2026-11-26`);
    await page.getByLabel('09:00 Uhr').check();
    const tdb = new TenantDb(h.ctx.database.db, h.ctx.tenant.id);
    await bookingService.staffBook({ tdb, tenant: h.ctx.tenant, deps: h.ctx.deps }, { locationId: place.locationId, serviceIds: [place.serviceId], persons: 1, startsAt: new Date('2026-11-26T08:00:00Z'), contact: { name: 'Telefon' } });
    await page.getByRole('button', { name: 'Uhrzeit wählen' }).click();
    expect(await page.locator('h1').textContent()).toBe('Diese Zeit wurde gerade vergeben');
    await expectAccessible(page, 'just taken');
    expect(await page.locator('input[name="startsAt"]:checked').getAttribute('value')).toBe('2026-11-26T08:15:00.000Z');
    await page.getByRole('button', { name: 'Uhrzeit wählen' }).click();
    expect(await page.locator('h1').textContent()).toBe('Ihre Kontaktdaten');
    await context.close();
  });

  it('warns when the same address books the same time again, and mails the existing link instead (390 px)', async () => {
    const place = await createTestLocation(h.ctx.deps, h.ctx.tenant, { seatsTotal: 2 });
    const tdb = new TenantDb(h.ctx.database.db, h.ctx.tenant.id);
    const first = { locationId: place.locationId, serviceIds: [place.serviceId], persons: 1, startsAt: new Date('2026-11-27T08:00:00Z'), contact: { name: 'Jana Zweimal', email: 'zweimal@example.org' } };
    await bookingService.staffBook({ tdb, tenant: h.ctx.tenant, deps: h.ctx.deps }, first);
    const { page, context } = await h.newPage({ javaScript: false, width: 390 });
    await page.goto(`${h.baseUrl}/t/neue-wege/termine/zeit?service=${place.serviceId}&location=${place.locationId}&persons=1&date=2026-11-27`);
    await page.getByLabel('09:00 Uhr').check();
    await page.getByRole('button', { name: 'Uhrzeit wählen' }).click();
    await page.getByLabel(text.de.name).fill('Jana Zweimal');
    await page.getByLabel(text.de.email).fill('zweimal@example.org');
    await page.getByRole('button', { name: text.de.next }).click();
    expect(await page.getByRole('heading', { name: 'Diesen Termin haben Sie schon gebucht' }).count()).toBe(1);
    await expectAccessible(page, 'check: booked already');
    await shot(page, 'termine-duplicate-390');
    await page.getByRole('button', { name: 'Link zum gebuchten Termin zusenden' }).click();
    expect(await page.locator('h1').textContent()).toBe('Wir haben Ihnen den Link geschickt');
    await expectAccessible(page, 'link sent');
    await shot(page, 'termine-duplicate-sent-390');
    expect(await manageLink('zweimal@example.org')).toMatch(/verwalten/);
    await context.close();
  });

  it('shows, moves and cancels through the personal link (GET shows, buttons change)', async () => {
    const { page, context } = await h.newPage();
    await page.goto(`${h.baseUrl}${await manageLink('de-js@example.org')}`);
    await expectAccessible(page, 'manage');
    await page.getByRole('link', { name: 'Termin verschieben' }).click();
    await expectAccessible(page, 'move: day');
    await page.locator('.ww-calendar__free a').first().click();
    await expectAccessible(page, 'move: time');
    await page.locator('input[name="startsAt"]').last().check();
    await page.getByRole('button', { name: 'Uhrzeit wählen' }).click();
    expect(await page.locator('h1').textContent()).toBe('Termin verschieben?');
    expect(await page.getByText('Bisheriger Termin').count()).toBe(1);
    await expectAccessible(page, 'move: confirm');
    await page.getByRole('button', { name: 'Ja, Termin verschieben' }).click();
    await expectAccessible(page, 'moved');
    await page.getByRole('link', { name: 'Termin absagen' }).click();
    await expectAccessible(page, 'cancel: confirm');
    await page.getByRole('button', { name: 'Ja, Termin absagen' }).click();
    expect(await page.getByText('Der Termin ist abgesagt.').count()).toBe(1);
    await expectAccessible(page, 'cancelled');
    await page.getByRole('link', { name: 'Neuen Termin wählen' }).click();
    expect(new URL(page.url()).pathname).toBe('/t/neue-wege/termine/tag');
    expect(await page.locator('.ww-calendar__free a').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('can be done with the keyboard alone', async () => {
    const { page, context } = await h.newPage();
    await page.goto(`${h.baseUrl}/t/neue-wege/termine`);
    /** Tabs forward until the focused element matches, then returns (fails after 80 steps). */
    const tabTo = async (match: (el: { name: string; label: string; tag: string }) => boolean) => {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        const el = await page.evaluate(() => {
          const a = document.activeElement as HTMLInputElement | null;
          const label = a?.labels?.[0]?.textContent ?? a?.textContent ?? '';
          return { name: a?.getAttribute('name') ?? '', label: label.trim(), tag: a?.tagName ?? '' };
        });
        if (match(el)) return;
      }
      throw new Error('element not reachable by keyboard');
    };
    await tabTo((el) => el.label === 'Antrag abgeben');
    await page.keyboard.press('Space');
    await tabTo((el) => el.label === 'Weiter');
    await page.keyboard.press('Enter');
    await page.waitForURL(/standort/);
    await tabTo((el) => el.name === 'location');
    await page.keyboard.press('Space');
    await tabTo((el) => el.label === 'Weiter');
    await page.keyboard.press('Enter');
    await page.waitForURL(/personen/);
    await tabTo((el) => el.name === 'persons');
    await page.keyboard.press('ArrowDown');
    await tabTo((el) => el.label === 'Weiter');
    await page.keyboard.press('Enter');
    await page.waitForURL(/tag/);
    await tabTo((el) => el.label === 'Diesen Termin nehmen');
    await page.keyboard.press('Enter');
    await page.waitForURL(/kontakt/);
    await tabTo((el) => el.name === 'name');
    await page.keyboard.type('Tastatur Nutzerin');
    await tabTo((el) => el.name === 'email');
    await page.keyboard.type('keyboard@example.org');
    await tabTo((el) => el.label === 'Weiter');
    await page.keyboard.press('Enter');
    await page.waitForURL(/pruefen/);
    expect(await page.getByText('2 Personen').count()).toBeGreaterThan(0);
    await tabTo((el) => el.label === 'Termin verbindlich buchen');
    await page.keyboard.press('Enter');
    await page.waitForURL(/gebucht/);
    expect(await page.locator('h1').textContent()).toBe('Ihr Termin ist gebucht');
    await context.close();
  });

  it('lets the tenant admin configure locations, concerns and settings accessibly', async () => {
    const admin = await loginAs(h.ctx, ['tenant_admin']);
    const { page, context } = await h.newPage();
    await context.addCookies(Object.entries(admin.cookies).map(([name, value]) => ({ name, value, url: h.baseUrl })));
    await page.goto(`${h.baseUrl}/t/neue-wege/staff/termine`);
    await expectAccessible(page, 'admin overview');
    await page.getByRole('link', { name: 'Servicepoint Bensheim' }).click();
    await expectAccessible(page, 'admin location');
    await page.fill('#f-hours1', '12:00-08:00');
    await page.locator('main form').first().getByRole('button', { name: 'Speichern' }).click();
    expect(await page.locator('.ww-error-summary').count()).toBe(1);
    await expectAccessible(page, 'admin location with errors');
    await page.goto(`${h.baseUrl}/t/neue-wege/staff/termine/anliegen/neu`);
    await expectAccessible(page, 'admin new concern');
    await context.close();
  });
});
