// PDFs this module writes with pdfkit: the Eingangsbestätigung and the letter of a
// Mitwirkungsaufforderung, in the embedded Unicode font of src/shared/pdf.ts.
import { berlinDate, formatDateTime, formatDayShort } from '#shared/time.js';
import { loadQrCode } from '#shared/libraries.js';
import { collect, field, FONT, letterhead, newDocument } from '#shared/pdf.js';
import type { TFunction } from '#shared/i18n/index.js';
import { formatBytes, statusText, type Receipt } from './receipt.js';


function hash(document: PDFKit.PDFDocument, sha256: string) {
  document.font('Courier').fontSize(8).text(`SHA-256 ${sha256}`);
}

export async function receiptPdf(t: TFunction, receipt: Receipt, createdAt: Date): Promise<Buffer> {
  const lang = receipt.lang;
  const title = t('unterlagen:receipt.title');
  const document = await newDocument(`${title} ${receipt.reference}`, lang, createdAt);
  const done = collect(document);

  letterhead(document, receipt.tenant);
  document.font(FONT.bold).fontSize(18).text(title);
  document.moveDown(0.5);
  document.font(FONT.regular).fontSize(11).text(statusText(t, receipt));
  document.moveDown();

  field(document, t('unterlagen:receipt.reference'), receipt.reference);
  field(document, t('unterlagen:receipt.receivedAt'), formatDateTime(receipt.receivedAt, lang));
  if (receipt.bgNummer) field(document, t('unterlagen:receipt.bgNummer'), receipt.bgNummer);
  if (receipt.applicationReference) field(document, t('unterlagen:receipt.application'), receipt.applicationReference);
  field(
    document,
    t(receipt.documentTypes.length > 1 ? 'unterlagen:receipt.documentTypes' : 'unterlagen:receipt.documentType'),
    receipt.documentTypes.map((type) => t(`unterlagen:documentTypes.${type}`)).join(', '),
  );
  if (receipt.item) {
    field(
      document,
      t('unterlagen:receipt.item'),
      t('unterlagen:receipt.itemValue', {
        number: receipt.item.number,
        description: receipt.item.description,
        due: formatDayShort(receipt.item.dueDate, lang),
      }),
    );
  }

  document.moveDown();
  document.font(FONT.bold).fontSize(12).text(t('unterlagen:receipt.filesHeading'));
  document.moveDown(0.3);
  for (const file of receipt.files) {
    document.font(FONT.regular).fontSize(10).text(`${file.name} (${formatBytes(file.size, lang)})`);
    hash(document, file.sha256);
    document.moveDown(0.3);
  }

  document.moveDown();
  document.font(FONT.bold).fontSize(12).text(t('unterlagen:receipt.documentsHeading'));
  document.moveDown(0.3);
  for (const doc of receipt.documents) {
    const pages = doc.pages ? `, ${t('unterlagen:receipt.pages', { count: doc.pages })}` : '';
    if (doc.converting) {
      // Made after the answer: its size and check sum do not exist yet.
      document.font(FONT.regular).fontSize(10).text(`${doc.name} (${t('unterlagen:receipt.pages', { count: doc.pages ?? 0 })}) – ${t('unterlagen:receipt.converting')}`);
      document.fontSize(9).text(t('unterlagen:receipt.madeFrom', { names: doc.sources.join(', ') }));
    } else {
      document.font(FONT.regular).fontSize(10).text(`${doc.name} (${formatBytes(doc.size, lang)}${pages}) – ${t(`unterlagen:scan.${doc.scanStatus}`)}`);
      document.fontSize(9).text(t('unterlagen:receipt.madeFrom', { names: doc.sources.join(', ') }));
      hash(document, doc.sha256);
    }
    document.moveDown(0.3);
  }

  document.moveDown();
  document.font(FONT.regular).fontSize(9).fillColor('#333333').text(t('unterlagen:receipt.pdfFooter'));
  document.end();
  return done;
}

export interface LetterData {
  tenant: { name: string; address: string };
  reference: string;
  bgNummer: string;
  code: string;
  link: string;
  message: string;
  items: { number: number; description: string; documentType: string; dueDate: string }[];
  createdAt: Date;
  lang: string;
}

/** The letter to print and send: what is needed by when, and the code (with a QR code of the link). */
export async function aufforderungLetterPdf(t: TFunction, letter: LetterData): Promise<Buffer> {
  const { lang } = letter;
  const title = t('unterlagen:letter.title');
  const document = await newDocument(`${title} ${letter.reference}`, lang, letter.createdAt);
  const done = collect(document);
  const qr = await (await loadQrCode()).toBuffer(letter.link, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' });

  letterhead(document, letter.tenant);
  document.font(FONT.regular).fontSize(10).text(formatDayShort(berlinDate(letter.createdAt), lang), { align: 'right' });
  document.font(FONT.bold).fontSize(16).text(title);
  document.moveDown(0.5);
  field(document, t('unterlagen:letter.reference'), letter.reference);
  field(document, t('unterlagen:receipt.bgNummer'), letter.bgNummer);
  document.moveDown();
  document.font(FONT.regular).fontSize(11).text(t('unterlagen:letter.intro'));
  if (letter.message) {
    document.moveDown(0.5);
    document.text(letter.message);
  }
  document.moveDown();
  for (const item of letter.items) {
    document
      .font(FONT.bold)
      .fontSize(11)
      .text(`${item.number}. ${t(`unterlagen:documentTypes.${item.documentType}`)} – ${t('unterlagen:letter.due', { date: formatDayShort(item.dueDate, lang) })}`);
    document.font(FONT.regular).fontSize(10).text(item.description);
    document.moveDown(0.4);
  }
  document.moveDown();
  document.font(FONT.regular).fontSize(11).text(t('unterlagen:letter.howTo'));
  document.moveDown(0.5);
  document.text(letter.link);
  document.moveDown(0.5);
  field(document, t('unterlagen:letter.code'), '');
  document.font('Courier-Bold').fontSize(14).text(letter.code);
  document.moveDown(0.5);
  document.image(qr, { width: 110 });
  document.moveDown(0.5);
  document.font(FONT.regular).fontSize(9).text(t('unterlagen:letter.consequences'));
  document.end();
  return done;
}
