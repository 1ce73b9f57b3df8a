// Booking a slot (held by the journey, or given directly by the API and staff) in one transaction, and the pieces
// every change of an appointment shares: the seats, the personal link, the outbox mail. Holding is in hold.service.ts.
import { randomUUID } from 'node:crypto';
import { ConflictError, ValidationError } from '#shared/http/errors.js';
import { enqueueDeferredMail, type DeferredMail } from '#shared/mail/outbox.js';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { nextFreeTimes, resolveSlot, type ResolvedSlot, type SlotQuery, type TermineContext } from './availability.service.js';
import { AlreadyDoneSignal, NoSeatSignal, SlotTakenError, withRetry } from './booking.errors.js';
import * as bookings from './booking.repository.js';
import { verifyCaptcha, type CaptchaInput, type VerifiedCaptcha } from './captcha.js';
import { appointmentMailData, bookingMailData, manageUrl } from './mails/booking-mail.js';
import type { MailKind } from './mails/mails.js';
import { DAY_MS, enforceLimits, HOUR_MS } from './protection.js';
import type { Appointment, TerminLocation, TerminService } from './termine.tables.js';
import { hashTokenBase64url, newToken, sha256 } from '#shared/crypto.js';
import { openForRetry, sealForRetry } from './tokens.js';
import { berlinDate } from '#shared/time.js';

export interface Contact {
  name: string;
  email?: string | undefined;
  phone?: string | undefined;
  bgNummer?: string | undefined;
}

export { manageUrl };

/** Turns "no seat" inside a transaction into a 409 that lists the next free times. */
export async function seatOrConflict<T>(ctx: TermineContext, query: SlotQuery, slot: ResolvedSlot, fn: () => Promise<T>): Promise<T> {
  try {
    return await withRetry(fn);
  } catch (err) {
    if (!(err instanceof NoSeatSignal)) throw err;
    // The free times right after the one that was taken come first: closest to what the person wanted.
    let nextTimes = await nextFreeTimes(ctx, { ...query, fromDate: berlinDate(slot.startsAt), limit: 6, after: slot.startsAt }, slot.plan);
    if (nextTimes.length === 0) nextTimes = await nextFreeTimes(ctx, { ...query, fromDate: berlinDate(slot.startsAt), limit: 6 }, slot.plan);
    throw new SlotTakenError(nextTimes, query);
  }
}

/** Takes the seats of `slot` for the appointment or rolls the transaction back with NoSeatSignal. */
export async function takeSlotSeats(
  tx: TenantDb,
  slot: ResolvedSlot,
  appointmentId: string,
  expiresAt: Date | null,
  now: Date,
): Promise<void> {
  const ok = await bookings.takeSeats(tx, {
    locationId: slot.plan.location.id,
    units: slot.units,
    slotMinutes: slot.plan.config.slotMinutes,
    maxSeat: slot.maxSeat,
    appointmentId,
    expiresAt,
    now,
  });
  if (!ok) throw new NoSeatSignal();
}

/** Issues a new personal link for a mail; valid until the appointment's data is deleted. */
export async function issueLink(ctx: TermineContext, tx: TenantDb, appointment: Appointment, retentionDays: number): Promise<string> {
  const token = newToken();
  await bookings.insertManageToken(tx, appointment.id, hashTokenBase64url(token), new Date(appointment.endsAt.getTime() + retentionDays * DAY_MS));
  return token;
}

/**
 * Writes the mail for `kind` to the outbox in the transaction `tx`, when the appointment has an address. The
 * outbox sender renders it from a snapshot of the appointment (ADR 0327), as it renders a new booking's mail.
 */
export async function sendMail(
  ctx: TermineContext,
  tx: TenantDb,
  kind: MailKind,
  appointment: Appointment,
  options: { link?: string | undefined; confirmMinutes?: number; closureReason?: string; reason?: string | undefined } = {},
): Promise<void> {
  const { email } = appointment;
  if (!email) return;
  await enqueueDeferredMail(tx, appointmentMailData({ kind, appointment: { ...appointment, email }, now: ctx.deps.clock.now(), ...options }));
}

/** The appointment behind a journey token (held, or already booked by it). */
export async function journey(ctx: TermineContext, holdToken: string | undefined): Promise<Appointment | undefined> {
  if (!holdToken) return undefined;
  return bookings.appointmentByHold(ctx.tdb, hashTokenBase64url(holdToken));
}

