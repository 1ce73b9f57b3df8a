// The API reference at /api/docs renders the operations in a real browser, from our origin only, under a strict CSP
// without violations, and passes axe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, startBrowserHarness, type BrowserHarness } from './support/browser.js';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(async () => h?.close());

describe('API reference', () => {
  it('shows every operation accessibly (axe, list view) without third-party requests or console errors', async () => {
    const { page, context } = await h.newPage({ width: 1366 });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    const response = await page.goto(`${h.baseUrl}/api/docs/`);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/https:|unsafe-inline|unsafe-eval|validator\.swagger\.io/);
    await expect.poll(() => page.locator('.opblock-summary-operation-id, .opblock-summary-path').count(), { timeout: 20_000 }).toBeGreaterThan(20);
    await expect.poll(() => page.locator('text=bookAppointment').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'API reference');
    const origin = new URL(h.baseUrl).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
