// The set-up the coaching browser specs share: a harness with a coach and the demo caseload, and pages opened as a
// staff member (their session cookies) or as a visitor.
import { eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { coachingTeilnehmende } from '../../../src/modules/coaching/coaching.tables.js';
import { seedDemoParticipants } from '../../../src/modules/coaching/demo.js';
import { loginAs, type LoggedIn } from '../../../src/modules/staff/testing.js';
import { signIn, startBrowserHarness, type BrowserHarness } from './browser.js';

export interface CoachingBrowser {
  h: BrowserHarness;
  coach: LoggedIn;
  tdb: TenantDb;
  /** The coaching staff pages on the harness's server. */
  base(): string;
  /** A fresh page as this staff member (or a visitor without `who`). */
  as(who: LoggedIn | undefined, options?: { width?: number; javaScript?: boolean }): Promise<{ page: Page; context: BrowserContext }>;
  /** The dossier id of a demo participant by family name. */
  participant(familyName: string): Promise<string>;
}

export async function startCoachingBrowser(): Promise<CoachingBrowser> {
  const h = await startBrowserHarness();
  const coach = await loginAs(h.ctx, ['coach']);
  const tdb = new TenantDb(h.ctx.database.db, h.ctx.tenant.id);
  await seedDemoParticipants(h.ctx.deps, tdb, coach.userId);
  return {
    h,
    coach,
    tdb,
    base: () => `${h.baseUrl}/t/neue-wege/staff/coaching`,
    async as(who, { width = 1366, javaScript = true } = {}) {
      const opened = await h.newPage({ width, javaScript });
      if (who) await signIn(opened.context, h.baseUrl, who.cookies);
      return opened;
    },
    async participant(familyName) {
      return (await tdb.first(coachingTeilnehmende, eq(coachingTeilnehmende.familyName, familyName)))!.id;
    },
  };
}
