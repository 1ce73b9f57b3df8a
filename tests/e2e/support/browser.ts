import { existsSync, mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { createTestContext, type TestContext, type TestOptions } from '../../../src/testing/app.js';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Contexts opened with JavaScript off: axe itself needs JavaScript, so their pages are checked in a twin page.
const noScriptContexts = new WeakSet<BrowserContext>();

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The app on a real socket plus Debian's chromium. One per test file. */
export interface BrowserHarness {
  ctx: TestContext;
  baseUrl: string;
  /** The browser of German pages (the default language). */
  browser: Browser;
  /** A fresh browser context (cookies, JavaScript on or off, viewport), in a browser that speaks `lang`. */
  newPage(options?: { javaScript?: boolean; width?: number; lang?: string }): Promise<{ page: Page; context: BrowserContext }>;
  close(): Promise<void>;
}

/**
 * Debian's chromium, headless, without background traffic (for a server the test started another way).
 * `lang` is the language of the browser itself: a context's locale sets what pages read (navigator.language,
 * Accept-Language, Intl), but the browser's own words in a page (a file field's "Datei auswählen", its validation
 * messages) come from the language the browser was started in. On Linux chromium takes that from the environment
 * (`--lang` is not read there), and without the package chromium-l10n it has only English (ADR 0426).
 */
export function launchBrowser(lang = 'de-DE'): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    env: { ...process.env, LANGUAGE: lang.replace('-', '_') },
  });
}

export async function startBrowserHarness(options: TestOptions = {}): Promise<BrowserHarness> {
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}: run .ci/run or apt-get install chromium`);
  const ctx = await createTestContext(options);
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  const address = ctx.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  // One browser per language, each started when a page first asks for it (most test files use German only).
  const browsers = new Map<string, Promise<Browser>>();
  const browserFor = (lang: string) => {
    let browser = browsers.get(lang);
    if (!browser) {
      browser = launchBrowser(lang);
      browsers.set(lang, browser);
    }
    return browser;
  };
  const browser = await browserFor('de-DE');
  return {
    ctx,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    async newPage({ javaScript = true, width = 1280, lang = 'de-DE' } = {}) {
      const context = await (await browserFor(lang)).newContext({
        javaScriptEnabled: javaScript,
        viewport: { width, height: 900 },
        locale: lang,
        extraHTTPHeaders: { 'accept-language': lang },
      });
      if (!javaScript) noScriptContexts.add(context);
      return { page: await context.newPage(), context };
    },
    async close() {
      for (const browser of browsers.values()) await (await browser).close();
      await ctx.close();
    },
  };
}

/**
 * A rule left out for one page, with the reason why the page meets the success criterion anyway.
 * Use sparingly: every exception is listed in the test that makes it.
 */
export type AxeExceptions = Record<string, string>;

// Legacy mode runs axe.run in the page itself. The default mode runs each frame on its own and opens an extra
// page to merge the results, which made every check 2–3 times slower; our pages have no frames. Only violations
// are collected: the passes were computed and thrown away. Measured: 1.0–2.0 s per check before, 0.5–0.6 s after.
// `options` replaces all options, so it must come before `withTags`.
const axeOf = (page: Page, exceptions: AxeExceptions) => {
  const builder = new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).withTags(AXE_TAGS).setLegacyMode(true);
  const rules = Object.keys(exceptions);
  return rules.length > 0 ? builder.disableRules(rules) : builder;
};

/**
 * Runs axe with the WCAG 2.2 AA tags on the current page and fails with a readable list.
 * Every browser test calls this on every page and state it visits.
 */
export async function expectAccessible(page: Page, label = page.url(), exceptions: AxeExceptions = {}): Promise<void> {
  if (noScriptContexts.has(page.context())) return expectAccessibleWithoutScripts(page, label, exceptions);
  // A click that navigates returns once the new page has committed; styles and fonts may still be loading.
  await page.waitForLoadState('load');
  const results = await axeOf(page, exceptions).analyze();
  const problems = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n    ')}`,
  );
  expect(problems.join('\n'), `axe violations on ${label}`).toBe('');
}

