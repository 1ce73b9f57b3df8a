// PDFs of the seminar programme: the Teilnahmebescheinigung (with verification code and QR code to the public
// verify page) and the sign-in sheet of a session day.
import type { TFunction } from '#shared/i18n/index.js';
import { loadQrCode } from '#shared/libraries.js';
import { collect, field, FONT, letterhead, newDocument } from '#shared/pdf.js';
import type { Tenant } from '#shared/tenancy/index.js';
import { berlinDate, formatDayShort } from '#shared/time.js';
import type { SeminarCertificate } from './seminare.tables.js';

const address = (tenant: Tenant) => ({ name: tenant.name, address: `${tenant.street}, ${tenant.postalCode} ${tenant.city}` });

export async function certificatePdf(t: TFunction, tenant: Tenant, certificate: SeminarCertificate, code: string, verifyUrl: string): Promise<Buffer> {
  const title = t('seminare:certificate.title');
  const document = await newDocument(`${title} – ${certificate.seminarTitle}`, 'de', certificate.issuedAt);
  const done = collect(document);
  letterhead(document, address(tenant));
  document.font(FONT.bold).fontSize(22).text(title);
  document.moveDown();
  document.font(FONT.regular).fontSize(12).text(t('seminare:certificate.body', { name: certificate.holderName, title: certificate.seminarTitle }));
  document.moveDown();
  field(document, t('seminare:certificate.dates', { count: certificate.dayCount }), certificate.dates);
  field(document, t('seminare:certificate.ue'), t('seminare:certificate.ueValue', { count: certificate.ue }));
  if (certificate.trainer) field(document, t('seminare:certificate.trainer'), certificate.trainer);
  field(document, t('seminare:certificate.issued'), formatDayShort(berlinDate(certificate.issuedAt), 'de'));
  document.moveDown(2);
  field(document, t('seminare:certificate.code'), code);
  document.font(FONT.regular).fontSize(9).text(t('seminare:certificate.verifyHint', { url: verifyUrl }));
  document.moveDown(0.5);
  const qr = await (await loadQrCode()).toBuffer(verifyUrl, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' });
  document.image(qr, { width: 110 });
  document.end();
  return done;
}

export async function signInSheetPdf(t: TFunction, tenant: Tenant, input: { title: string; day: string; names: string[] }, createdAt: Date): Promise<Buffer> {
  const heading = t('seminare:attendance.sheetTitle');
  const document = await newDocument(`${heading} – ${input.title}`, 'de', createdAt);
  const done = collect(document);
  letterhead(document, address(tenant));
  document.font(FONT.bold).fontSize(16).text(heading);
  document.font(FONT.regular).fontSize(11).text(`${input.title} · ${input.day}`);
  document.moveDown();
  const left = document.page.margins.left;
  const width = document.page.width - left - document.page.margins.right;
  for (const name of input.names) {
    const y = document.y;
    document.font(FONT.regular).fontSize(11).text(name, left, y + 8, { width: width * 0.5 });
    document.moveTo(left + width * 0.55, y + 22).lineTo(left + width, y + 22).stroke();
    document.y = y + 30;
  }
  document.end();
  return done;
}
