// SQL for appointments, seats (capacity), personal-link tokens, idempotency and captcha replay.
import { asc, eq, gt, gte, inArray, isNull, lt, lte, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { enqueueDeferredSql, type DeferredMail } from '#shared/mail/outbox.js';
import {
  terminAppointments,
  terminCaptchaUses,
  terminIdempotency,
  terminManageTokens,
  terminSeats,
  type Appointment,
} from './termine.tables.js';

export type NewAppointment = Omit<typeof terminAppointments.$inferInsert, 'tenantId'>;

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

const iso = (d: Date) => d.toISOString();

/** Seats taken per slot unit in [from, to): live holds and bookings (expired holds count as free). */
export async function occupancy(
  tdb: TenantDb,
  locationId: string,
  from: Date,
  to: Date,
  now: Date,
): Promise<{ unitStart: Date; seats: number }[]> {
  const rows = await tdb.db
    .select({ unitStart: terminSeats.unitStart, seats: sql<number>`count(*)::int` })
    .from(terminSeats)
    .where(
      tdb.scope(
        terminSeats,
        eq(terminSeats.locationId, locationId),
        gte(terminSeats.unitStart, from),
        lt(terminSeats.unitStart, to),
        or(isNull(terminSeats.expiresAt), gt(terminSeats.expiresAt, now)),
      ),
    )
    .groupBy(terminSeats.unitStart);
  return rows.map((r) => ({ unitStart: new Date(r.unitStart), seats: Number(r.seats) }));
}

/**
 * One attempt to take a seat on each unit: for every unit a seat number that is free in this
 * statement's snapshot, inserted with ON CONFLICT. The primary key makes a concurrent insert of the same
 * seat wait and then lose; an expired hold's row is taken over in place. Returns how many units had no
 * free seat at all and how many were seated.
 */
interface SeatArgs {
  locationId: string;
  units: Date[];
  slotMinutes: number;
  maxSeat: number;
  appointmentId: string;
  expiresAt: Date | null;
  now: Date;
}

/**
 * Takes one seat on every unit for the appointment, or returns false when a unit is full. The rules (free seat,
 * closures, expired holds, the retry of seats lost to a concurrent transaction) are the database function
 * termin_take_seats (migrations booking_function and booking_cost, ADRs 0280 and 0330). Must run inside the transaction a false result rolls back.
 */
export async function takeSeats(tdb: TenantDb, args: SeatArgs): Promise<boolean> {
  const result = await tdb.db.execute(sql`select termin_take_seats(${tdb.tenantId}, ${args.locationId}, ${unitsArray(args.units)}, ${args.slotMinutes}::int,
    ${args.maxSeat}::int, ${args.appointmentId}, ${args.expiresAt ? iso(args.expiresAt) : null}::timestamptz, ${iso(args.now)}::timestamptz) as ok`);
  return rowsOf<{ ok: boolean }>(result)[0]!.ok === true;
}

function unitsArray(units: Date[]): SQL {
  return sql`array[${sql.join(
    units.map((u) => sql`${iso(u)}::timestamptz`),
    sql`, `,
  )}]::timestamptz[]`;
}

/** Makes the appointment's live seats permanent (or sets a new expiry); returns how many rows were still live. */
/**
 * Row lock on the location: 'update' for closing it (waits for bookings in flight, which hold a key-share lock
 * through their appointment's foreign key), 'key share' for moves, which change no foreign key.
 */
export async function lockLocation(tdb: TenantDb, locationId: string, mode: 'update' | 'key share'): Promise<void> {
  const lock = mode === 'update' ? sql`for update` : sql`for key share`;
  await tdb.db.execute(sql`select 1 from termin_locations where tenant_id = ${tdb.tenantId} and id = ${locationId} ${lock}`);
}

export async function keepSeats(tdb: TenantDb, appointmentId: string, expiresAt: Date | null, now: Date): Promise<number> {
  const rows = await tdb.update(
    terminSeats,
    { expiresAt },
    eq(terminSeats.appointmentId, appointmentId),
    or(isNull(terminSeats.expiresAt), gt(terminSeats.expiresAt, now)),
  );
  return rows.length;
}

export function releaseSeats(tdb: TenantDb, appointmentId: string): Promise<number> {
  return tdb.delete(terminSeats, eq(terminSeats.appointmentId, appointmentId));
}

export function insertAppointment(tdb: TenantDb, values: NewAppointment): Promise<Appointment> {
  return tdb.insert(terminAppointments, values);
}

export function getAppointment(tdb: TenantDb, id: string): Promise<Appointment | undefined> {
  return tdb.first(terminAppointments, eq(terminAppointments.id, id));
}

export function appointmentByHold(tdb: TenantDb, holdTokenHash: string): Promise<Appointment | undefined> {
  return tdb.first(terminAppointments, eq(terminAppointments.holdTokenHash, holdTokenHash));
}

/** Updates the appointment when `conditions` still hold; undefined when another request changed it first. */
export async function updateAppointment(
  tdb: TenantDb,
  id: string,
  set: Partial<NewAppointment>,
  ...conditions: (SQL | undefined)[]
): Promise<Appointment | undefined> {
  const rows = await tdb.update(terminAppointments, set, eq(terminAppointments.id, id), ...conditions);
  return rows[0];
}

export function statusIn(...statuses: Appointment['status'][]): SQL {
  return inArray(terminAppointments.status, statuses);
}

/** The status was last changed at exactly `at` (null: never): a change since then makes the condition fail. */
export function statusChangedAtIs(at: Date | null): SQL {
  return at ? eq(terminAppointments.statusChangedAt, at) : isNull(terminAppointments.statusChangedAt);
}

export function notReminded(): SQL {
  return isNull(terminAppointments.reminderSentAt);
}

export function rescheduleCountIs(n: number): SQL {
  return eq(terminAppointments.rescheduleCount, n);
}

export async function deleteAppointment(tdb: TenantDb, id: string, ...conditions: SQL[]): Promise<number> {
  return tdb.delete(terminAppointments, eq(terminAppointments.id, id), ...conditions);
}

/** Serialises bookings of one e-mail address so the limit of future appointments holds under concurrency. */
export async function lockEmail(tdb: TenantDb, email: string): Promise<void> {
  await tdb.db.execute(sql`select termin_lock_email(${tdb.tenantId}, ${email})`);
}

/**
 * The last statement of a held booking: inserts its personal-link token and its mail (rendered by the sender) and
 * counts the other future appointments of `futureOf.email` in one round trip. The count is only sound after the
 * address's lock was taken in an earlier statement of the transaction (its snapshot then holds every booking of
 * the address committed before).
 */
export async function finishBooking(
  tdb: TenantDb,
  args: {
    appointmentId: string;
    tokenHash: string;
    tokenExpiresAt: Date;
    mail?: DeferredMail | undefined;
    futureOf?: { email: string; now: Date } | undefined;
  },
): Promise<number> {
  const t = tdb.tenantId;
  const future = args.futureOf ? sql`termin_future_appointments(${t}, ${args.futureOf.email}, ${iso(args.futureOf.now)}::timestamptz, ${args.appointmentId})` : sql`0`;
  const mail = args.mail ? sql`, ${enqueueDeferredSql(tdb, args.mail)} as mail` : sql``;
  const result = await tdb.db.execute(sql`
    with token as (
      insert into termin_manage_tokens (tenant_id, token_hash, appointment_id, expires_at)
      values (${t}, ${args.tokenHash}, ${args.appointmentId}, ${iso(args.tokenExpiresAt)}::timestamptz)
    )
    select ${future} as future${mail}`);
  return Number(rowsOf<{ future: number }>(result)[0]!.future);
}

/** Why termin_book refused a booking (it rolled back), or 'already_done' (another request holds the key). */
export type BookRefusal = 'already_done' | 'captcha_used' | 'no_seat' | 'too_many';

/**
 * A new booking in one call (autocommit): the database function termin_book writes the idempotency key, the
 * appointment, the captcha's use, the address's lock, the seats, the personal-link token and the mail, and checks
 * the address's cap of future appointments; a refusal rolls all of it back (ADR 0280).
 */
export async function bookNew(
  tdb: TenantDb,
  args: {
    appointment: Appointment;
    units: Date[];
    slotMinutes: number;
    maxSeat: number;
    idempotency?: { keyHash: string; fingerprint: string; tokenCipher: string } | undefined;
    captcha?: { hash: string; expiresAt: Date } | undefined;
    tokenHash: string;
    tokenExpiresAt: Date;
    mail?: DeferredMail | undefined;
    capEmail?: string | undefined;
    maxFuture: number;
  },
): Promise<BookRefusal | undefined> {
  const row = Object.fromEntries(Object.entries(args.appointment).map(([k, v]) => [columnName(k), v]));
  const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
  try {
    const result = await tdb.db.execute(sql`select termin_book(${tdb.tenantId}, ${json(row)}::jsonb, ${unitsArray(args.units)}, ${args.slotMinutes}::int, ${args.maxSeat}::int,
      ${json(args.idempotency)}::jsonb, ${json(args.captcha)}::jsonb, ${args.tokenHash}, ${iso(args.tokenExpiresAt)}::timestamptz,
      ${json(args.mail)}::jsonb, ${args.capEmail ?? null}::text, ${args.maxFuture}::int) as outcome`);
    const outcome = rowsOf<{ outcome: string }>(result)[0]!.outcome;
    return outcome === 'already_done' ? outcome : undefined;
  } catch (err) {
    const refusal = refusalOf(err);
    if (refusal) return refusal;
    throw err;
  }
}

const columnNames = new Map<string, string>();
/** The column of an Appointment property (snake_case), converted once per property. */
function columnName(property: string): string {
  let column = columnNames.get(property);
  if (column === undefined) columnNames.set(property, (column = property.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)));
  return column;
}