/** Tabs through the page and returns the accessible names of focused elements (keyboard-only checks). */
export async function tabOrder(page: Page, steps: number): Promise<string[]> {
  const names: string[] = [];
  for (let i = 0; i < steps; i++) {
    await page.keyboard.press('Tab');
    names.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el ? (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() : '';
      }),
    );
  }
  return names;
}

/**
 * A page without JavaScript cannot run axe. We load its exact HTML, without its scripts and with <noscript>
 * content shown as a browser without JavaScript shows it, into a twin page of the same origin (base URL = the
 * page's URL, so styles and fonts load from the server) and check that instead.
 */
async function expectAccessibleWithoutScripts(page: Page, label: string, exceptions: AxeExceptions): Promise<void> {
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser');
  const html = (await page.content())
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<noscript>/gi, '<div data-noscript="">')
    .replace(/<\/noscript>/gi, '</div>')
    .replace(/<head>/i, `<head><base href="${page.url().replace(/"/g, '&quot;')}">`);
  const twinPage = await twinPageOf(browser, page.url());
  await twinPage.setViewportSize(page.viewportSize() ?? { width: 1280, height: 900 });
  await twinPage.setContent(html, { waitUntil: 'load' });
  const results = await axeOf(twinPage, exceptions).analyze();
  const problems = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n    ')}`);
  expect(problems.join('\n'), `axe violations on ${label} (without JavaScript)`).toBe('');
}

// One twin page per browser, reused, without request routing: its HTTP cache keeps styles and fonts between
// checks (a fresh, routed context per check made the no-JS journeys several times slower). It first opens a
// page of the app's origin, because the assets are served with Cross-Origin-Resource-Policy: same-origin and
// setContent keeps the current origin. Closed with the browser.
const twinPages = new WeakMap<Browser, Promise<Page>>();
function twinPageOf(browser: Browser, url: string): Promise<Page> {
  let twin = twinPages.get(browser);
  if (!twin) {
    twin = (async () => {
      const twinPage = await (await browser.newContext()).newPage();
      await twinPage.goto(new URL('/health/live', url).href);
      return twinPage;
    })();
    twinPages.set(browser, twin);
  }
  return twin;
}

/** A full-page screenshot into SHOTS_DIR when it is set (for looking at the pages); nothing otherwise. */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

/** Where the first line of an element's visible text starts (its padding left out), in CSS pixels from the left. */
export async function textStart(locator: Locator): Promise<number> {
  return (await locator.evaluateAll(measureText))[0]?.textLeft ?? Number.NaN;
}

/**
 * Each tertiary button on the page (or link drawn as one) with how far its text starts right of its box's left
 * edge. KERN padded the text 24 px in, so a tertiary button under a paragraph stood out of line with it. Measured in
 * one pass in the page: a page that redraws itself (the desk polls) cannot swap a button between its box and its text.
 */
export async function tertiaryTextIndents(page: Page): Promise<{ label: string; indent: number }[]> {
  const buttons = await page.locator('main .kern-btn--tertiary').evaluateAll(measureText);
  return buttons.filter((b) => b.shown).map((b) => ({ label: b.label, indent: Math.round(b.textLeft - b.left) }));
}

/** Runs in the page (self-contained): each element's box, where its first visible text starts, and its text. */
function measureText(elements: Element[]): { label: string; shown: boolean; left: number; textLeft: number }[] {
  return elements.map((el) => {
    let textLeft = Number.NaN;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node && Number.isNaN(textLeft); node = walker.nextNode()) {
      if (!node.textContent?.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const first = range.getClientRects()[0];
      if (first) textLeft = first.left;
    }
    return { label: (el.textContent ?? '').trim(), shown: el.getClientRects().length > 0, left: el.getBoundingClientRect().left, textLeft };
  });
}

/** Continues in the browser as the staff member whose session cookies are given (the old cookies are cleared). */
export async function signIn(context: BrowserContext, baseUrl: string, cookies: Record<string, string>): Promise<void> {
  await context.clearCookies();
  await context.addCookies(Object.entries(cookies).map(([name, value]) => ({ name, value, url: baseUrl })));
}
