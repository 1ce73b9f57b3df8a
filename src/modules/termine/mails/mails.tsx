// The e-mails of Onlineterminierung (text + HTML + iCalendar), in the language the citizen booked in.
import { renderToString } from 'preact-render-to-string';
import type { Mail } from '#shared/mail/outbox.js';
import { fixedT } from '#shared/i18n/index.js';
import type { Tenant } from '#shared/tenancy/index.js';
import { formatDayFull } from '#shared/time.js';
import { formatTime, localized, localizedList } from '../format.js';
import type { Appointment, TerminLocation, TerminService } from '../termine.tables.js';
import { appointmentIcs } from './ics.js';

export type MailKind = 'confirmation' | 'confirmRequest' | 'reminder' | 'cancellation' | 'rescheduled' | 'closure';

export type MailAppointment = Pick<Appointment, 'id' | 'startsAt' | 'endsAt' | 'persons' | 'language' | 'name' | 'email' | 'rescheduleCount'>;

export interface MailInput {
  kind: MailKind;
  appointment: MailAppointment;
  location: TerminLocation;
  services: TerminService[];
  tenant: Tenant;
  /** The personal link (view, move, cancel; confirm for double opt-in). */
  link?: string | undefined;
  /** Double opt-in: minutes left to confirm. */
  confirmMinutes?: number | undefined;
  closureReason?: string | undefined;
  /** Why staff cancelled or moved the appointment ("Grund: …"). */
  reason?: string | undefined;
  /** The code for the Servicepoint check-in; shown in the mails of a booked appointment only. */
  bookingCode?: string | undefined;
  now: Date;
}

const withBookingCode = new Set<MailKind>(['confirmation', 'reminder', 'rescheduled']);

const withIcs: Record<MailKind, 'event' | 'cancel' | null> = {
  confirmation: 'event',
  confirmRequest: null,
  reminder: 'event',
  cancellation: 'cancel',
  rescheduled: 'event',
  closure: 'cancel',
};

function MailBody(props: { paragraphs: string[]; rows: [string, string][]; bring: string[]; bringTitle: string; link?: { href: string; label: string } | undefined; closing: string; lang: string }) {
  return (
    <html lang={props.lang}>
      <body>
        {props.paragraphs.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
        <table role="presentation">
          {props.rows.map(([k, v]) => (
            <tr key={k}>
              <th scope="row" align="left">
                {k}
              </th>
              <td>{v}</td>
            </tr>
          ))}
        </table>
        {props.bring.length > 0 ? (
          <>
            <h2>{props.bringTitle}</h2>
            <ul>
              {props.bring.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
          </>
        ) : null}
        {props.link ? (
          <p>
            <a href={props.link.href}>{props.link.label}</a>
          </p>
        ) : null}
        <p>{props.closing}</p>
      </body>
    </html>
  );
}

export function buildMail(input: MailInput): Mail {
  const { appointment: a, location, services, tenant, kind } = input;
  const lang = a.language;
  const t = fixedT(lang);
  const k = (key: string, params: Record<string, unknown> = {}) => t(`termine:mail.${kind}.${key}`, params);
  const date = formatDayFull(a.startsAt, lang);
  const time = formatTime(a.startsAt);
  const address = `${location.name}, ${location.street}, ${location.postalCode} ${location.city}`;
  const concern = services.map((s) => localized(s.name, lang)).join(', ');
  const bring = kind === 'cancellation' || kind === 'closure' ? [] : [...new Set(services.flatMap((s) => localizedList(s.bringList, lang)))];
  const params = { date, time, location: location.name, minutes: input.confirmMinutes, reason: input.closureReason || t('termine:mail.closure.noReason') };

  const paragraphs = [t('termine:mail.greeting', { name: a.name ?? '' }), k('intro', params)];
  if (input.reason) paragraphs.push(t('termine:mail.reason', { reason: input.reason }));
  if (input.bookingCode && withBookingCode.has(kind)) paragraphs.push(t('termine:mail.bookingCode', { code: input.bookingCode }));
  const rows: [string, string][] = [
    [t('termine:summary.date'), date],
    [t('termine:summary.time'), `${time} (${t('termine:summary.timeZone')})`],
    [t('termine:summary.location'), address],
    [t('termine:summary.services'), concern],
    [t('termine:summary.persons'), String(a.persons)],
  ];
  const directions = localized(location.directions, lang);
  if (directions && kind !== 'cancellation' && kind !== 'closure') rows.push([t('termine:summary.directions'), directions]);
  const link = input.link ? { href: input.link, label: k('linkLabel') } : undefined;
  const closing = t('termine:mail.closing', { tenant: tenant.name, phone: tenant.phone });

  const text = [
    ...paragraphs,
    rows.map(([key, value]) => `${key}: ${value}`).join('\n'),
    bring.length > 0 ? `${t('termine:summary.bring')}:\n${bring.map((b) => `- ${b}`).join('\n')}` : '',
    link ? `${link.label}:\n${link.href}` : '',
    closing,
  ]
    .filter(Boolean)
    .join('\n\n');
  const html = `<!doctype html>${renderToString(
    <MailBody paragraphs={paragraphs} rows={rows} bring={bring} bringTitle={t('termine:summary.bring')} link={link} closing={closing} lang={lang} />,
  )}`;

  const ics = withIcs[kind];
  const attachments = ics
    ? [
        {
          filename: 'termin.ics',
          contentType: `text/calendar; charset=utf-8; method=${ics === 'cancel' ? 'CANCEL' : 'PUBLISH'}`,
          content: Buffer.from(
            appointmentIcs({
              uid: `${a.id}@wegweiser`,
              // Every move and the cancellation must supersede the entry the calendar already has.
              sequence: a.rescheduleCount + (ics === 'cancel' ? 1 : 0),
              startsAt: a.startsAt,
              endsAt: a.endsAt,
              summary: t('termine:mail.icsSummary', { concern, tenant: tenant.shortName }),
              location: address,
              description: [
                bring.length > 0 ? `${t('termine:summary.bring')}: ${bring.join(', ')}` : '',
                input.link ? `${t('termine:mail.icsManage')}: ${input.link}` : '',
              ]
                .filter(Boolean)
                .join('\n'),
              url: input.link,
              organizer: { name: tenant.name, email: tenant.email },
              cancelled: ics === 'cancel',
              now: input.now,
            }),
          ).toString('base64'),
        },
      ]
    : [];

  return { kind: `termine.${kind}`, to: a.email ?? '', subject: k('subject', params), text, html, attachments };
}