export function holdGone(): ConflictError {
  return new ConflictError('termine:errors.holdExpired');
}

/** Keeps the appointment's live seats (new expiry) or, if some lapsed meanwhile, takes them again. */
export async function keepOrRetake(tx: TenantDb, slot: ResolvedSlot, appointmentId: string, expiresAt: Date | null, now: Date): Promise<void> {
  const kept = await bookings.keepSeats(tx, appointmentId, expiresAt, now);
  if (kept === slot.units.length) return;
  await bookings.releaseSeats(tx, appointmentId);
  await takeSlotSeats(tx, slot, appointmentId, expiresAt, now);
}

export function slotQueryOf(a: Appointment): SlotQuery {
  return { locationId: a.locationId, serviceIds: a.serviceIds, persons: a.persons, channel: a.channel };
}

// ---- book ----

export interface BookInput {
  /** Book a held slot (HTML journey, API with holdId) … */
  holdToken?: string | undefined;
  /** … or a slot directly (API, staff). */
  slot?: (SlotQuery & { startsAt: Date }) | undefined;
  contact: Contact;
  language: string;
  captcha?: CaptchaInput | undefined;
  /** Field named in captcha errors: 'captcha' (API) or the question's input (HTML). */
  captchaField?: string | undefined;
  /** API Idempotency-Key: a retry gets the first answer, including the manage token. */
  idempotencyKey?: string | undefined;
}

export interface BookResult {
  appointment: Appointment;
  /** The personal link's token; absent when a double submit of the HTML form is answered. */
  manageToken?: string | undefined;
  replayed: boolean;
  /** Place and services, when already loaded (a new booking). */
  plan?: { location: TerminLocation; services: TerminService[] } | undefined;
}

function fingerprintOf(input: BookInput): string {
  const { holdToken, slot, contact } = input;
  return sha256(JSON.stringify({ holdToken, slot: slot && { ...slot, startsAt: slot.startsAt.toISOString() }, contact }), 'base64url');
}

async function replay(ctx: TermineContext, key: string, fingerprint: string): Promise<BookResult | undefined> {
  const record = await bookings.idempotencyRecord(ctx.tdb, hashTokenBase64url(key));
  if (!record) return undefined;
  if (record.fingerprint !== fingerprint) {
    throw new ValidationError([{ field: 'Idempotency-Key', message: 'termine:errors.idempotencyMismatch' }]);
  }
  const appointment = await bookings.getAppointment(ctx.tdb, record.appointmentId);
  if (!appointment) return undefined;
  return { appointment, manageToken: openForRetry(ctx.deps.config.secretKey, key, record.tokenCipher), replayed: true };
}

async function checkCaptcha(ctx: TermineContext, input: BookInput, online: boolean): Promise<VerifiedCaptcha | undefined> {
  if (!online || !ctx.deps.config.captcha) return undefined;
  const result = await verifyCaptcha(ctx.deps.config, ctx.deps.clock.now(), input.captcha ?? {}, input.captchaField);
  if (!result.ok) throw new ValidationError([result.error]);
  return result.value;
}

/** What is being booked: the journey's held appointment, or a slot given directly (API, staff). */
async function bookingTarget(ctx: TermineContext, input: BookInput): Promise<{ held?: Appointment | undefined; query: SlotQuery & { startsAt: Date }; done?: BookResult }> {
  if (input.holdToken) {
    const held = await journey(ctx, input.holdToken);
    if (held && (held.status === 'booked' || held.status === 'pending')) return { query: { ...slotQueryOf(held), startsAt: held.startsAt }, done: { appointment: held, replayed: true } };
    if (held?.status !== 'held') throw holdGone();
    return { held, query: { ...slotQueryOf(held), startsAt: held.startsAt } };
  }
  if (input.slot) return { query: input.slot };
  throw new ValidationError([{ field: 'holdId', message: 'common:validation.required' }]);
}

/** Everything decided before the transaction: the slot, captcha, limits, the new ids and the rendered mail. */
interface BookingPlan {
  held?: Appointment | undefined;
  query: SlotQuery & { startsAt: Date };
  slot: ResolvedSlot;
  online: boolean;
  email?: string | undefined;
  captcha?: VerifiedCaptcha | undefined;
  now: Date;
  pending: boolean;
  confirmBy: Date | null;
  appointmentId: string;
  manageToken: string;
  mail?: DeferredMail | undefined;
}

