import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, startBrowserHarness, tabOrder, type BrowserHarness } from './support/browser.js';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(async () => h?.close());

describe('start page in a real browser', () => {
  for (const javaScript of [true, false]) {
    for (const lang of ['de', 'en'] as const) {
      it(`renders accessibly in ${lang} ${javaScript ? 'with' : 'without'} JavaScript`, async () => {
        const { page, context } = await h.newPage({ javaScript, lang: lang === 'de' ? 'de-DE' : 'en-GB' });
        await page.goto(`${h.baseUrl}/t/neue-wege`);
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        await expect.poll(() => page.locator('h1').textContent()).toContain('Neue Wege');
        await expectAccessible(page);
        await context.close();
      });
    }
  }

  it('works at 320 px without horizontal scrolling', async () => {
    const { page, context } = await h.newPage({ width: 320 });
    await page.goto(`${h.baseUrl}/t/neue-wege`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
    await context.close();
  });

  it('is usable by keyboard: the skip link comes first and moves to the content', async () => {
    const { page, context } = await h.newPage();
    await page.goto(`${h.baseUrl}/t/neue-wege`);
    const [first] = await tabOrder(page, 1);
    expect(first).toBe('Zum Inhalt springen');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await context.close();
  });

  it('switches language by link and keeps it on the next page', async () => {
    const { page, context } = await h.newPage();
    await page.goto(`${h.baseUrl}/t/neue-wege`);
    await page.getByRole('link', { name: 'English' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('link', { name: 'Accessibility statement' }).click();
    expect(await page.locator('h1').textContent()).toBe('Accessibility statement');
    await expectAccessible(page);
    await context.close();
  });

  it('shows every footer page and the 404 page without violations', async () => {
    const { page, context } = await h.newPage();
    for (const slug of ['kontakt', 'impressum', 'datenschutz', 'barrierefreiheit', 'leichte-sprache', 'gibt-es-nicht']) {
      await page.goto(`${h.baseUrl}/t/neue-wege/${slug}`);
      await expectAccessible(page, slug);
    }
    await context.close();
  });
});