function refusalOf(err: unknown): BookRefusal | undefined {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    const reason = typeof message === 'string' ? /^termin_book:(captcha_used|no_seat|too_many)$/.exec(message)?.[1] : undefined;
    if (code === 'P0001' && reason) return reason as BookRefusal;
  }
  return undefined;
}

/** Booked appointments of an e-mail address that have not begun ("find my appointment"). */
export function futureBookedByEmail(tdb: TenantDb, email: string, now: Date): Promise<Appointment[]> {
  return tdb.db
    .select()
    .from(terminAppointments)
    .where(tdb.scope(terminAppointments, eq(terminAppointments.email, email), gt(terminAppointments.startsAt, now), eq(terminAppointments.status, 'booked')))
    .limit(20);
}

/** Booked or pending appointments of an address at the same place and start, other than `exceptId` (duplicate check). */
export function sameStartByEmail(tdb: TenantDb, args: { email: string; locationId: string; startsAt: Date; exceptId: string }): Promise<Appointment[]> {
  const t = terminAppointments;
  return tdb.db
    .select()
    .from(t)
    .where(
      tdb.scope(t, eq(t.email, args.email), eq(t.locationId, args.locationId), eq(t.startsAt, args.startsAt), statusIn('booked', 'pending'), ne(t.id, args.exceptId)),
    )
    .orderBy(asc(t.bookedAt))
    .limit(5);
}

