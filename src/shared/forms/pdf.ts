// The PDF of a submitted form: the same rows as "check your answers", with the reference number,
// for the person and for the file. Built with pdfkit's standard fonts (no font files needed).
import { loadPdfkit } from '../libraries.js';
import type { TFunction } from '../i18n/index.js';
import type { Tenant } from '../tenancy/tenants.tables.js';
import type { SummarySection } from './summary.js';
import { berlinDateTime } from '../time.js';

export interface PdfInput {
  title: string;
  tenant: Pick<Tenant, 'name' | 'street' | 'postalCode' | 'city'>;
  reference: string;
  submittedAt: Date;
  lang: string;
  sections: SummarySection[];
  declaration: string;
  t: TFunction;
}

export async function renderSubmissionPdf(input: PdfInput): Promise<Buffer> {
  const { t } = input;
  const PDFDocument = await loadPdfkit();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    lang: input.lang,
    displayTitle: true,
    // Fixed dates make the file depend only on the application, not on when it was rendered.
    info: { Title: `${input.title} ${input.reference}`, Author: input.tenant.name, CreationDate: input.submittedAt, ModDate: input.submittedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 112;
  const when = berlinDateTime(input.submittedAt).setLocale(input.lang).toFormat('dd.MM.yyyy, HH:mm');
  doc.font('Helvetica').fontSize(9).fillColor('#333333').text(`${input.tenant.name} · ${input.tenant.street} · ${input.tenant.postalCode} ${input.tenant.city}`);
  doc.moveDown(1.5);
  doc.font('Helvetica-Bold').fontSize(18).fillColor('#000000').text(input.title);
  doc.moveDown(0.5);
  doc.font('Helvetica').fontSize(11).text(`${t('forms:pdf.reference')}: ${input.reference}`);
  doc.text(`${t('forms:pdf.submittedAt')}: ${when}`);
  doc.moveDown(1);

  for (const section of input.sections) {
    if (section.blocks.every((b) => b.rows.length === 0)) continue;
    doc.font('Helvetica-Bold').fontSize(14).text(section.title);
    doc.moveDown(0.3);
    for (const block of section.blocks) {
      if (block.title) doc.font('Helvetica-Bold').fontSize(11).text(block.title).moveDown(0.2);
      for (const row of block.rows) {
        doc.font('Helvetica-Bold').fontSize(10).text(row.label, { width });
        doc.font('Helvetica').fontSize(10).text(row.value || '–', { width, indent: 12 });
        doc.moveDown(0.3);
      }
      doc.moveDown(0.3);
    }
    doc.moveDown(0.5);
  }
  doc.font('Helvetica-Bold').fontSize(12).text(t('forms:pdf.declarationHeading'));
  doc.font('Helvetica').fontSize(10).text(input.declaration, { width });
  doc.end();
  return done;
}
