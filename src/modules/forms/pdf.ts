// The PDF of a submitted form: the same rows as "check your answers", with the reference number,
// for the person and for the file, in the embedded Unicode font of src/shared/pdf.ts (names such as "Ayşe").
import { collect, FONT, newDocument } from '#shared/pdf.js';
import type { TFunction } from '#shared/i18n/index.js';
import type { Tenant } from '#shared/tenancy/tenants.tables.js';
import type { SummarySection } from './summary.js';
import { berlinDateTime } from '#shared/time.js';

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
  const doc = await newDocument(`${input.title} ${input.reference}`, input.lang, input.submittedAt, { author: input.tenant.name });
  const done = collect(doc);

  const width = doc.page.width - 112;
  const when = berlinDateTime(input.submittedAt).toFormat('dd.MM.yyyy, HH:mm');
  doc.font(FONT.regular).fontSize(9).fillColor('#333333').text(`${input.tenant.name} · ${input.tenant.street} · ${input.tenant.postalCode} ${input.tenant.city}`);
  doc.moveDown(1.5);
  doc.font(FONT.bold).fontSize(18).fillColor('#000000').text(input.title);
  doc.moveDown(0.5);
  doc.font(FONT.regular).fontSize(11).text(`${t('forms:pdf.reference')}: ${input.reference}`);
  doc.text(`${t('forms:pdf.submittedAt')}: ${when}`);
  doc.moveDown(1);

  for (const section of input.sections) {
    if (section.blocks.every((b) => b.rows.length === 0)) continue;
    doc.font(FONT.bold).fontSize(14).text(section.title);
    doc.moveDown(0.3);
    for (const block of section.blocks) {
      if (block.title) doc.font(FONT.bold).fontSize(11).text(block.title).moveDown(0.2);
      for (const row of block.rows) {
        doc.font(FONT.bold).fontSize(10).text(row.label, { width });
        doc.font(FONT.regular).fontSize(10).text(row.value || '–', { width, indent: 12 });
        doc.moveDown(0.3);
      }
      doc.moveDown(0.3);
    }
    doc.moveDown(0.5);
  }
  doc.font(FONT.bold).fontSize(12).text(t('forms:pdf.declarationHeading'));
  doc.font(FONT.regular).fontSize(10).text(input.declaration, { width });
  doc.end();
  return done;
}
