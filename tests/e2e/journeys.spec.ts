// What new users stumbled over on a phone (issue 18), each in a real browser: hints of checkboxes and radios
// under their label, unique ids, a favicon, the ICS time stamp, and the booking journeys that follow.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liftLimits } from '../../src/modules/termine/testing.js';
import { expectAccessible, startBrowserHarness, type BrowserHarness } from './support/browser.js';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
  await liftLimits(h.ctx.deps, h.ctx.tenant);
});
afterAll(async () => h?.close());

/** Every hint of a checkbox or radio starts where its label starts and is as wide as the text column. */
async function expectHintsUnderLabels(page: Page, label: string) {
  const rows = await page.locator('.kern-form-check').evaluateAll((checks) =>
    checks
      .filter((check) => check.querySelector('.kern-hint'))
      .map((check) => {
        const box = (selector: string) => check.querySelector(selector)!.getBoundingClientRect();
        return { label: box('.kern-label').left, hint: box('.kern-hint').left, hintWidth: box('.kern-hint').width, textWidth: box('.kern-label').right - box('.kern-label').left };
      }),
  );
  expect(rows.length, `${label}: options with hints`).toBeGreaterThan(0);
  for (const row of rows) {
    expect(row.hint, label).toBe(row.label);
    expect(row.hintWidth, label).toBeGreaterThan(200);
  }
}

async function expectUniqueIds(page: Page, label: string) {
  const ids = await page.locator('[id]').evaluateAll((els) => els.map((el) => el.id));
  expect(ids.filter((id, i) => ids.indexOf(id) !== i), `${label}: duplicate ids`).toEqual([]);
}

describe('layout', () => {
  for (const width of [390, 1366]) {
    it(`shows each option's hint under its label on booking steps 1–3 at ${width} px, with unique ids`, async () => {
      const { page, context } = await h.newPage({ width });
      await page.goto(`${h.baseUrl}/t/neue-wege/termine`);
      await expectHintsUnderLabels(page, 'concerns');
      await expectUniqueIds(page, 'concerns');
      if (width === 390) expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(1800);
      await page.getByLabel('Antrag abgeben').check();
      await page.getByRole('button', { name: 'Weiter' }).click();
      await expectHintsUnderLabels(page, 'location');
      await expectUniqueIds(page, 'location');
      await page.getByLabel('Servicepoint Heppenheim').check();
      await page.getByRole('button', { name: 'Weiter' }).click();
      await expectHintsUnderLabels(page, 'persons');
      await expectUniqueIds(page, 'persons');
      await context.close();
    });
  }

  it('has a favicon on every page and at /favicon.ico', async () => {
    const { page, context } = await h.newPage();
    const missing: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) missing.push(`${response.status()} ${response.url()}`);
    });
    for (const path of ['/t/neue-wege', '/t/neue-wege/termine']) {
      await page.goto(`${h.baseUrl}${path}`);
      for (const href of await page.locator('link[rel="icon"]').evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href))) {
        const icon = await page.request.get(href);
        expect(icon.status(), href).toBe(200);
        expect(icon.headers()['content-type']).toMatch(/^image\//);
      }
    }
    const root = await page.request.get(`${h.baseUrl}/favicon.ico`);
    expect(root.status()).toBe(200);
    expect(root.headers()['content-type']).toMatch(/^image\//);
    expect(missing).toEqual([]);
    await expectAccessible(page, 'start page with icon');
    await context.close();
  });
});

describe('Onlineterminierung', () => {
  it('finds a lost appointment: form, error and answer are accessible, without JavaScript', async () => {
    const { page, context } = await h.newPage({ javaScript: false, width: 390 });
    await page.goto(`${h.baseUrl}/t/neue-wege/termine`);
    await page.getByRole('link', { name: 'Persönlichen Link noch einmal zusenden lassen' }).click();
    await expectAccessible(page, 'find');
    await page.getByLabel('Buchungscode').fill('12');
    await page.getByLabel('E-Mail-Adresse').fill('someone@example.org');
    await page.getByRole('button', { name: 'Link zusenden' }).click();
    expect(await page.locator('.ww-error-summary').textContent()).toContain('Buchungscode');
    await expectAccessible(page, 'find with error');
    await page.getByLabel('Buchungscode').fill('K7QM-2X9D');
    await page.getByRole('button', { name: 'Link zusenden' }).click();
    expect(await page.getByText('Wenn die Angaben zu einem Termin passen, ist der Link unterwegs.').count()).toBe(1);
    await expectAccessible(page, 'find: sent');
    await context.close();
  });
});