export async function insertManageToken(tdb: TenantDb, appointmentId: string, tokenHash: string, expiresAt: Date): Promise<void> {
  await tdb.insert(terminManageTokens, { appointmentId, tokenHash, expiresAt });
}

/** The appointment a personal link belongs to, if the token is neither expired nor revoked. */
export async function appointmentByManageToken(tdb: TenantDb, tokenHash: string, now: Date): Promise<Appointment | undefined> {
  const rows = await tdb.db
    .select({ appointment: terminAppointments })
    .from(terminManageTokens)
    .innerJoin(
      terminAppointments,
      tdb.scope(terminAppointments, eq(terminAppointments.id, terminManageTokens.appointmentId)),
    )
    .where(
      tdb.scope(
        terminManageTokens,
        eq(terminManageTokens.tokenHash, tokenHash),
        gt(terminManageTokens.expiresAt, now),
        isNull(terminManageTokens.revokedAt),
      ),
    )
    .limit(1);
  return rows[0]?.appointment;
}

export async function extendManageTokens(tdb: TenantDb, appointmentId: string, expiresAt: Date): Promise<void> {
  await tdb.update(terminManageTokens, { expiresAt }, eq(terminManageTokens.appointmentId, appointmentId), isNull(terminManageTokens.revokedAt));
}

export async function idempotencyRecord(tdb: TenantDb, keyHash: string) {
  return tdb.first(terminIdempotency, eq(terminIdempotency.keyHash, keyHash));
}

/** Claims the key for this request; false when another request holds it (it waits for that one to finish). */
export async function claimIdempotencyKey(
  tdb: TenantDb,
  values: { keyHash: string; fingerprint: string; appointmentId: string; tokenCipher: string; createdAt: Date },
): Promise<boolean> {
  const rows = await tdb.db
    .insert(terminIdempotency)
    .values({ ...values, tenantId: tdb.tenantId })
    .onConflictDoNothing()
    .returning({ keyHash: terminIdempotency.keyHash });
  return rows.length === 1;
}

