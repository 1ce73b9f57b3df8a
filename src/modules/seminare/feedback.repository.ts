// SQL of the anonymous feedback: answers (seminar, rating, comment, day) and, apart from them, the markers of who
// has answered. No query joins the two; there is no column that could (ADR 0250).
import { eq, inArray } from 'drizzle-orm';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { seminarFeedback, seminarFeedbackGiven } from './seminare.tables.js';

/** Marks an enrolment as answered; false when it was already marked (one answer per participation). */
export async function markGiven(tdb: TenantDb, enrolmentId: string): Promise<boolean> {
  const rows = await tdb.db.insert(seminarFeedbackGiven).values({ tenantId: tdb.tenantId, enrolmentId }).onConflictDoNothing().returning({ id: seminarFeedbackGiven.enrolmentId });
  return rows.length === 1;
}

export async function insertAnswer(tdb: TenantDb, values: { seminarId: string; rating: number; comment: string; answeredOn: string }): Promise<void> {
  await tdb.insert(seminarFeedback, values);
}

/** Which of these enrolments have answered. */
export async function given(tdb: TenantDb, enrolmentIds: string[]): Promise<Set<string>> {
  if (!enrolmentIds.length) return new Set();
  const rows = await tdb.select(seminarFeedbackGiven, inArray(seminarFeedbackGiven.enrolmentId, enrolmentIds));
  return new Set(rows.map((r) => r.enrolmentId));
}

/** Rating and comment of every answer about a seminar (no id, no day: nothing that orders or identifies). */
export async function answersOf(tdb: TenantDb, seminarId: string): Promise<{ rating: number; comment: string }[]> {
  return tdb.db.select({ rating: seminarFeedback.rating, comment: seminarFeedback.comment }).from(seminarFeedback).where(tdb.scope(seminarFeedback, eq(seminarFeedback.seminarId, seminarId)));
}
