import { TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser } from '../../src/modules/staff/index.js';
import { loginAs } from '../../src/modules/staff/testing.js';
import { recordAudit } from '#shared/audit/index.js';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { expectAccessible, shot, signIn, startBrowserHarness, type BrowserHarness } from './support/browser.js';

let h: BrowserHarness;
let oneTimePassword: string;
const email = 'e2e.admin@neue-wege.example';
const password = 'Haltestelle am Marktplatz 12';

beforeAll(async () => {
  h = await startBrowserHarness();
  const tdb = new TenantDb(h.ctx.database.db, h.ctx.tenant.id);
  ({ password: oneTimePassword } = await createStaffUser(h.ctx.deps, tdb, { email, displayName: 'E2E Admin', roles: ['tenant_admin'] }));
});
afterAll(async () => h?.close());

/** The server runs on the test clock; codes are computed for that time. */
function codeFor(secret: string) {
  return new TOTP({ secret, digits: 6, period: 30 }).generate({ timestamp: h.ctx.clock.now().getTime() });
}

let secret = '';

describe('staff area in a real browser', () => {
  it('first login: password change and TOTP enrolment, every step accessible', async () => {
    const { page, context } = await h.newPage();
    await page.goto(`${h.baseUrl}/t/neue-wege/staff`);
    expect(page.url()).toContain('/staff/login');
    await expectAccessible(page, 'login');
    await page.getByRole('button', { name: 'Weiter' }).click();
    await expect.poll(() => page.locator('[data-error-summary]').count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-error-summary'))).toBe(true);
    await expectAccessible(page, 'login with errors');

    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel('Passwort', { exact: true }).fill(oneTimePassword);
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.waitForURL(/\/staff\/setup\/password$/);
    await expectAccessible(page, 'first password');
    await page.getByLabel('Neues Passwort', { exact: true }).fill(password);
    await page.getByLabel('Neues Passwort wiederholen').fill('etwas anderes');
    await page.getByRole('button', { name: 'Passwort speichern' }).click();
    await expect.poll(() => page.locator('[data-error-summary]').count()).toBe(1);
    await expectAccessible(page, 'first password with errors');
    await page.getByLabel('Neues Passwort', { exact: true }).fill(password);
    await page.getByLabel('Neues Passwort wiederholen').fill(password);
    await page.getByRole('button', { name: 'Passwort speichern' }).click();

    await page.waitForURL(/\/staff\/setup\/totp$/);
    expect(await page.getByRole('img', { name: 'QR-Code zum Einrichten der Authenticator-App' }).count()).toBe(1);
    await expectAccessible(page, 'enrolment');
    secret = ((await page.locator('.ww-secret').textContent()) ?? '').replaceAll(' ', '');
    await page.getByLabel('Code aus der Authenticator-App').fill('000000' === codeFor(secret) ? '111111' : '000000');
    await page.getByRole('button', { name: 'Einrichten' }).click();
    await expect.poll(() => page.locator('[data-error-summary]').count()).toBe(1);
    await expectAccessible(page, 'enrolment with error');
    await page.getByLabel('Code aus der Authenticator-App').fill(codeFor(secret));
    await page.getByRole('button', { name: 'Einrichten' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Ihre Wiederherstellungscodes');
    expect(await page.locator('.ww-recovery-codes li').count()).toBe(10);
    await expectAccessible(page, 'recovery codes');
    await page.getByRole('link', { name: 'Weiter zur Startseite' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Guten Tag, E2E Admin');
    await expectAccessible(page, 'staff start');
    await context.close();
  });

  it('login with TOTP, then every admin page and error state is accessible (de and en)', async () => {
    h.ctx.clock.advance(30_000);
    const { page, context } = await h.newPage();
    await page.goto(`${h.baseUrl}/t/neue-wege/staff/login`);
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel('Passwort', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.waitForURL(/\/staff\/login\/code$/);
    await expectAccessible(page, 'code');
    await page.getByLabel('Code aus der Authenticator-App').fill(codeFor(secret));
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL(/\/staff$/);

    await page.getByRole('link', { name: 'Mitarbeitende verwalten' }).click();
    await expectAccessible(page, 'users');
    await page.getByRole('link', { name: 'Person einladen' }).click();
    await page.getByRole('button', { name: 'Einladung senden' }).click();
    await expect.poll(() => page.locator('[data-error-summary]').count()).toBe(1);
    await expectAccessible(page, 'invite with errors');
    await page.getByLabel('Name').fill('Eingeladene Person');
    await page.getByLabel('E-Mail-Adresse').fill('eingeladen@neue-wege.example');
    await page.getByLabel('Sachbearbeitung').check();
    await page.getByRole('button', { name: 'Einladung senden' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Eingeladene Person');
    await expectAccessible(page, 'user page');
    await page.getByRole('link', { name: 'Zurück zur Übersicht' }).click();
    await page.getByRole('link', { name: 'Alle aktiven Sitzungen' }).click();
    await expectAccessible(page, 'sessions');
    await page.getByRole('link', { name: 'Protokoll' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Zugriffsprotokoll');
    await expectAccessible(page, 'audit');
    await page.goto(`${h.baseUrl}/t/neue-wege/staff/audit?from=2026-12-01&to=2026-11-01`);
    await expectAccessible(page, 'audit with errors');
    await page.getByRole('link', { name: 'Mein Konto' }).click();
    await expectAccessible(page, 'account');
    await page.getByRole('link', { name: /Ändern/ }).click();
    await expectAccessible(page, 'change password');
    await page.goto(`${h.baseUrl}/t/neue-wege/staff/admin/users?lang=en`);
    expect(await page.locator('h1').textContent()).toBe('Manage staff');
    await expectAccessible(page, 'users (en)');
    await page.getByRole('link', { name: 'Sign out' }).click();
    await expectAccessible(page, 'logout (en)');
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL(/\/staff\/login\?notice=loggedOut$/);
    await expectAccessible(page, 'logged out (en)');
    await context.close();
  });

  it('the audit log in German: actions and objects in words with their ids below, filtered by action, a block per entry on a phone', async () => {
    const admin = await loginAs(h.ctx, ['tenant_admin']);
    const worker = await loginAs(h.ctx, ['sachbearbeitung']);
    const tdb = new TenantDb(h.ctx.database.db, h.ctx.tenant.id);
    const at = h.ctx.clock.now();
    await recordAudit(tdb, { actorId: worker.userId, actorRoles: ['sachbearbeitung'], action: 'unterlagen.view', objectType: 'upload', objectId: '3f6c1a52-8d0e-4b6f-9a51-7c2d4e8b9f10', at });
    await recordAudit(tdb, { actorId: admin.userId, actorRoles: ['tenant_admin'], action: 'staff.list', objectType: 'staff_user', at });
    for (const width of [1366, 390]) {
      const { page, context } = await h.newPage({ width });
      await signIn(context, h.baseUrl, admin.cookies);
      await page.goto(`${h.baseUrl}/t/neue-wege/staff/audit`);
      const rows = page.locator('tbody tr');
      expect(await rows.filter({ hasText: 'Eingereichte Unterlagen angesehen' }).filter({ hasText: 'unterlagen.view' }).count()).toBe(1);
      expect(await rows.filter({ hasText: 'Mitarbeitendenliste angesehen' }).filter({ hasText: 'Mitarbeiterkonto' }).count()).toBeGreaterThanOrEqual(1);
      // Neither the page nor the table's region scrolls sideways: on a phone every entry is a block of labelled cells.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(await page.locator('.ww-table-wrap').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      const label = await page.locator('tbody .ww-audit-label').first().boundingBox();
      expect(label!.x + label!.width).toBeLessThanOrEqual(width);
      await expectAccessible(page, `audit at ${width} px`);
      await shot(page, `audit-${width}`);
      await page.getByLabel('Aktion', { exact: true }).selectOption({ label: 'Mitarbeitendenliste angesehen' });
      await page.getByRole('button', { name: 'Suchen' }).click();
      await page.waitForURL(/action=staff\.list/);
      expect(await rows.filter({ hasText: 'staff.list' }).count()).toBeGreaterThanOrEqual(1);
      expect(await rows.filter({ hasText: 'unterlagen.view' }).count()).toBe(0);
      await expectAccessible(page, `audit filtered by action at ${width} px`);
      await context.close();
    }
  });

  it('warns two minutes before the idle timeout and extends the session on request', async () => {
    h.ctx.clock.advance(30_000);
    const { page, context } = await h.newPage();
    await context.clock.install();
    await page.goto(`${h.baseUrl}/t/neue-wege/staff/login`);
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel('Passwort', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByLabel('Code aus der Authenticator-App').fill(codeFor(secret));
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL(/\/staff$/);
    const warning = page.getByRole('alertdialog');
    expect(await warning.isVisible()).toBe(false);
    await page.clock.fastForward('28:30');
    await expect.poll(() => warning.isVisible()).toBe(true);
    await expectAccessible(page, 'timeout warning');
    await page.getByRole('button', { name: 'Angemeldet bleiben' }).click();
    await expect.poll(() => warning.isVisible()).toBe(false);
    await context.close();
  });

  it('works without JavaScript: the login page and its errors', async () => {
    const { page, context } = await h.newPage({ javaScript: false, width: 390 });
    await page.goto(`${h.baseUrl}/t/neue-wege/staff/login`);
    await page.getByRole('button', { name: 'Weiter' }).click();
    expect(await page.locator('[data-error-summary]').count()).toBe(1);
    // The two fields with errors stand apart (KERN sets no space between fields: they looked like one red block).
    const fields = await page.locator('.kern-form-input--error').evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom })));
    expect(fields.length).toBe(2);
    expect(fields[1]!.top - fields[0]!.bottom).toBeGreaterThanOrEqual(16);
    await expectAccessible(page, 'login without JS');
    await context.close();
  });
});
