// The start and end of every PDF the app writes with pdfkit (receipts, letters, certificates, sign-in sheets):
// an A4 document with title and language set (PDF/UA basics), and its bytes once it is finished.
// Helvetica covers German (WinAnsi), so no font file is needed.
import { loadPdfkit } from './libraries.js';

export const PDF_MARGIN = 56;

/** The bytes of `document`, once `end()` has been called on it. */
export function collect(document: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });
}

export async function newDocument(title: string, lang: string, createdAt: Date, options: { layout?: 'portrait' | 'landscape' } = {}): Promise<PDFKit.PDFDocument> {
  const PDFDocument = await loadPdfkit();
  return new PDFDocument({
    size: 'A4',
    layout: options.layout ?? 'portrait',
    margin: PDF_MARGIN,
    lang,
    displayTitle: true,
    info: { Title: title, Creator: 'Wegweiser', Producer: 'Wegweiser', CreationDate: createdAt },
  });
}

/** Sender block at the top of a letter or certificate. */
export function letterhead(document: PDFKit.PDFDocument, tenant: { name: string; address: string }) {
  document.font('Helvetica-Bold').fontSize(11).text(tenant.name);
  document.font('Helvetica').fontSize(9).text(tenant.address);
  document.moveDown(2);
}

/** "Label  value" on one line. */
export function field(document: PDFKit.PDFDocument, label: string, value: string) {
  document.font('Helvetica-Bold').fontSize(10).text(label, { continued: true }).font('Helvetica').text(`  ${value}`);
}
