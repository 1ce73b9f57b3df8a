// SQL of the feedback module, scoped to one tenant.
import { and, count, desc, eq, isNotNull } from 'drizzle-orm';
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

/** One page of the comments on a service, newest day first, and how many there are. */
export async function commentsOf(tdb: TenantDb, service: string, page: { limit: number; offset: number }) {
  const t = feedbackResponses;
  const where = and(tdb.scope(t), eq(t.service, service), isNotNull(t.comment));
  const rows = await tdb.db.select({ id: t.id, rating: t.rating, comment: t.comment, day: t.day }).from(t).where(where).orderBy(desc(t.day), desc(t.id)).limit(page.limit).offset(page.offset);
  const [total] = await tdb.db.select({ n: count() }).from(t).where(where);
  return { rows: rows.map((r) => ({ ...r, comment: r.comment ?? '' })), total: Number(total?.n ?? 0) };
}