/** Records a redeemed captcha challenge; false when it was used before. */
export async function redeemCaptcha(tdb: TenantDb, challengeHash: string, expiresAt: Date): Promise<boolean> {
  const rows = await tdb.db
    .insert(terminCaptchaUses)
    .values({ tenantId: tdb.tenantId, challengeHash, expiresAt })
    .onConflictDoNothing()
    .returning({ h: terminCaptchaUses.challengeHash });
  return rows.length === 1;
}

/** Appointments of a location in [from, to) that are or may become real (no holds, no expired). */
export async function appointmentsBetween(
  tdb: TenantDb,
  locationId: string,
  from: Date,
  to: Date,
  statuses: Appointment['status'][],
): Promise<Appointment[]> {
  return tdb.db
    .select()
    .from(terminAppointments)
    .where(
      tdb.scope(
        terminAppointments,
        eq(terminAppointments.locationId, locationId),
        lt(terminAppointments.startsAt, to),
        gt(terminAppointments.endsAt, from),
        inArray(terminAppointments.status, statuses),
      ),
    )
    // Same start: in the order they were booked (without a tie-breaker PostgreSQL may return either first).
    .orderBy(asc(terminAppointments.startsAt), asc(terminAppointments.createdAt), asc(terminAppointments.id));
}

export async function hasFutureAppointments(tdb: TenantDb, locationId: string, now: Date): Promise<boolean> {
  const row = await tdb.first(
    terminAppointments,
    eq(terminAppointments.locationId, locationId),
    gt(terminAppointments.endsAt, now),
    notInArray(terminAppointments.status, ['cancelled', 'expired']),
  );
  return row !== undefined;
}

// ---- jobs (one tenant at a time) ----

/** Booked appointments whose reminder is due: start within `hours`, not yet reminded. */
export function dueReminders(tdb: TenantDb, now: Date, hours: number, limit = 200): Promise<Appointment[]> {
  return tdb.db
    .select()
    .from(terminAppointments)
    .where(
      tdb.scope(
        terminAppointments,
        eq(terminAppointments.status, 'booked'),
        isNull(terminAppointments.reminderSentAt),
        gt(terminAppointments.startsAt, now),
        lte(terminAppointments.startsAt, new Date(now.getTime() + hours * 3_600_000)),
      ),
    )
    .limit(limit);
}

/** Holds past their expiry (plus grace) and unconfirmed bookings past their deadline. */
export async function expireStale(tdb: TenantDb, now: Date, holdGraceMs: number): Promise<{ holds: number; unconfirmed: number }> {
  const holds = await tdb.delete(terminAppointments, eq(terminAppointments.status, 'held'), lt(terminAppointments.holdExpiresAt, new Date(now.getTime() - holdGraceMs)));
  const lapsed = await tdb.update(
    terminAppointments,
    { status: 'expired', statusChangedAt: now },
    eq(terminAppointments.status, 'pending'),
    lt(terminAppointments.confirmBy, now),
  );
  for (const a of lapsed) await releaseSeats(tdb, a.id);
  return { holds, unconfirmed: lapsed.length };
}

/** Removes personal data of appointments that ended before `cutoff`; keeps what statistics need. */
export async function anonymiseBefore(tdb: TenantDb, cutoff: Date, now: Date): Promise<number> {
  const rows = await tdb.update(
    terminAppointments,
    { name: null, email: null, phone: null, bgNummer: null, holdTokenHash: null, anonymisedAt: now },
    lt(terminAppointments.endsAt, cutoff),
    isNull(terminAppointments.anonymisedAt),
  );
  const ids = rows.map((r) => r.id);
  if (ids.length > 0) {
    await tdb.delete(terminManageTokens, inArray(terminManageTokens.appointmentId, ids));
    await tdb.delete(terminSeats, inArray(terminSeats.appointmentId, ids));
  }
  return ids.length;
}

export async function purgeProtectionRows(tdb: TenantDb, now: Date): Promise<void> {
  await tdb.delete(terminCaptchaUses, lt(terminCaptchaUses.expiresAt, now));
  await tdb.delete(terminIdempotency, lt(terminIdempotency.createdAt, new Date(now.getTime() - 86_400_000)));
}

