// zod schemas of the Unterlagen forms and API: document types, codes, identification, staff review.
import { z } from 'zod';
import { uuidString } from '#shared/ids.js';
import { textInput, multilineText } from '#shared/http/text.js';
import { itemStatuses, reviewStatuses, scanStatuses } from './unterlagen.tables.js';
import { parseTypedDate } from '#shared/time.js';
import type { FieldError } from '#shared/http/errors.js';
import { localDateInput, optionalLocalDateInput, toFieldErrors } from '#shared/http/validation.js';

/** Document types a citizen can choose; labels are `unterlagen:documentTypes.<key>`. */
export const documentTypes = [
  'kontoauszuege',
  'lohnabrechnung',
  'arbeitsvertrag',
  'mietvertrag',
  'nebenkostenabrechnung',
  'bescheid',
  'aerztliche-bescheinigung',
  'ausweis',
  'meldebescheinigung',
  'sonstiges',
] as const;
export type DocumentType = (typeof documentTypes)[number];

export const rejectReasons = ['unreadable', 'wrong-period', 'incomplete', 'wrong-document', 'other'] as const;

/** Required text; `required` names what is missing ("Bitte geben Sie … ein"), not just "this field". */
const trimmed = (max: number, required?: string) => textInput(required ? { error: required, max } : { max }).min(1, required ? { error: required } : undefined);

const optionalEmail = textInput({ max: 254 })
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(z.email({ error: 'unterlagen:errors.email' }).optional());

/** YYYY-MM-DD (API) or TT.MM.JJJJ (as people type it) → ISO date of a real calendar day. */
export const birthDate = z
  .string({ error: 'unterlagen:errors.birthDateRequired' })
  .trim()
  .min(1, { error: 'unterlagen:errors.birthDateRequired' })
  .max(10, { error: 'unterlagen:errors.birthDate' })
  .transform((value, ctx) => {
    const parsed = parseTypedDate(value);
    const year = parsed.ok ? Number(parsed.iso.slice(0, 4)) : 0;
    if (!parsed.ok || year < 1900 || year > 2100) {
      ctx.addIssue({ code: 'custom', message: 'unterlagen:errors.birthDate' });
      return z.NEVER;
    }
    return parsed.iso;
  });

/** Free upload: the BG-Nummer's format is checked against the tenant's setting in the service. */
export const freeUploadFields = z.object({
  bgNummer: trimmed(40, 'unterlagen:errors.bgNummerRequired'),
  lastName: trimmed(100, 'unterlagen:errors.lastNameRequired'),
  birthDate,
  documentType: z.enum(documentTypes, { error: 'unterlagen:errors.documentType' }),
  email: optionalEmail,
});

/** Upload against a Mitwirkungsaufforderung: the code and the item (its number or id). */
export const requestUploadFields = z.object({
  requestCode: trimmed(60),
  item: trimmed(40),
  email: optionalEmail,
});

export const codeForm = z.object({ code: trimmed(60, 'unterlagen:errors.codeRequired') });

/** The application reference handed over from the confirmation page of an online application. */
export const applicationKeyForm = z.object({ reference: trimmed(40) });

const isoDate = localDateInput('unterlagen:errors.dueDate');

export const aufforderungItemInput = z.object({
  documentType: z.enum(documentTypes, { error: 'unterlagen:errors.documentType' }),
  description: trimmed(300),
  dueDate: isoDate,
});

/**
 * The errors of item row `row` (from 0) of the staff form, named after the row so that the summary links to the field.
 * A field's one message names the row and the field ("Unterlage 2: …"), never the generic one; so it is told once,
 * however many of the field's checks failed.
 */
export function itemRowErrors(error: z.ZodError, row: number): FieldError[] {
  const fields = new Set(toFieldErrors(error).map((e) => e.field));
  return [...fields].map((field) => ({ field: `items.${row}.${field}`, message: `unterlagen:staff.itemErrors.${field}`, params: { number: row + 1 } }));
}

/** Input of createMitwirkungsaufforderung (service contract for other modules and the staff form). */
export const aufforderungInput = z.object({
  bgNummer: trimmed(40),
  items: z.array(aufforderungItemInput).min(1).max(20),
  message: multilineText({ max: 2000 }).default(''),
  createdBy: trimmed(100),
  applicationId: uuidString.optional(),
  email: optionalEmail,
  lang: z.enum(['de', 'en']).default('de'),
});
export type AufforderungInput = z.input<typeof aufforderungInput>;

/** The staff form; its items come as rows `items.<n>.<field>` and are checked row by row. */
export const staffAufforderungForm = z.object({
  bgNummer: trimmed(40),
  email: optionalEmail,
  message: multilineText({ max: 2000 }).default(''),
  lang: z.enum(['de', 'en']).default('de'),
  followUpOf: uuidString.optional().or(z.literal('').transform(() => undefined)),
});

