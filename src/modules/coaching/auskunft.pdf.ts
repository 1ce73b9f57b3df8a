// The Art. 15 DSGVO copy of everything held on one participant as a PDF (the same content as the JSON export).
import type { TFunction } from 'i18next';
import { collect, field, newDocument } from '#shared/pdf.js';
import type { auskunft } from './retention.js';
import { formatDateTime } from '#shared/time.js';

type Auskunft = Awaited<ReturnType<typeof auskunft>>;

/** Renders the data of `auskunft()` section by section; every stored value appears, nothing is summarised away. */
export async function auskunftPdf(data: Auskunft, t: TFunction, lang: string): Promise<Buffer> {
  const now = new Date(data.erstelltAm);
  const title = t('coaching:auskunft.title', { name: `${data.person.givenName} ${data.person.familyName}` });
  const doc = await newDocument(title, lang, now);
  const done = collect(doc);
  doc.font('Helvetica-Bold').fontSize(16).text(title);
  doc.font('Helvetica').fontSize(9).text(t('coaching:auskunft.lead', { date: formatDateTime(now, lang) }));
  const heading = (text: string) => doc.moveDown().font('Helvetica-Bold').fontSize(12).text(text).moveDown(0.3);
  const value = (v: unknown): string => (v === null || v === undefined ? '–' : v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v));
  const record = (row: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(row)) if (k !== 'tenantId') field(doc, `${k}:`, value(v));
    doc.moveDown(0.5);
  };
  heading(t('coaching:auskunft.person'));
  record({ ...data.person, rechtsgrundlage: data.rechtsgrundlage, zielberufe: data.zielberufe.join(', ') });
  const lists: Record<string, unknown[]> = {
    potenzialanalyse: data.potenzialanalyse,
    kooperationsplan: data.kooperationsplan ? [data.kooperationsplan] : [],
    aktivitaeten: data.aktivitaeten,
    nachrichten: data.nachrichten,
    kontakte: data.kontakte,
    pruefungen: data.pruefungen,
    sitzungen: data.sitzungen,
    angst: data.angst,
    gutscheine: data.gutscheine,
    vertraulicheNotizen: data.vertraulicheNotizen,
  };
  for (const [key, rows] of Object.entries(lists)) {
    heading(t(`coaching:auskunft.sections.${key}`));
    if (rows.length === 0) doc.font('Helvetica').fontSize(10).text('–');
    for (const row of rows) record(row as Record<string, unknown>);
  }
  doc.end();
  return done;
}
