// Tables of the unterlagen module: Mitwirkungsaufforderungen, their items, uploads and files.
import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants } from '#shared/tenancy/index.js';

const tenantId = () =>
  uuid()
    .notNull()
    .references(() => tenants.id);

/** Tenant settings of the module; a tenant without a row uses the BA format of the BG-Nummer. */
export const unterlagenSettings = pgTable('unterlagen_settings', {
  tenantId: uuid()
    .primaryKey()
    .references(() => tenants.id),
  /** Regular expression (anchored when used) for the format check only; existence is never checked. */
  bgNummerPattern: text().notNull(),
  bgNummerExample: text().notNull(),
});

/** A caseworker's request for documents (§§ 60 ff. SGB I); the citizen opens it with a code. */
export const mitwirkungsaufforderungen = pgTable(
  'mitwirkungsaufforderungen',
  {
    tenantId: tenantId(),
    id: uuid().primaryKey().defaultRandom(),
    reference: text().notNull(),
    bgNummer: text().notNull(),
    message: text().notNull(),
    /** SHA-256 of the access code; the code itself is never stored. */
    codeHash: text().notNull(),
    email: text(),
    lang: text().notNull().default('de'),
    createdBy: text().notNull(),
    applicationId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The code stops working here (last deadline plus a grace period). */
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('mitwirkung_reference_idx').on(t.tenantId, t.reference),
    uniqueIndex('mitwirkung_code_idx').on(t.tenantId, t.codeHash),
    index('mitwirkung_bg_idx').on(t.tenantId, t.bgNummer),
    index('mitwirkung_application_idx').on(t.tenantId, t.applicationId),
  ],
);

export const itemStatuses = ['open', 'submitted', 'accepted', 'rejected'] as const;
export type ItemStatus = (typeof itemStatuses)[number];

export const mitwirkungItems = pgTable(
  'mitwirkung_items',
  {
    tenantId: tenantId(),
    id: uuid().primaryKey().defaultRandom(),
    aufforderungId: uuid()
      .notNull()
      .references(() => mitwirkungsaufforderungen.id, { onDelete: 'cascade' }),
    /** 1-based number shown in the letter; the API accepts it as `item`. */
    position: integer().notNull(),
    documentType: text().notNull(),
    description: text().notNull(),
    dueDate: date({ mode: 'string' }).notNull(),
    status: text({ enum: itemStatuses }).notNull().default('open'),
    reviewReason: text(),
    reviewNote: text(),
  },
  (t) => [
    uniqueIndex('mitwirkung_items_position_idx').on(t.tenantId, t.aufforderungId, t.position),
    index('mitwirkung_items_due_idx').on(t.tenantId, t.status, t.dueDate),
  ],
);

