// SQL of the feedback module, scoped to one tenant.
import { count } from 'drizzle-orm';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { feedbackResponses } from './feedback.tables.js';

export const insertResponse = (tdb: TenantDb, values: { service: string; rating: number; comment: string | null; day: string }) => tdb.insert(feedbackResponses, values);

/** Number of answers per service and rating, and how many of them carry a comment. */
export async function countsByServiceAndRating(tdb: TenantDb): Promise<{ service: string; rating: number; answers: number; comments: number }[]> {
  const t = feedbackResponses;
  const rows = await tdb.db
    .select({ service: t.service, rating: t.rating, answers: count(), comments: count(t.comment) })
    .from(t)
    .where(tdb.scope(t))
    .groupBy(t.service, t.rating)
    .orderBy(t.service, t.rating);
  return rows.map((r) => ({ ...r, answers: Number(r.answers), comments: Number(r.comments) }));
}