async function planBooking(ctx: TermineContext, input: BookInput, held: Appointment | undefined, query: SlotQuery & { startsAt: Date }): Promise<BookingPlan> {
  const online = query.channel === 'online';
  const slot = await resolveSlot(ctx, query);
  const settings = slot.plan.settings;
  const captcha = await checkCaptcha(ctx, input, online);
  const email = input.contact.email?.trim().toLowerCase() || undefined;
  if (online) {
    await enforceLimits(ctx, [
      { name: 'book:ip', subject: ctx.clientIp ?? '', max: settings.bookingsPerIpHour, windowMs: HOUR_MS },
      { name: 'book:email', subject: email ?? '', max: settings.bookingsPerEmailDay, windowMs: DAY_MS },
    ]);
  }
  const now = ctx.deps.clock.now();
  const pending = online && settings.doubleOptIn;
  const confirmBy = pending ? new Date(now.getTime() + settings.confirmMinutes * 60_000) : null;
  const appointmentId = held?.id ?? randomUUID();
  const manageToken = newToken();
  const plan: BookingPlan = { held, query, slot, online, email, captcha, now, pending, confirmBy, appointmentId, manageToken };
  // The mail is rendered by the outbox sender, not here (ADR 0280): the transaction writes what it needs.
  return { ...plan, mail: email ? bookingMail(input, plan, email) : undefined };
}

function bookingMail(input: BookInput, p: BookingPlan, email: string): DeferredMail {
  return bookingMailData({
    pending: p.pending,
    appointment: {
      id: p.appointmentId,
      startsAt: p.slot.startsAt,
      endsAt: p.slot.endsAt,
      persons: p.query.persons,
      language: input.language,
      name: input.contact.name,
      email,
      rescheduleCount: p.held?.rescheduleCount ?? 0,
    },
    locationId: p.slot.plan.location.id,
    serviceIds: p.slot.plan.services.map((s) => s.id),
    now: p.now,
    token: p.manageToken,
    confirmMinutes: p.slot.plan.settings.confirmMinutes,
  });
}

/** The appointment's contact columns and status as a booking sets them. */
function bookedValues(input: BookInput, p: BookingPlan) {
  return {
    status: p.pending ? ('pending' as const) : ('booked' as const),
    name: input.contact.name,
    email: p.email ?? null,
    phone: input.contact.phone || null,
    bgNummer: input.contact.bgNummer || null,
    language: input.language,
    confirmBy: p.confirmBy,
    bookedAt: p.now,
    statusChangedAt: p.now,
  };
}

const captchaUsed = (input: BookInput) =>
  new ValidationError([{ field: input.captcha?.altcha ? (input.captchaField ?? 'captcha') : 'captchaAnswer', message: 'termine:errors.captchaUsed' }]);
const tooManyAppointments = (max: number) => new ValidationError([{ field: 'email', message: 'termine:errors.tooManyAppointments', params: { max } }]);
/** Bookings of an address count against its cap of future appointments only when booked online. */
const cappedEmail = (p: BookingPlan) => (p.email && p.online ? p.email : undefined);
const tokenExpiry = (p: BookingPlan, endsAt: Date) => new Date(endsAt.getTime() + p.slot.plan.settings.retentionDays * DAY_MS);

/**
 * A new booking in one round trip: the database function termin_book (ADR 0280) writes the appointment, its
 * seats, idempotency key, captcha use, personal link and mail and checks the address's cap, or rolls it all back.
 */
async function writeNewBooking(ctx: TermineContext, input: BookInput, fingerprint: string, p: BookingPlan): Promise<BookResult> {
  const { query, slot, now } = p;
  const appointment: Appointment = {
    ...bookedValues(input, p),
    tenantId: ctx.tdb.tenantId,
    id: p.appointmentId,
    locationId: query.locationId,
    serviceIds: slot.plan.services.map((s) => s.id),
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    persons: query.persons,
    channel: query.channel,
    holdTokenHash: null,
    holdExpiresAt: null,
    holdExtensions: 0,
    reminderSentAt: null,
    createdAt: now,
    cancelledAt: null,
    cancelReason: null,
    rescheduleCount: 0,
    anonymisedAt: null,
  };
  const key = input.idempotencyKey;
  const refusal = await bookings.bookNew(ctx.tdb, {
    appointment,
    units: slot.units,
    slotMinutes: slot.plan.config.slotMinutes,
    maxSeat: slot.maxSeat,
    idempotency: key ? { keyHash: hashTokenBase64url(key), fingerprint, tokenCipher: sealForRetry(ctx.deps.config.secretKey, key, p.manageToken) } : undefined,
    captcha: p.captcha && { hash: p.captcha.replayKey, expiresAt: p.captcha.expiresAt },
    tokenHash: hashTokenBase64url(p.manageToken),
    tokenExpiresAt: tokenExpiry(p, slot.endsAt),
    mail: p.mail,
    capEmail: cappedEmail(p),
    maxFuture: slot.plan.settings.maxFutureAppointmentsPerEmail,
  });
  if (refusal === 'already_done') throw new AlreadyDoneSignal();
  if (refusal === 'no_seat') throw new NoSeatSignal();
  if (refusal === 'captcha_used') throw captchaUsed(input);
  if (refusal === 'too_many') throw tooManyAppointments(slot.plan.settings.maxFutureAppointmentsPerEmail);
  return { appointment, manageToken: p.manageToken, replayed: false, plan: slot.plan };
}

