// E-mails of the module, written to the outbox inside the transaction of the change they report.
import { formatDateTime, formatDayShort } from '#shared/time.js';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import type { TFunction } from '#shared/i18n/index.js';
import { enqueueMail } from '#shared/mail/outbox.js';
import { formatAccessCode } from './tokens.js';
import { statusText, type Receipt } from './receipt.js';

export interface TenantLink {
  slug: string;
  name: string;
  email: string;
}

export function receiptLink(publicUrl: string, tenantSlug: string, token: string): string {
  return `${publicUrl}/t/${tenantSlug}/unterlagen/quittung/${token}`;
}

export function aufforderungLink(publicUrl: string, tenantSlug: string, code: string): string {
  return `${publicUrl}/t/${tenantSlug}/unterlagen/a/${code}`;
}

export async function enqueueReceiptMail(
  tdb: TenantDb,
  t: TFunction,
  to: string,
  receipt: Receipt,
  link: string,
  pdf: Buffer,
): Promise<void> {
  const lines = [
    t('unterlagen:mail.receipt.greeting'),
    '',
    statusText(t, receipt),
    '',
    `${t('unterlagen:receipt.reference')}: ${receipt.reference}`,
    `${t('unterlagen:receipt.receivedAt')}: ${formatDateTime(receipt.receivedAt, receipt.lang)}`,
    '',
    t('unterlagen:mail.receipt.link'),
    link,
    '',
    receipt.tenant.name,
  ];
  await enqueueMail(tdb, {
    kind: 'unterlagen.receipt',
    to,
    subject: t('unterlagen:mail.receipt.subject', { reference: receipt.reference }),
    text: lines.join('\n'),
    attachments: [{ filename: `Eingangsbestaetigung-${receipt.reference}.pdf`, contentType: 'application/pdf', content: pdf.toString('base64') }],
  });
}

/** Tells the jobcenter's own address that something was quarantined; no personal data in it. */
export async function enqueueInfectedAlert(tdb: TenantDb, t: TFunction, tenant: TenantLink, reference: string, signature: string): Promise<void> {
  await enqueueMail(tdb, {
    kind: 'unterlagen.infected-alert',
    to: tenant.email,
    subject: t('unterlagen:mail.alert.subject', { reference }),
    text: t('unterlagen:mail.alert.text', { reference, signature }),
  });
}

/** Tells the citizen that a file sent earlier was found infected when the deferred scan ran. */
export async function enqueueInfectedNotice(tdb: TenantDb, t: TFunction, to: string, reference: string, link: string, tenantName: string): Promise<void> {
  await enqueueMail(tdb, {
    kind: 'unterlagen.infected-notice',
    to,
    subject: t('unterlagen:mail.infected.subject', { reference }),
    text: [t('unterlagen:mail.infected.text', { reference }), '', link, '', tenantName].join('\n'),
  });
}

export async function enqueueAufforderungMail(
  tdb: TenantDb,
  t: TFunction,
  to: string,
  data: { reference: string; code: string; link: string; tenantName: string; items: { number: number; description: string; dueDate: string }[]; message: string; lang: string },
): Promise<void> {
  const items = data.items.map((i) => `${i.number}. ${i.description} – ${t('unterlagen:letter.due', { date: formatDayShort(i.dueDate, data.lang) })}`);
  await enqueueMail(tdb, {
    kind: 'unterlagen.aufforderung',
    to,
    subject: t('unterlagen:mail.aufforderung.subject', { reference: data.reference }),
    text: [
      t('unterlagen:mail.aufforderung.greeting'),
      '',
      t('unterlagen:letter.intro'),
      ...(data.message ? ['', data.message] : []),
      '',
      ...items,
      '',
      t('unterlagen:mail.aufforderung.link'),
      data.link,
      '',
      `${t('unterlagen:letter.code')} ${formatAccessCode(data.code)}`,
      '',
      t('unterlagen:letter.consequences'),
      '',
      data.tenantName,
    ].join('\n'),
  });
}
