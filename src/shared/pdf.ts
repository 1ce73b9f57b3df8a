// The start and end of every PDF the app writes with pdfkit (receipts, letters, certificates, sign-in sheets,
// submitted applications): an A4 document with title and language set (PDF/UA basics), an embedded Unicode font,
// and its bytes once it is finished.
// pdfkit's standard Helvetica only knows WinAnsi: "Ayşe" came out as "AyöP". Every document embeds DejaVu Sans
// (Latin with Turkish, Polish and Vietnamese letters, Greek, Cyrillic, Arabic glyphs; subset per document, so
// a file grows by a few kilobytes). doc/adr/0170-unicode-font-in-pdfs.md.
import { readFile } from 'node:fs/promises';
import { lazy, loadPdfkit } from './libraries.js';

export const PDF_MARGIN = 56;

/** Font names to pass to `document.font()` in every document made by newDocument or embedFonts. */
export const FONT = { regular: 'Body', bold: 'Body-Bold' } as const;

const fontFile = (name: string) => readFile(new URL(`./fonts/${name}`, import.meta.url));
const loadFonts = lazy(async () => {
  const [regular, bold] = await Promise.all([fontFile('DejaVuSans.ttf'), fontFile('DejaVuSans-Bold.ttf')]);
  return { regular, bold };
});

/** Registers the Unicode font under FONT's names and makes the regular one current. */
export async function embedFonts(document: PDFKit.PDFDocument): Promise<void> {
  const fonts = await loadFonts();
  document.registerFont(FONT.regular, fonts.regular);
  document.registerFont(FONT.bold, fonts.bold);
  document.font(FONT.regular);
}

/** The bytes of `document`, once `end()` has been called on it. */
export function collect(document: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });
}

export async function newDocument(
  title: string,
  lang: string,
  createdAt: Date,
  options: { layout?: 'portrait' | 'landscape'; author?: string } = {},
): Promise<PDFKit.PDFDocument> {
  const PDFDocument = await loadPdfkit();
  const document = new PDFDocument({
    size: 'A4',
    layout: options.layout ?? 'portrait',
    margin: PDF_MARGIN,
    lang,
    displayTitle: true,
    // Fixed dates make a file depend only on its content, not on when it was rendered.
    info: { Title: title, Creator: 'Wegweiser', Producer: 'Wegweiser', CreationDate: createdAt, ModDate: createdAt, ...(options.author ? { Author: options.author } : {}) },
  });
  await embedFonts(document);
  return document;
}

/** Sender block at the top of a letter or certificate. */
export function letterhead(document: PDFKit.PDFDocument, tenant: { name: string; address: string }) {
  document.font(FONT.bold).fontSize(11).text(tenant.name);
  document.font(FONT.regular).fontSize(9).text(tenant.address);
  document.moveDown(2);
}

/** "Label  value" on one line. */
export function field(document: PDFKit.PDFDocument, label: string, value: string) {
  document.font(FONT.bold).fontSize(10).text(label, { continued: true }).font(FONT.regular).text(`  ${value}`);
}
