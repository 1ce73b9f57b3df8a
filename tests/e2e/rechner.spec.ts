// The Bürgergeld-Rechner in a real browser without JavaScript: axe on the form, the result and the error
// state, at 320 px (no sideways scrolling) and at desktop width, in German and English.
// Screenshots go to SHOTS_DIR when it is set.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, shot, startBrowserHarness, type BrowserHarness } from './support/browser.js';

let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness({ now: '2026-03-10T08:00:00Z' });
});
afterAll(async () => h?.close());

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

describe('Bürgergeld-Rechner', () => {
  for (const [lang, width] of [
    ['de', 320],
    ['en', 320],
    ['de', 1366],
  ] as const) {
    it(`single parent with two children and a mini-job, ${lang}, ${width} px, without JavaScript`, async () => {
      const { page } = await h.newPage({ javaScript: false, width, lang: lang === 'de' ? 'de-DE' : 'en-GB' });
      await page.goto(`${h.baseUrl}/t/neue-wege/rechner?lang=${lang}`);
      await expectAccessible(page, `rechner form ${lang} ${width}`);
      expect(await noSidewaysScroll(page)).toBe(true);
      await shot(page, `rechner-form-${lang}-${width}`);
      // Checkboxes one after another keep their distance: their boxes never touch (they did, 0 px apart).
      const boxes = await page.locator('.ww-check input[type=checkbox]').evaluateAll((inputs) => inputs.slice(0, 2).map((i) => i.getBoundingClientRect()));
      expect(boxes[1]!.top - boxes[0]!.bottom).toBeGreaterThanOrEqual(8);

      await page.locator('#f-m0-birthDate').fill('01.05.1990');
      await page.locator('#f-m0-gross').fill('520');
      await page.locator('#f-m0-net').fill('520');
      await page.locator('#f-m1-role').selectOption('child');
      await page.locator('#f-m1-birthDate').fill('01.02.2021');
      await page.locator('details:nth-of-type(2) summary').click();
      await page.locator('#f-m2-role').selectOption('child');
      await page.locator('#f-m2-birthDate').fill('01.09.2017');
      await page.locator('#f-rent').fill('800');
      await page.locator('#f-heating').fill('100');
      await page.locator('form button[type=submit]').click();
      await page.waitForLoadState('load');
      const body = await page.locator('main').innerText();
      expect(body).toContain(lang === 'de' ? '1.558,68' : '1,558.68');
      await expectAccessible(page, `rechner result ${lang} ${width}`);
      expect(await noSidewaysScroll(page)).toBe(true);
      await shot(page, `rechner-result-${lang}-${width}`);

      await page.locator('#f-rent').fill('95.000');
      await page.locator('form button[type=submit]').click();
      await page.waitForLoadState('load');
      await expectAccessible(page, `rechner error ${lang} ${width}`);
      await shot(page, `rechner-error-${lang}-${width}`);
    });
  }
});