export const scanStatuses = ['clean', 'pending', 'infected', 'unscanned'] as const;
export type ScanStatus = (typeof scanStatuses)[number];
export const conversionStates = ['pending', 'failed'] as const;
export type ConversionState = (typeof conversionStates)[number];
export const reviewStatuses = ['new', 'accepted', 'rejected', 'more-requested'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

/** One submission: the files a citizen sent at once for one item or one document type. */
export const uploads = pgTable(
  'uploads',
  {
    tenantId: tenantId(),
    id: uuid().primaryKey(),
    reference: text().notNull(),
    receiptTokenHash: text().notNull(),
    receiptExpiresAt: timestamp({ withTimezone: true }).notNull(),
    aufforderungId: uuid().references(() => mitwirkungsaufforderungen.id, { onDelete: 'set null' }),
    itemId: uuid().references(() => mitwirkungItems.id, { onDelete: 'set null' }),
    /** Empty when the citizen identified the case by an application reference instead. */
    bgNummer: text().notNull(),
    /** The online application (forms submission) this upload belongs to: typed by the citizen or through a request. */
    applicationId: uuid(),
    /** Its reference (EA-…), kept so the upload links the application without asking the forms module. */
    applicationReference: text(),
    lastName: text(),
    birthDate: date({ mode: 'string' }),
    documentType: text().notNull(),
    email: text(),
    lang: text().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
    /** Worst scan status of its files: infected > pending > unscanned > clean. */
    scanStatus: text({ enum: scanStatuses }).notNull(),
    reviewStatus: text({ enum: reviewStatuses }).notNull().default('new'),
    reviewReason: text(),
    reviewNote: text(),
    reviewedBy: text(),
    reviewedAt: timestamp({ withTimezone: true }),
    /** The caseworker (staff user id) this submission is assigned to; null = anyone of the team. */
    assignedTo: uuid(),
    /** Set when processed (reviewed, or found infected); the retention job deletes after it. */
    deleteAfter: timestamp({ withTimezone: true }),
    /** Photos still to be joined into a PDF ('pending'), or that could not be ('failed'; the photos stay); see convert.ts. */
    conversion: text({ enum: conversionStates }),
  },
  (t) => [
    uniqueIndex('uploads_reference_idx').on(t.tenantId, t.reference),
    uniqueIndex('uploads_receipt_idx').on(t.tenantId, t.receiptTokenHash),
    index('uploads_inbox_idx').on(t.tenantId, t.reviewStatus, t.receivedAt),
    index('uploads_delete_after_idx').on(t.deleteAfter),
    index('uploads_application_idx').on(t.tenantId, t.applicationId),
    // Inbox search (doc/adr/0230-inbox-search-without-personal-data-in-urls.md): BG-Nummer exact, surname by prefix.
    index('uploads_bg_idx').on(t.tenantId, t.bgNummer),
    index('uploads_last_name_idx').on(t.tenantId, sql`lower(${t.lastName}) text_pattern_ops`),
    index('uploads_received_idx').on(t.tenantId, t.receivedAt),
    index('uploads_assigned_idx').on(t.tenantId, t.assignedTo),
  ],
);

/** An original file as the citizen sent it; listed with its SHA-256 on the receipt. */
export interface SourceFile {
  name: string;
  size: number;
  sha256: string;
}

/**
 * 'converting': the PDF to be made from photos, not written yet (no bytes stored; the photos are rows with `partOf`);
 * 'conversion-failed': it could not be made, its photos stay as they are.
 */
export const storageStates = ['staged', 'stored', 'deleting', 'missing', 'converting', 'conversion-failed'] as const;
export type StorageState = (typeof storageStates)[number];

/** A stored document (a PDF as sent, or the PDF made from photos), encrypted in the file store. */
export const uploadFiles = pgTable(
  'upload_files',
  {
    tenantId: tenantId(),
    id: uuid().primaryKey(),
    uploadId: uuid()
      .notNull()
      .references(() => uploads.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    name: text().notNull(),
    size: bigint({ mode: 'number' }).notNull(),
    sha256: text().notNull(),
    pages: integer(),
    /** This document's own type when one submission carried several (null: the upload's type). */
    documentType: text(),
    sources: jsonb().$type<SourceFile[]>().notNull(),
    /** Data key wrapped with FILES_MASTER_KEY, base64. */
    wrappedKey: text().notNull(),
    scanStatus: text({ enum: scanStatuses }).notNull(),
    scanSignature: text(),
    scannedAt: timestamp({ withTimezone: true }),
    /** 'staged' until the file is renamed into place after commit; see storage.ts. */
    storageState: text({ enum: storageStates }).notNull().default('staged'),
    /** A photo as sent, kept until the PDF with this id (a 'converting' row of the same upload) is written. */
    partOf: uuid(),
    /** Conversion runs begun for a 'converting' row; a run interrupted (kill -9) counts too. */
    conversionAttempts: integer().notNull().default(0),
    /** A conversion run holds the row until then; after it (a crashed run) the next run takes it again. */
    conversionLeasedUntil: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('upload_files_upload_idx').on(t.tenantId, t.uploadId, t.position),
    index('upload_files_storage_idx').on(t.storageState, t.createdAt),
    index('upload_files_scan_idx').on(t.scanStatus, t.createdAt),
    index('upload_files_part_of_idx').on(t.tenantId, t.partOf),
  ],
);

/**
 * Files already received with a form that was refused (a missing field, another file refused): kept encrypted in the
 * file store's staging area under a random token the form carries in a hidden field (stored here only as its hash),
 * so the citizen need not choose them again. Deleted when the form is sent or when they expire (cleanup job).
 */
export const heldUploadFiles = pgTable(
  'held_upload_files',
  {
    tenantId: tenantId(),
    id: uuid().primaryKey(),
    tokenHash: text().notNull(),
    /** Which form holds them: 'frei' or the request item 'a:<aufforderungId>:<position>'. */
    form: text().notNull(),
    /** The file group of the form (1-based; a free upload may carry several document types). */
    groupNo: integer().notNull(),
    position: integer().notNull(),
    originalName: text().notNull(),
    size: bigint({ mode: 'number' }).notNull(),
    sha256: text().notNull(),
    wrappedKey: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('held_upload_files_token_idx').on(t.tenantId, t.tokenHash, t.position), index('held_upload_files_expiry_idx').on(t.expiresAt)],
);

export type HeldUploadFile = typeof heldUploadFiles.$inferSelect;
export type Mitwirkungsaufforderung = typeof mitwirkungsaufforderungen.$inferSelect;
export type MitwirkungItem = typeof mitwirkungItems.$inferSelect;
export type Upload = typeof uploads.$inferSelect;
export type UploadFile = typeof uploadFiles.$inferSelect;
