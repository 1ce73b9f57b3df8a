// The mails about an appointment, rendered by the outbox sender instead of the request or job that writes them
// (ADR 0280, 0327): the transaction writes what the mail needs (bookingMailData, appointmentMailData) and the
// sender renders it (bookingMailRenderer).
import type { Config } from '#shared/config.js';
import type { DeferredMail, MailRenderer } from '#shared/mail/outbox.js';
import type { Tenant } from '#shared/tenancy/index.js';
import { bookingCode } from '../booking-code.js';
import * as repo from '../termine.repository.js';
import { buildMail, type MailAppointment, type MailKind } from './mails.js';

export const BOOKING_MAIL_RENDERER = 'termine.booking';

/** The personal link, in the booking's language: an English mail's link opens in English on a German phone. */
export function manageUrl(ctx: { tenant: Pick<Tenant, 'slug'>; deps: { config: Pick<Config, 'publicUrl'> } }, token: string, language: string): string {
  return `${ctx.deps.config.publicUrl}/t/${ctx.tenant.slug}/termine/verwalten/${token}?lang=${encodeURIComponent(language)}`;
}

/** What a mail about an appointment is rendered from: a snapshot of the appointment when the mail was written. */
interface BookingMailData {
  kind: MailKind;
  appointment: Omit<MailAppointment, 'startsAt' | 'endsAt'> & { startsAt: string; endsAt: string };
  locationId: string;
  /** In the order the booking listed them. */
  serviceIds: string[];
  now: string;
  /** The personal link's token (a new booking's mail carries it as its link) … */
  token?: string | undefined;
  /** … or the link itself (moves, cancellations, reminders, closures). */
  link?: string | undefined;
  confirmMinutes?: number | undefined;
  closureReason?: string | undefined;
  reason?: string | undefined;
}

const snapshot = (a: MailAppointment): BookingMailData['appointment'] => ({
  id: a.id,
  startsAt: a.startsAt.toISOString(),
  endsAt: a.endsAt.toISOString(),
  persons: a.persons,
  language: a.language,
  name: a.name,
  email: a.email,
  rescheduleCount: a.rescheduleCount,
});

export function bookingMailData(input: {
  pending: boolean;
  appointment: MailAppointment & { email: string };
  locationId: string;
  serviceIds: string[];
  now: Date;
  token: string;
  confirmMinutes: number;
}): DeferredMail {
  const { appointment: a } = input;
  const data: BookingMailData = {
    kind: input.pending ? 'confirmRequest' : 'confirmation',
    appointment: snapshot(a),
    locationId: input.locationId,
    serviceIds: input.serviceIds,
    now: input.now.toISOString(),
    token: input.token,
    confirmMinutes: input.confirmMinutes,
  };
  return { kind: `termine.${data.kind}`, to: a.email, renderer: BOOKING_MAIL_RENDERER, data: { ...data } };
}

/** A mail about a change of an existing appointment (`kind`), rendered when the outbox sends it. */
export function appointmentMailData(input: {
  kind: MailKind;
  appointment: MailAppointment & { email: string; locationId: string; serviceIds: string[] };
  now: Date;
  link?: string | undefined;
  confirmMinutes?: number | undefined;
  closureReason?: string | undefined;
  reason?: string | undefined;
}): DeferredMail {
  const { appointment: a, now, ...rest } = input;
  const data: BookingMailData = { ...rest, appointment: snapshot(a), locationId: a.locationId, serviceIds: a.serviceIds, now: now.toISOString() };
  // JSON drops the options that are undefined, as the mail's own rendering ignores them.
  return { kind: `termine.${data.kind}`, to: a.email, renderer: BOOKING_MAIL_RENDERER, data: JSON.parse(JSON.stringify(data)) as Record<string, unknown> };
}

/**
 * Renders a mail about an appointment. What it reads is shared by the batch's mails of the tenant (ADR 0366): each
 * location once, and all of the tenant's services in one query (a few dozen rows), however many mails the batch has.
 */
export const bookingMailRenderer: MailRenderer = async ({ tdb, tenant, config, data, batch }) => {
  const d = data as unknown as BookingMailData;
  const location = await batch.once(`termine.location:${d.locationId}`, () => repo.getLocation(tdb, d.locationId));
  if (!location) throw new Error('the location of this mail no longer exists');
  const allServices = await batch.once('termine.services', async () => new Map((await repo.listServices(tdb, { activeOnly: false })).map((s) => [s.id, s])));
  // In the order the booking listed them; a service deleted since is left out.
  const services = d.serviceIds.flatMap((id) => allServices.get(id) ?? []);
  const appointment = { ...d.appointment, startsAt: new Date(d.appointment.startsAt), endsAt: new Date(d.appointment.endsAt) };
  return buildMail({
    kind: d.kind,
    appointment,
    location,
    services,
    tenant,
    now: new Date(d.now),
    link: d.token ? manageUrl({ tenant, deps: { config } }, d.token, appointment.language) : d.link,
    confirmMinutes: d.confirmMinutes,
    closureReason: d.closureReason,
    reason: d.reason,
    bookingCode: bookingCode(config.secretKey, tenant.id, appointment.id),
  });
};
