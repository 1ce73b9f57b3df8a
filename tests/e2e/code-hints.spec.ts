// The hint of a code field names a whole example of the code, readable on a phone (390 px) and on a desk screen,
// with and without JavaScript: nothing cut off, nothing wider than its box, no sideways scrolling; axe on each state.
// A whole typed code fits its field even at 320 px.
// Screenshots go to SHOTS_DIR when it is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, shot, startBrowserHarness, type BrowserHarness } from './support/browser.js';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(async () => h?.close());

/** The hint's text, and how far it or anything in it is wider than its box or than the page (0 when nothing). */
async function hintOf(page: Page, selector: string) {
  return page.locator(selector).evaluate((hint) => {
    const boxes = [hint, ...Array.from(hint.querySelectorAll('*'))];
    const right = Math.max(...boxes.map((box) => box.getBoundingClientRect().right));
    return {
      text: (hint.textContent ?? '').replace(/\s+/g, ' ').trim(),
      clipped: Math.max(...boxes.map((box) => box.scrollWidth - box.clientWidth)),
      outside: right - document.documentElement.clientWidth,
      pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    };
  });
}

// An access code of 26 characters in groups of four, as the letter prints it.
const accessCodeExample = /\b[0-9A-Z]{4}(-[0-9A-Z]{4}){5}-[0-9A-Z]{2}\b/;

describe('code hints at phone and desk width', () => {
  for (const javaScript of [true, false]) {
    for (const [lang, locale] of [
      ['de', 'de-DE'],
      ['en', 'en-GB'],
    ] as const) {
      it(`show the whole access code on the upload start page (${lang}, ${javaScript ? 'with' : 'without'} JavaScript)`, async () => {
        // The desk width once per way of browsing (with the screenshots); the phone width in both languages.
        // One browser context, resized and loaded again per width: styles and fonts come from its cache.
        const { page, context } = await h.newPage({ javaScript, width: 390, lang: locale });
        for (const width of lang === 'de' ? [390, 1366] : [390]) {
          await page.setViewportSize({ width, height: 900 });
          await page.goto(`${h.baseUrl}/t/neue-wege/unterlagen`);
          const hint = await hintOf(page, '#f-code-hint');
          expect(hint.text, `${width} px`).toMatch(accessCodeExample);
          expect(hint.text).not.toContain('…');
          expect(hint.clipped, `${width} px: hint wider than its box`).toBeLessThanOrEqual(0);
          expect(hint.outside, `${width} px: hint beyond the page`).toBeLessThanOrEqual(0);
          expect(hint.pageOverflow, `${width} px: page scrolls sideways`).toBeLessThanOrEqual(0);
          await expectAccessible(page, `upload start ${lang} ${width} px`);
          await shot(page, `code-hint-unterlagen-${lang}-${width}-${javaScript ? 'js' : 'nojs'}`);
        }
        await context.close();
      });
    }
  }

  for (const javaScript of [true, false]) {
    it(`fit a whole typed access code into its field at 320 px, readable and without sideways scrolling (${javaScript ? 'with' : 'without'} JavaScript)`, async () => {
      const { page, context } = await h.newPage({ javaScript, width: 320 });
      await page.goto(`${h.baseUrl}/t/neue-wege/unterlagen`);
      const field = page.locator('#f-code');
      await field.click();
      await page.keyboard.type('ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-23');
      const fit = await field.evaluate((input: HTMLInputElement) => ({
        value: input.value,
        hidden: input.scrollWidth - input.clientWidth,
        outside: input.getBoundingClientRect().right - document.documentElement.clientWidth,
        pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        fontSize: parseFloat(getComputedStyle(input).fontSize),
      }));
      expect(fit.value).toBe('ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-23');
      expect(fit.hidden, 'part of the code scrolled out of the field').toBeLessThanOrEqual(0);
      expect(fit.outside, 'field beyond the page').toBeLessThanOrEqual(0);
      expect(fit.pageOverflow, 'page scrolls sideways').toBeLessThanOrEqual(0);
      // 16 px at least: smaller text is hard to read, and phones zoom into a smaller field when it is focused.
      expect(fit.fontSize).toBeGreaterThanOrEqual(16);
      await expectAccessible(page, `upload start 320 px with a typed code (${javaScript ? 'js' : 'nojs'})`);
      await shot(page, `code-field-unterlagen-320-${javaScript ? 'js' : 'nojs'}`);
      await context.close();
    });
  }

  it('show the whole certificate code on the public check page at 390 px', async () => {
    const { page, context } = await h.newPage({ javaScript: false, width: 390 });
    await page.goto(`${h.baseUrl}/t/neue-wege/seminare/nachweis`);
    const hint = await hintOf(page, '#f-code-hint');
    expect(hint.text).toMatch(/\b[0-9A-Z]{4}(-[0-9A-Z]{4}){3}\b/);
    expect(hint.clipped).toBeLessThanOrEqual(0);
    expect(hint.outside).toBeLessThanOrEqual(0);
    expect(hint.pageOverflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'certificate check 390 px');
    await shot(page, 'code-hint-nachweis-390');
    await context.close();
  });
});
