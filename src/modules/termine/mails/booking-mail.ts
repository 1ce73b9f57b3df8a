// The booking's confirmation mail, rendered by the outbox sender instead of the booking request (ADR 0280): the
// booking's transaction writes what the mail needs (bookingMailData) and the sender renders it (bookingMailRenderer).
import type { Config } from '#shared/config.js';
import type { DeferredMail, MailRenderer } from '#shared/mail/outbox.js';
import type { Tenant } from '#shared/tenancy/index.js';
import { bookingCode } from '../booking-code.js';
import * as repo from '../termine.repository.js';
import { buildMail, type MailAppointment } from './mails.js';

export const BOOKING_MAIL_RENDERER = 'termine.booking';

/** The personal link, in the booking's language: an English mail's link opens in English on a German phone. */
export function manageUrl(ctx: { tenant: Pick<Tenant, 'slug'>; deps: { config: Pick<Config, 'publicUrl'> } }, token: string, language: string): string {
  return `${ctx.deps.config.publicUrl}/t/${ctx.tenant.slug}/termine/verwalten/${token}?lang=${encodeURIComponent(language)}`;
}

/** What the confirmation (or, with double opt-in, the request to confirm) of a new booking is rendered from. */
interface BookingMailData {
  kind: 'confirmation' | 'confirmRequest';
  appointment: Omit<MailAppointment, 'startsAt' | 'endsAt'> & { startsAt: string; endsAt: string };
  locationId: string;
  /** In the order the booking listed them. */
  serviceIds: string[];
  now: string;
  /** The personal link's token (the mail carries it as its link). */
  token: string;
  confirmMinutes: number;
}

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
    appointment: { ...a, startsAt: a.startsAt.toISOString(), endsAt: a.endsAt.toISOString() },
    locationId: input.locationId,
    serviceIds: input.serviceIds,
    now: input.now.toISOString(),
    token: input.token,
    confirmMinutes: input.confirmMinutes,
  };
  return { kind: `termine.${data.kind}`, to: a.email, renderer: BOOKING_MAIL_RENDERER, data: { ...data } };
}

export const bookingMailRenderer: MailRenderer = async ({ tdb, tenant, config, data }) => {
  const d = data as unknown as BookingMailData;
  const location = await repo.getLocation(tdb, d.locationId);
  if (!location) throw new Error('the location of this mail no longer exists');
  const order = new Map(d.serviceIds.map((id, i) => [id, i]));
  const services = (await repo.servicesByIds(tdb, d.serviceIds)).sort((x, y) => order.get(x.id)! - order.get(y.id)!);
  const appointment = { ...d.appointment, startsAt: new Date(d.appointment.startsAt), endsAt: new Date(d.appointment.endsAt) };
  return buildMail({
    kind: d.kind,
    appointment,
    location,
    services,
    tenant,
    now: new Date(d.now),
    link: manageUrl({ tenant, deps: { config } }, d.token, appointment.language),
    confirmMinutes: d.confirmMinutes,
    bookingCode: bookingCode(config.secretKey, tenant.id, appointment.id),
  });
};