/** The transaction that books a held slot (HTML journey): the held appointment, its seats, link, mail, the cap. */
async function writeHeldBooking(ctx: TermineContext, tx: TenantDb, input: BookInput, fingerprint: string, p: BookingPlan, held: Appointment): Promise<BookResult> {
  const { slot, now, confirmBy } = p;
  const settings = slot.plan.settings;
  if (input.idempotencyKey) {
    const claimed = await bookings.claimIdempotencyKey(tx, {
      keyHash: hashTokenBase64url(input.idempotencyKey),
      fingerprint,
      appointmentId: p.appointmentId,
      tokenCipher: sealForRetry(ctx.deps.config.secretKey, input.idempotencyKey, p.manageToken),
      createdAt: now,
    });
    if (!claimed) throw new AlreadyDoneSignal();
  }
  // A double submit of a held slot waits here for the first one and then finds the hold used.
  const appointment = await bookings.updateAppointment(tx, held.id, { ...bookedValues(input, p), holdExpiresAt: null }, bookings.statusIn('held'));
  if (!appointment) throw new AlreadyDoneSignal();
  if (p.captcha && !(await bookings.redeemCaptcha(tx, p.captcha.replayKey, p.captcha.expiresAt))) throw captchaUsed(input);
  // The address's lock comes before its count (a later statement, see finishBooking).
  const capped = cappedEmail(p);
  if (capped) await bookings.lockEmail(tx, capped);
  await keepOrRetake(tx, slot, held.id, confirmBy, now);
  const future = await bookings.finishBooking(tx, {
    appointmentId: appointment.id,
    tokenHash: hashTokenBase64url(p.manageToken),
    tokenExpiresAt: tokenExpiry(p, appointment.endsAt),
    mail: p.mail,
    futureOf: capped ? { email: capped, now } : undefined,
  });
  if (capped && future >= settings.maxFutureAppointmentsPerEmail) throw tooManyAppointments(settings.maxFutureAppointmentsPerEmail);
  return { appointment, manageToken: p.manageToken, replayed: false, plan: slot.plan };
}

/** Books a held slot or a slot given directly; a retry (same Idempotency-Key) or a double submit gets the first answer. */
export async function book(ctx: TermineContext, input: BookInput): Promise<BookResult> {
  // Only a request with an Idempotency-Key is compared with an earlier one.
  const fingerprint = input.idempotencyKey ? fingerprintOf(input) : '';
  if (input.idempotencyKey) {
    const earlier = await replay(ctx, input.idempotencyKey, fingerprint);
    if (earlier) return earlier;
  }
  const target = await bookingTarget(ctx, input);
  if (target.done) return target.done;
  const plan = await planBooking(ctx, input, target.held, target.query);
  try {
    const held = plan.held;
    return await seatOrConflict(ctx, plan.query, plan.slot, () =>
      held ? ctx.tdb.transaction((tx) => writeHeldBooking(ctx, tx, input, fingerprint, plan, held)) : writeNewBooking(ctx, input, fingerprint, plan),
    );
  } catch (err) {
    if (!(err instanceof AlreadyDoneSignal)) throw err;
    if (input.idempotencyKey) {
      const earlier = await replay(ctx, input.idempotencyKey, fingerprint);
      if (earlier) return earlier;
    }
    const appointment = await bookings.getAppointment(ctx.tdb, plan.appointmentId);
    // The hold was removed meanwhile (a closure, or expiry clean-up).
    if (!appointment) throw holdGone();
    return { appointment, replayed: true };
  }
}
