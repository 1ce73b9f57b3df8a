// Mails about a request or a session, written to the outbox in the transaction of the change. Confirmations and
// changes carry the session as an iCalendar file (same UID per day, SEQUENCE raised on each change); a
// cancellation carries METHOD:CANCEL.
import { fixedT } from '#shared/i18n/index.js';
import { calendarIcs } from '#shared/mail/ics.js';
import { enqueueMail } from '#shared/mail/outbox.js';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { staffContacts } from '../staff/index.js';
import { staffUrl, type SeminarCtx } from './context.js';
import { formatDateTimeMedium } from '#shared/time.js';
import { formatDays } from './format.js';
import * as catalogueRepository from './catalogue.repository.js';
import * as sessionsRepository from './sessions.repository.js';
import type { SeminarEnrolment, SeminarSession, SeminarSessionDay } from './seminare.tables.js';

export type NoticeKind = 'requested' | 'pendingHr' | 'rejected' | 'waitlisted' | 'offered' | 'confirmed' | 'offerExpired' | 'cancelled' | 'sessionChanged' | 'sessionCancelled' | 'sessionCancelledRequest' | 'approvalReminder' | 'sessionReminder' | 'feedbackInvite';

/** Kinds whose mail carries the calendar file; the value says whether it cancels. */
const calendar: Partial<Record<NoticeKind, boolean>> = { confirmed: false, sessionChanged: false, sessionReminder: false, cancelled: true, sessionCancelled: true };

export function sessionIcs(ctx: SeminarCtx, session: SeminarSession, days: SeminarSessionDay[], title: string, cancelled: boolean): string {
  const host = new URL(ctx.deps.config.publicUrl).hostname;
  return calendarIcs({
    product: 'Seminare',
    sequence: session.icsSequence,
    // One UID per day number: a moved day updates its calendar entry.
    events: days.map((d, i) => ({
      uid: `seminar-${session.id}-${i + 1}@${host}`,
      startsAt: d.startsAt,
      endsAt: d.endsAt,
      summary: title,
      location: session.room ?? session.onlineUrl ?? '',
      description: session.onlineUrl ?? '',
    })),
    organizer: { name: ctx.tenant.name, email: ctx.tenant.email },
    cancelled,
    now: ctx.deps.clock.now(),
  });
}

/** Mail to the person of `enrolment` (or to `to`, e.g. an approver) about it. */
export async function notify(ctx: SeminarCtx, tx: TenantDb, enrolment: SeminarEnrolment, session: SeminarSession, kind: NoticeKind, to?: { email: string; displayName: string }) {
  const t = fixedT('de');
  const [person] = await staffContacts(tx, [enrolment.userId]);
  const recipient = to ?? person;
  if (!recipient || !person) return;
  const seminar = (await catalogueRepository.seminarById(tx, session.seminarId))!;
  const days = await sessionsRepository.days(tx, [session.id]);
  const params = {
    name: recipient.displayName,
    person: person.displayName,
    title: seminar.title,
    dates: formatDays(days),
    // "Termin:" or "Termine:" in the mails that list the days.
    count: days.length,
    place: session.room ?? session.onlineUrl ?? '',
    reason: enrolment.rejectionReason ?? '',
    expires: enrolment.offerExpiresAt ? formatDateTimeMedium(enrolment.offerExpiresAt, 'de') : '',
    link: to ? staffUrl(ctx, '/freigaben') : staffUrl(ctx, kind === 'feedbackInvite' ? `/anmeldungen/${enrolment.id}/rueckmeldung` : '/meine'),
    tenant: ctx.tenant.name,
  };
  const cancels = calendar[kind];
  await enqueueMail(tx, {
    kind: `seminare.${kind}`,
    to: recipient.email,
    subject: t(`seminare:mail.${kind}.subject`, params),
    text: `${t('seminare:mail.greeting', params)}\n\n${t(`seminare:mail.${kind}.text`, params)}\n\n${t('seminare:mail.footer', params)}`,
    ...(cancels === undefined
      ? {}
      : { attachments: [{ filename: 'seminar.ics', contentType: `text/calendar; charset=utf-8; method=${cancels ? 'CANCEL' : 'PUBLISH'}`, content: Buffer.from(sessionIcs(ctx, session, days, seminar.title, cancels)).toString('base64') }] }),
  });
}
