// A release as PDF (A4, title and language set): number, date, title, dateline and text, correction or withdrawal,
// images with caption and credit, contact block. Set in Noto Sans (shipped with KERN) so every character of a release prints, not only WinAnsi.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { collect, newDocument } from '#shared/pdf.js';
import { formatDateLong } from '#shared/time.js';
import { plainText } from './markdown.js';
import type { PressRelease } from './presse.tables.js';

const fonts = join(dirname(createRequire(import.meta.url).resolve('@kern-ux/native/package.json')), 'dist', 'fonts', 'noto-sans');

/** An image as the PDF prints it: its JPEG variant, and the caption line with the credit already in words. */
export interface PdfImage {
  jpeg: Buffer;
  caption: string;
}

export async function releasePdf(
  release: PressRelease,
  contact: string,
  labels: { number: string; contact: string; correction: string; withdrawn: string; online: string },
  url: string,
  images: PdfImage[] = [],
): Promise<Buffer> {
  const doc = await newDocument(release.title, 'de', release.visibleFrom!);
  doc.registerFont('Text', join(fonts, 'NotoSans-Regular.woff'));
  doc.registerFont('Bold', join(fonts, 'NotoSans-Bold.woff'));
  const done = collect(doc);
  doc.font('Text').fontSize(10).text(`${labels.number} · ${formatDateLong(release.visibleFrom!, 'de')}`);
  doc.moveDown();
  doc.font('Bold').fontSize(18).text(release.title);
  if (release.subtitle) doc.font('Text').fontSize(13).text(release.subtitle);
  doc.moveDown();
  if (release.status === 'withdrawn') doc.font('Bold').fontSize(11).text(labels.withdrawn).moveDown();
  if (release.correction) doc.font('Bold').fontSize(11).text(labels.correction).font('Text').text(release.correction).moveDown();
  const [first = '', ...rest] = plainText(release.body).split(/\n{2,}/);
  doc.fontSize(11).font('Bold').text(`${release.dateline} `, { continued: true }).font('Text').text(first, { paragraphGap: 8 });
  for (const paragraph of rest) doc.text(paragraph, { paragraphGap: 8 });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  for (const image of images) {
    doc.moveDown();
    // A new page when less than a third of a page is left, so no image is squeezed to a sliver.
    if (doc.y > doc.page.height * 0.66) doc.addPage();
    const room = doc.page.height - doc.page.margins.bottom - doc.y - 40;
    doc.image(image.jpeg, doc.page.margins.left, doc.y, { fit: [width, Math.min(room, width * 0.75)] });
    doc.moveDown(0.5).fontSize(9).font('Text').text(image.caption, doc.page.margins.left).fontSize(11);
  }
  doc.moveDown();
  doc.font('Bold').text(labels.contact).font('Text').text(contact);
  doc.moveDown();
  doc.fontSize(9).text(`${labels.online}: ${url}`);
  doc.end();
  return done;
}
