import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxMessages } from '#shared/mail/mail.tables.js';
import { loginAs } from '../../src/modules/staff/testing.js';
import { householdOfThree, type JourneyStep } from '../../src/modules/antrag/testing.js';
import { expectAccessible, shot, startBrowserHarness, tabOrder, type BrowserHarness } from './support/browser.js';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(async () => h?.close());

const base = () => `${h.baseUrl}/t/neue-wege/antrag`;
const path = (page: Page) => new URL(page.url()).pathname;

/** Fills the inputs of one page from a journey step (by field name) and continues. */
async function answer(page: Page, step: JourneyStep) {
  for (const [name, value] of Object.entries(step.form)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      const input = page.locator(`[name="${name}"]`).first();
      const type = await input.getAttribute('type');
      if (type === 'radio' || type === 'checkbox') await page.locator(`[name="${name}"][value="${v}"]`).check();
      else await page.locator(`[name="${name}"]`).fill(v);
    }
  }
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();
}

/** Goes to a step's page the way a person would: through the task list when a section is finished. */
async function reach(page: Page, step: JourneyStep, check: ReturnType<typeof checker>) {
  const target = `/t/neue-wege/antrag/${step.page}`;
  if (step.item) {
    expect(path(page).startsWith(`${target}/`)).toBe(true);
    return;
  }
  if (path(page) === target) return;
  expect(path(page)).toBe('/t/neue-wege/antrag/aufgaben');
  await check(page, 'task list');
  await page.locator(`a[href="${target}"]`).click();
  expect(path(page)).toBe(target);
}

/**
 * axe once per distinct page and state: the second household member's pages are the same templates
 * as the first one's, and the task list only changes its badges. The run without JavaScript renders
 * the same DOM as the run with it (our scripts only add behaviour), so it checks what the first run
 * has not seen, such as its own error states.
 */
const seen = new Set<string>();
function checker() {
  return async (page: Page, label: string) => {
    if (seen.has(label)) return;
    seen.add(label);
    await expectAccessible(page, label);
  };
}

async function run(page: Page, steps: JourneyStep[], check: ReturnType<typeof checker>) {
  for (const step of steps) {
    await reach(page, step, check);
    await check(page, step.page);
    await answer(page, step);
  }
}

/** Presses Tab until the field `name` has focus; returns what was passed on the way. */
async function tabUntil(page: Page, name: string, most = 12): Promise<string[]> {
  const passed: string[] = [];
  for (let i = 0; i < most; i++) {
    const [label] = await tabOrder(page, 1);
    if (await page.evaluate((n) => document.activeElement?.getAttribute('name') === n, name)) return passed;
    passed.push(label ?? '');
  }
  throw new Error(`${name} not reached by keyboard`);
}

async function lastMail(kind: string) {
  const rows = await h.ctx.deps.database.db.select().from(outboxMessages);
  return rows.filter((m) => m.kind === kind).at(-1)!;
}

