// Test helpers of Unterlagen for other modules' tests: lookups that would otherwise need this module's tables.
import { eq } from 'drizzle-orm';
import type { TestContext } from '../../shared/testing/context.js';
import { mitwirkungsaufforderungen, type Mitwirkungsaufforderung } from './unterlagen.tables.js';

/** The Mitwirkungsaufforderungen that were created for an online application. */
export async function aufforderungenForApplication(ctx: TestContext, applicationId: string): Promise<Mitwirkungsaufforderung[]> {
  return ctx.deps.database.db.select().from(mitwirkungsaufforderungen).where(eq(mitwirkungsaufforderungen.applicationId, applicationId));
}
