// The newsroom and the figures page in a real browser without JavaScript, at phone and desktop width, with axe;
// screenshots go to SHOTS_DIR when it is set (for looking at the pages).
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, startBrowserHarness, type BrowserHarness } from './support/browser.js';

let h: BrowserHarness;
const shots = process.env.SHOTS_DIR;

beforeAll(async () => {
  h = await startBrowserHarness({ now: '2026-03-10T09:00:00Z' });
  if (shots) mkdirSync(shots, { recursive: true });
});
afterAll(async () => h?.close());

async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

describe('public newsroom', () => {
  for (const width of [390, 1366]) {
    it(`works without JavaScript and is accessible at ${width} px`, async () => {
      const { page } = await h.newPage({ javaScript: false, width });
      await page.goto(`${h.baseUrl}/t/neue-wege/presse`);
      await expectAccessible(page, `newsroom ${width}`);
      await shot(page, `newsroom-${width}`);
      await page.getByLabel('Suchbegriff').fill('Coaching');
      await page.getByRole('button', { name: 'Suchen' }).click();
      await expect.poll(() => page.getByRole('link', { name: 'Neue Perspektiven für Langzeitarbeitslose' }).count()).toBe(1);
      await expectAccessible(page, `search ${width}`);
      await page.getByRole('link', { name: 'Neue Perspektiven für Langzeitarbeitslose' }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('Neue Perspektiven für Langzeitarbeitslose');
      expect(await page.getByText('Lfd. Nr. 530 / 2020').count()).toBe(1);
      await expectAccessible(page, `release ${width}`);
      await shot(page, `release-${width}`);
      await page.goto(`${h.baseUrl}/t/neue-wege/arbeitsmarkt`);
      expect(await page.locator('img[src$="arbeitsmarkt.svg"]').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
      await expectAccessible(page, `figures ${width}`);
      await shot(page, `figures-${width}`);
    });
  }
});
