// All SQL of the Servicepoint desk. Calling the next number locks its row with FOR UPDATE SKIP LOCKED before the
// UPDATE (inside the caller's transaction), so two clerks calling at the same moment can never get the same visit.
import { asc, desc, eq, gte, inArray, isNull, lte, sql, type Column, type SQL } from 'drizzle-orm';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { servicepointTicketCounters, servicepointVisits, type Visit, type VisitStatus } from './servicepoint.tables.js';

export type NewVisit = Omit<typeof servicepointVisits.$inferInsert, 'tenantId' | 'ticket'>;

/** The next waiting number of the location's day (1, 2, …): one atomic upsert, no gaps, no duplicates. */
export async function nextTicket(tdb: TenantDb, locationId: string, localDay: string): Promise<number> {
  const rows = await tdb.db
    .insert(servicepointTicketCounters)
    .values({ tenantId: tdb.tenantId, locationId, localDay, last: 1 })
    .onConflictDoUpdate({
      target: [servicepointTicketCounters.tenantId, servicepointTicketCounters.locationId, servicepointTicketCounters.localDay],
      set: { last: sql`${servicepointTicketCounters.last} + 1` },
    })
    .returning({ last: servicepointTicketCounters.last });
  return rows[0]!.last;
}

export async function insertVisit(tdb: TenantDb, values: NewVisit): Promise<Visit> {
  const ticket = await nextTicket(tdb, values.locationId, values.localDay);
  return tdb.insert(servicepointVisits, { ...values, ticket });
}

export function getVisit(tdb: TenantDb, id: string): Promise<Visit | undefined> {
  return tdb.first(servicepointVisits, eq(servicepointVisits.id, id));
}

export function visitByAppointment(tdb: TenantDb, appointmentId: string): Promise<Visit | undefined> {
  return tdb.first(servicepointVisits, eq(servicepointVisits.appointmentId, appointmentId));
}

export async function visitsOfDay(tdb: TenantDb, locationId: string, localDay: string): Promise<Visit[]> {
  return tdb.db
    .select()
    .from(servicepointVisits)
    .where(tdb.scope(servicepointVisits, eq(servicepointVisits.locationId, locationId), eq(servicepointVisits.localDay, localDay)))
    .orderBy(asc(servicepointVisits.ticket));
}

export async function visitsBetween(tdb: TenantDb, locationId: string, fromDay: string, toDay: string): Promise<Visit[]> {
  return tdb.select(
    servicepointVisits,
    eq(servicepointVisits.locationId, locationId),
    gte(servicepointVisits.localDay, fromDay),
    lte(servicepointVisits.localDay, toDay),
  );
}

/** Conditional status change: only from one of `from`; undefined when another clerk was faster. */
export async function updateVisit(tdb: TenantDb, id: string, from: VisitStatus[], values: Partial<NewVisit>): Promise<Visit | undefined> {
  const rows = await tdb.update(servicepointVisits, values, eq(servicepointVisits.id, id), inArray(servicepointVisits.status, from));
  return rows[0];
}

/** Calls the longest-due waiting visit of the location's day to `counter`; the row as it was and as it is now. */
export async function callNext(
  tdb: TenantDb,
  input: { locationId: string; localDay: string; counter: string; userId: string; now: Date },
): Promise<{ before: Visit; visit: Visit } | undefined> {
  const v = servicepointVisits;
  const [before] = await tdb.db
    .select()
    .from(v)
    .where(tdb.scope(v, eq(v.locationId, input.locationId), eq(v.localDay, input.localDay), eq(v.status, 'waiting')))
    .orderBy(asc(v.dueAt), asc(v.ticket))
    .limit(1)
    .for('update', { skipLocked: true });
  if (!before) return undefined;
  const [visit] = await tdb.update(v, { status: 'called', calledAt: input.now, counter: input.counter, calledBy: input.userId }, eq(v.id, before.id), eq(v.status, 'waiting'));
  return visit ? { before, visit } : undefined;
}

export type VisitState = Pick<Visit, 'status' | 'counter' | 'calledAt' | 'calledBy' | 'doneAt'>;

/** Sets a visit of the location back to `previous`, only while it is exactly `expected`; undefined otherwise. */
export async function restoreVisit(tdb: TenantDb, id: string, locationId: string, expected: VisitState, previous: VisitState): Promise<Visit | undefined> {
  const v = servicepointVisits;
  const is = (column: Column, value: unknown) => (value === null ? isNull(column) : eq(column, value));
  const rows = await tdb.update(
    v,
    previous,
    eq(v.id, id),
    eq(v.locationId, locationId),
    eq(v.status, expected.status),
    is(v.counter, expected.counter),
    is(v.calledAt, expected.calledAt),
    is(v.calledBy, expected.calledBy),
    is(v.doneAt, expected.doneAt),
  );
  return rows[0];
}

export interface DisplayRow {
  ticket: number;
  counter: string | null;
  calledAt: Date | null;
}

/** What the waiting-room screen shows: numbers and counters only, newest call first. */
export async function displayState(tdb: TenantDb, locationId: string, localDay: string): Promise<{ calls: DisplayRow[]; waiting: number }> {
  const v = servicepointVisits;
  const base: SQL[] = [eq(v.locationId, locationId), eq(v.localDay, localDay)];
  const calls = await tdb.db
    .select({ ticket: v.ticket, counter: v.counter, calledAt: v.calledAt })
    .from(v)
    .where(tdb.scope(v, ...base, inArray(v.status, ['called', 'in_progress'])))
    .orderBy(desc(v.calledAt), desc(v.ticket))
    .limit(6);
  const [waiting] = await tdb.db
    .select({ n: sql<number>`count(*)::int` })
    .from(v)
    .where(tdb.scope(v, ...base, eq(v.status, 'waiting')));
  return { calls, waiting: waiting?.n ?? 0 };
}

/** Visits of a day per location and status (counts only, no personal data). */
export async function visitCounts(tdb: TenantDb, localDay: string): Promise<{ locationId: string; status: VisitStatus; walkIn: boolean; n: number }[]> {
  const v = servicepointVisits;
  const walkIn = sql<boolean>`(${v.appointmentId} is null)`;
  return tdb.db
    .select({ locationId: v.locationId, status: v.status, walkIn, n: sql<number>`count(*)::int` })
    .from(v)
    .where(tdb.scope(v, eq(v.localDay, localDay)))
    .groupBy(v.locationId, v.status, walkIn);
}