export const reviewForm = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept'), note: multilineText({ max: 1000 }).optional() }),
  z.object({
    decision: z.literal('reject'),
    reason: z.enum(rejectReasons, { error: 'unterlagen:errors.reason' }),
    note: multilineText({ max: 1000 }).optional(),
  }),
]);

const isoDay = optionalLocalDateInput('common:validation.format');

/** Columns the upload inbox sorts by (the default is the newest first). */
export const inboxSortColumns = ['received', 'reference', 'bgNummer', 'name', 'type', 'due', 'status'] as const;
export type InboxSortColumn = (typeof inboxSortColumns)[number];
export const pageSizes = ['25', '50', '100'] as const;

/** Filters that may appear in the list's address: none of them is personal data (the search words are not here). */
const inboxFilterShape = {
  status: z.enum(reviewStatuses).optional().catch(undefined),
  type: z.enum(documentTypes).optional().catch(undefined),
  due: z.enum(['overdue', 'week']).optional().catch(undefined),
  from: isoDay.optional().catch(undefined),
  to: isoDay.optional().catch(undefined),
  assigned: z.enum(['me', 'none']).optional().catch(undefined),
};

/** The inbox's address: filters, the id of a stored search or saved filter (`f`), sort order and page. */
export const inboxQuery = z.object({
  ...inboxFilterShape,
  f: uuidString.optional().catch(undefined),
  sort: z.enum(inboxSortColumns).optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  size: z.enum(pageSizes).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

/** The filter form (POST): the search words (BG-Nummer, surname or reference) are stored, never put in the address. */
export const inboxSearchForm = z.object({ ...inboxFilterShape, q: textInput({ max: 100 }).optional().catch(undefined) });

/** A stored search or saved filter read back from the database (a saved filter keeps its sort order too). */
export const storedInboxFilter = inboxSearchForm.extend({
  sort: z.enum(inboxSortColumns).optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  size: z.enum(pageSizes).optional().catch(undefined),
});

export const saveFilterForm = z.object({ name: textInput({ max: 60 }).min(1, { error: 'unterlagen:staff.filterNameRequired' }) });

// ---- JSON API ----

export const fileSummary = z.object({ name: z.string(), size: z.number().int(), sha256: z.string() });

export const createUploadResponse = z
  .object({
    id: uuidString,
    reference: z.string(),
    receiptToken: z.string(),
    receivedAt: z.iso.datetime(),
    status: z.enum(['received', 'quarantined']),
    files: z.array(fileSummary),
  })
  .meta({ id: 'UploadCreated' });

export const receiptResponse = z
  .object({
    id: uuidString,
    reference: z.string(),
    receivedAt: z.iso.datetime(),
    status: z.enum(['received', 'quarantined', 'infected']),
    scanStatus: z.enum(scanStatuses),
    tenant: z.object({ name: z.string(), address: z.string() }),
    documentType: z.enum(documentTypes),
    item: z
      .object({ number: z.number().int(), description: z.string(), dueDate: z.string(), status: z.enum(itemStatuses) })
      .nullable(),
    files: z.array(fileSummary),
    documents: z.array(
      z.object({
        name: z.string(),
        size: z.number().int(),
        sha256: z.string(),
        pages: z.number().int().nullable(),
        scanStatus: z.enum(scanStatuses),
        converting: z.literal(true).optional().meta({ description: 'The PDF is still being made from the photos: size 0, no check sum yet.' }),
      }),
    ),
  })
  .meta({ id: 'UploadReceipt' });

/** Documents the multipart body in OpenAPI; the parts themselves are read as a stream (intake.ts). */
export const createUploadBody = z
  .object({
    requestCode: z.string().max(60).optional().meta({ description: 'Code from the Mitwirkungsaufforderung (with `item`)' }),
    item: z.string().max(40).optional().meta({ description: 'Number of the item in the letter, or its id' }),
    bgNummer: z.string().max(40).optional().meta({ description: 'BG-Nummer, format set by the jobcenter (free upload)' }),
    lastName: z.string().max(100).optional(),
    birthDate: z.string().max(10).optional().meta({ description: 'YYYY-MM-DD or DD.MM.YYYY' }),
    documentType: z.enum(documentTypes).optional(),
    email: z.email().max(254).optional().meta({ description: 'Receipt by e-mail (optional)' }),
    file: z
      .array(z.string().meta({ contentMediaType: 'application/octet-stream', format: 'binary' }))
      .min(1)
      .meta({ description: 'One or more files: PDF, JPEG, PNG or HEIC. Photos become one PDF, in order.' }),
  })
  .meta({ id: 'UploadForm' });

const oneOrMany = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The inbox's bulk form: the ticked rows (or all rows of the page) and the action. */
export const bulkForm = z.object({
  action: z.enum(['accept', 'assign', 'export']),
  ids: z.preprocess(oneOrMany, z.array(uuidString).max(100)),
  pageIds: z.preprocess(oneOrMany, z.array(uuidString).max(100)),
  allOnPage: z.literal('1').optional().catch(undefined),
  assignee: z.union([uuidString, z.literal('')]).optional().catch(undefined),
});