describe('Erstantrag in a real browser', () => {
  for (const javaScript of [true, false]) {
    it(`completes an application for a household of three ${javaScript ? 'with' : 'without'} JavaScript, resuming from the e-mail link`, async () => {
      const steps = householdOfThree();
      const check = checker();
      const first = await h.newPage({ javaScript });
      await first.page.goto(base());
      await check(first.page, 'start');
      await first.page.getByRole('button', { name: 'Antrag starten' }).click();
      await check(first.page, 'task list');
      await first.page.getByRole('link', { name: /Persönliche Angaben/ }).click();
      await run(first.page, steps.slice(0, 5), check);

      // An error state: the IBAN with a wrong check digit, then the entered value is still there.
      await first.page.goto(`${base()}/bank/konto`);
      await first.page.locator('[name="accountHolder"]').fill('Anna Beispiel');
      await first.page.locator('[name="iban"]').fill('DE88 3704 0044 0532 0130 00');
      await first.page.getByRole('button', { name: 'Weiter', exact: true }).click();
      expect(await first.page.locator('.ww-error-summary').textContent()).toContain('Die IBAN ist nicht richtig');
      expect(await first.page.locator('[name="iban"]').inputValue()).toBe('DE88 3704 0044 0532 0130 00');
      if (javaScript) expect(await first.page.evaluate(() => document.activeElement?.hasAttribute('data-error-summary'))).toBe(true);
      await check(first.page, `IBAN error (${javaScript ? 'with' : 'without'} JavaScript)`);

      // Save for later; the link from the e-mail continues in another browser.
      await first.page.getByRole('button', { name: 'Speichern und später weitermachen' }).click();
      await check(first.page, 'save for later');
      await first.page.getByLabel('E-Mail-Adresse').fill('anna.beispiel@example.org');
      await first.page.getByRole('button', { name: 'Link senden' }).click();
      await check(first.page, 'link sent');
      await first.context.close();
      const link = /https?:\/\/\S+?(\/t\/neue-wege\/antrag\/fortsetzen\/[A-Za-z0-9_-]{43})/.exec((await lastMail('forms.resume')).text)![1]!;

      const second = await h.newPage({ javaScript });
      const page = second.page;
      await page.goto(`${h.baseUrl}${link}`);
      await check(page, 'resume');
      await page.getByRole('button', { name: 'Weiter' }).click();
      expect(path(page)).toBe('/t/neue-wege/antrag/aufgaben');
      expect(await page.locator('#status-person').textContent()).toContain('Erledigt');
      await page.locator('a[href="/t/neue-wege/antrag/haushalt/personen"]').click();
      await run(page, steps.slice(5, 30), check);
      // The bank page still holds the invalid IBAN typed before saving: correct it.
      await reach(page, steps[30]!, check);
      expect(await page.locator('[name="iban"]').inputValue()).toBe('DE88 3704 0044 0532 0130 00');
      await check(page, 'bank (pending input)');
      await answer(page, steps[30]!);
      await run(page, steps.slice(31), check);

      await page.getByRole('link', { name: /Prüfen und absenden/ }).click();
      await check(page, 'check answers');
      expect(await page.locator('main').textContent()).toContain('Mia Beispiel');
      await page.getByRole('button', { name: 'Antrag verbindlich absenden' }).click();
      await check(page, `declaration missing (${javaScript ? 'with' : 'without'} JavaScript)`);
      await page.getByLabel(/Ich versichere/).check();
      await page.getByRole('button', { name: 'Antrag verbindlich absenden' }).click();
      await check(page, 'confirmation');
      const reference = await page.locator('.ww-reference').textContent();
      expect(reference).toMatch(/^EA-\d{4}-/);
      await page.getByRole('link', { name: 'Bearbeitungsstand ansehen' }).click();
      await check(page, 'status');
      expect(await page.locator('main').textContent()).toContain(reference!);
      await second.context.close();
    }, 240_000);
  }

  it('shows the submitted application to a caseworker, accessibly', async () => {
    const staff = await loginAs(h.ctx, ['sachbearbeitung']);
    const { page, context } = await h.newPage();
    await context.addCookies(Object.entries(staff.cookies).map(([name, value]) => ({ name, value, url: h.baseUrl })));
    await page.goto(`${h.baseUrl}/t/neue-wege/staff/antraege`);
    await expectAccessible(page, 'staff list');
    await page.locator('table tbody a').first().click(); // the header's links sort the list
    await expectAccessible(page, 'staff detail');
    await page.getByRole('button', { name: 'Mitwirkungsaufforderung erstellen' }).click();
    expect(await page.locator('.ww-error-summary').textContent()).toContain('BG-Nummer');
    await expectAccessible(page, 'staff detail with errors');
    await context.close();
  });

  it('shows the applicant\'s name in the caseworker\'s list and finds the application by name, by keyboard, without the name in the address', async () => {
    const staff = await loginAs(h.ctx, ['sachbearbeitung']);
    const { page, context } = await h.newPage({ width: 1366 });
    await context.addCookies(Object.entries(staff.cookies).map(([name, value]) => ({ name, value, url: h.baseUrl })));
    await page.goto(`${h.baseUrl}/t/neue-wege/staff/antraege`);
    const headers = await page.locator('table thead th').allTextContents();
    expect(headers.map((t) => t.trim())).toContain('Name');
    expect(await page.locator('table tbody').textContent()).toContain('Beispiel, Anna');
    // Keyboard only: Tab to the name field, type a whole word, Enter sends the search.
    await tabUntil(page, 'person', 40); // past the skip link and the staff navigation
    await page.keyboard.type('beispiel');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/staff\/antraege\?f=[0-9a-f-]{36}$/);
    expect(page.url().toLowerCase()).not.toContain('beispiel');
    expect(await page.locator('[name="person"]').inputValue()).toBe('beispiel');
    expect(await page.locator('table tbody tr').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'staff list searched by name');
    await shot(page, 'antrag-staff-list-name-search-1366');
    await page.locator('[name="person"]').fill('Beisp');
    await page.getByRole('button', { name: 'Filtern' }).click();
    await page.waitForURL(/\?f=/);
    expect(await page.locator('table').count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain('0 Anträge');
    await context.close();
  });

  it('keeps typed answers when going back (JavaScript) and works by keyboard alone', async () => {
    const { page, context } = await h.newPage();
    await page.goto(base());
    await page.getByRole('button', { name: 'Antrag starten' }).click();
    await page.goto(`${base()}/person/name`);
    await expectAccessible(page, 'name');
    // Keyboard only: Tab through the header and the back link to the first field, type, Enter submits.
    const passed = await tabUntil(page, 'firstName');
    expect(passed).toContain('Zurück');
    await page.keyboard.type('Kai');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Tastatur');
    await page.keyboard.press('Enter');
    await page.waitForURL(/geburtsdatum$/);
    await expectAccessible(page, 'birth date');
    await tabUntil(page, 'birthDate-day');
    await page.keyboard.type('5');
    await page.keyboard.press('Tab');
    await page.keyboard.type('11');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1985');
    // Back after typing: the enhancement saves first, so the date is there when coming forward again.
    await page.getByRole('link', { name: 'Zurück' }).click();
    await page.waitForURL(/person\/name$/);
    expect(await page.locator('[name="firstName"]').inputValue()).toBe('Kai');
    await page.goto(`${base()}/person/geburtsdatum`);
    expect(await page.locator('[name="birthDate-year"]').inputValue()).toBe('1985');
    await context.close();
  });

  it('shows the start page, an error and the check page in English', async () => {
    const { page, context } = await h.newPage({ lang: 'en-GB' });
    await page.goto(base());
    expect(await page.locator('h1').textContent()).toBe('First application for basic income support (SGB II)');
    await expectAccessible(page, 'start (en)');
    await page.getByRole('button', { name: 'Start application' }).click();
    await expectAccessible(page, 'task list (en)');
    await page.goto(`${base()}/person/geburtsdatum`);
    await page.locator('[name="birthDate-day"]').fill('31');
    await page.locator('[name="birthDate-month"]').fill('2');
    await page.locator('[name="birthDate-year"]').fill('1990');
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    expect(await page.locator('.ww-error-summary').textContent()).toContain('This date does not exist');
    await expectAccessible(page, 'date error (en)');
    await page.goto(`${base()}/pruefen`);
    expect(await page.locator('h1').textContent()).toBe('Check your answers');
    await expectAccessible(page, 'check answers (en)');
    await context.close();
  });
});
