// Tables of the newsroom: press releases with their workflow, the per-year number counters, the tenant's press
// settings, the press list (journalists' subscriptions), the releases' images and PDF attachments, and the
// labour-market figures with their import previews.
import { sql } from 'drizzle-orm';
import { boolean, check, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants } from '#shared/tenancy/index.js';

const tenantId = () =>
  uuid()
    .notNull()
    .references(() => tenants.id);
const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/**
 * draft → submitted → approved → published (visible from `visibleFrom`, the embargo) → withdrawn.
 * "Scheduled" is not a status: it is a published release whose `visibleFrom` lies in the future.
 */
export const releaseStatuses = ['draft', 'submitted', 'approved', 'published', 'withdrawn'] as const;
export type ReleaseStatus = (typeof releaseStatuses)[number];

export const pressReleases = pgTable(
  'presse_releases',
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom().primaryKey(),
    title: text().notNull(),
    subtitle: text().notNull().default(''),
    dateline: text().notNull(),
    /** Markdown (raw HTML disabled when rendered). */
    body: text().notNull(),
    categories: text().array().notNull().default(sql`'{}'::text[]`),
    status: text({ enum: releaseStatuses }).notNull().default('draft'),
    authorId: uuid().notNull(),
    approverId: uuid(),
    approvedAt: timestamp({ withTimezone: true }),
    /** Sperrfrist chosen by the editor; null = visible as soon as it is published. */
    embargoUntil: timestamp({ withTimezone: true }),
    /** Set at publication: max(publication, embargo). Every public reader filters on it (visibleAt). */
    visibleFrom: timestamp({ withTimezone: true }),
    year: integer(),
    number: integer(),
    correction: text(),
    correctedAt: timestamp({ withTimezone: true }),
    withdrawnAt: timestamp({ withTimezone: true }),
    /** When the press list was sent this release (after its embargo). */
    mailedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [
    // Gap-free numbering is the counter's job; this makes a duplicate impossible whatever the code does.
    uniqueIndex('presse_releases_number_uq').on(t.tenantId, t.year, t.number),
    index('presse_releases_visible_idx').on(t.tenantId, t.visibleFrom),
    check('presse_releases_number_ck', sql`(${t.number} IS NULL) = (${t.year} IS NULL) AND (${t.number} IS NULL OR ${t.number} > 0)`),
    check('presse_releases_published_ck', sql`${t.status} NOT IN ('published', 'withdrawn') OR (${t.number} IS NOT NULL AND ${t.visibleFrom} IS NOT NULL)`),
    check('presse_releases_four_eyes_ck', sql`${t.approverId} IS NULL OR ${t.approverId} <> ${t.authorId}`),
  ],
);
export type PressRelease = typeof pressReleases.$inferSelect;

/**
 * An image of a release (ADR 0260): alt text and credit are required, the caption is optional. Only the resized,
 * metadata-free variants are kept (presse_image_variants), never the upload itself. `hash` (of the first variant's
 * bytes) is part of every public URL, so the URLs can be cached for good.
 */
export const pressImages = pgTable(
  'presse_images',
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom().primaryKey(),
    releaseId: uuid()
      .notNull()
      .references(() => pressReleases.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    alt: text().notNull(),
    credit: text().notNull(),
    caption: text().notNull().default(''),
    /** Size of the largest variant, for width/height on the page (no layout shift). */
    width: integer().notNull(),
    height: integer().notNull(),
    hash: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('presse_images_release_idx').on(t.tenantId, t.releaseId, t.position),
    check('presse_images_alt_ck', sql`length(btrim(${t.alt})) > 0 AND length(btrim(${t.credit})) > 0`),
  ],
);
export type PressImage = typeof pressImages.$inferSelect;

export const imageFormats = ['webp', 'jpeg'] as const;
export type ImageFormat = (typeof imageFormats)[number];

/** The resized variants of an image: each width as WebP and JPEG. */
export const pressImageVariants = pgTable(
  'presse_image_variants',
  {
    tenantId: tenantId(),
    imageId: uuid()
      .notNull()
      .references(() => pressImages.id, { onDelete: 'cascade' }),
    width: integer().notNull(),
    height: integer().notNull(),
    format: text({ enum: imageFormats }).notNull(),
    bytes: bytea().notNull(),
    size: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.imageId, t.width, t.format] })],
);
export type PressImageVariant = typeof pressImageVariants.$inferSelect;

/** A PDF attached to a release (checked to be a PDF and scanned before it is stored). */
export const pressAttachments = pgTable(
  'presse_attachments',
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom().primaryKey(),
    releaseId: uuid()
      .notNull()
      .references(() => pressReleases.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    title: text().notNull(),
    /** The sanitised upload name, used as download name. */
    fileName: text().notNull(),
    size: integer().notNull(),
    pages: integer().notNull(),
    sha256: text().notNull(),
    pdf: bytea().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('presse_attachments_release_idx').on(t.tenantId, t.releaseId, t.position), check('presse_attachments_title_ck', sql`length(btrim(${t.title})) > 0`)],
);
export type PressAttachment = typeof pressAttachments.$inferSelect;

/** The next running number per tenant and calendar year; the row is locked while a release is numbered. */
export const pressCounters = pgTable(
  'presse_counters',
  {
    tenantId: tenantId(),
    year: integer().notNull(),
    next: integer().notNull(),
    /** True when an administrator set the start (allowed once, before the first number of the year). */
    presetByAdmin: boolean().notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.year] }), check('presse_counters_next_ck', sql`${t.next} > 0`)],
);

/** Per-tenant press settings: dateline default, contact block, template of the monthly labour-market release. */
export const pressSettings = pgTable('presse_settings', {
  tenantId: tenantId().primaryKey(),
  dateline: text().notNull(),
  contact: text().notNull(),
  /** Region compared with the district on the figures page (e.g. the Agentur district "Südhessen"). */
  comparisonRegion: text().notNull().default('suedhessen'),
  districtRegion: text().notNull().default('06431'),
  updatedAt: createdAt(),
});
export type PressSettings = typeof pressSettings.$inferSelect;

/** Journalists on the press list (double opt-in); only tokens' hashes are stored. */
export const pressSubscribers = pgTable(
  'presse_subscribers',
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom().primaryKey(),
    email: text().notNull(),
    /** Topics (release categories) the journalist wants; empty = every release. */
    categories: text().array().notNull().default(sql`'{}'::text[]`),
    confirmTokenHash: text().notNull(),
    /** The confirmation link's end; an unconfirmed subscription is deleted after it. */
    confirmExpiresAt: timestamp({ withTimezone: true }),
    /** Hash of the unsubscribe token, which is derived from the row's id with SECRET_KEY (never stored). */
    unsubscribeTokenHash: text().notNull(),
    confirmedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('presse_subscribers_email_uq').on(t.tenantId, t.email), uniqueIndex('presse_subscribers_unsub_uq').on(t.unsubscribeTokenHash)],
);
export type PressSubscriber = typeof pressSubscribers.$inferSelect;

export const figureSources = ['ba', 'manual', 'demo'] as const;
export type FigureSource = (typeof figureSources)[number];

/**
 * Monthly labour-market figures per region (official code, or a named region such as "suedhessen").
 * `rateTenths` is the unemployment rate on all civilian labour force in tenths of a percent (41 = 4,1 %).
 */
export const labourMarketFigures = pgTable(
  'presse_labour_market_figures',
  {
    tenantId: tenantId(),
    region: text().notNull(),
    regionName: text().notNull(),
    /** YYYY-MM */
    month: text().notNull(),
    unemployed: integer(),
    unemployedSgb2: integer(),
    unemployedSgb3: integer(),
    rateTenths: integer().notNull(),
    source: text({ enum: figureSources }).notNull(),
    updatedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.region, t.month] }), check('presse_figures_month_ck', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)],
);
export type LabourMarketFigure = typeof labourMarketFigures.$inferSelect;

/** An uploaded workbook's recognised rows, kept until the editor commits or discards them. */
export const figureImports = pgTable('presse_figure_imports', {
  tenantId: tenantId(),
  id: uuid().notNull().defaultRandom().primaryKey(),
  createdBy: uuid().notNull(),
  month: text().notNull(),
  rows: jsonb().$type<ImportedRow[]>().notNull(),
  /** Labels that were found in the workbook but not understood (shown in the preview). */
  unrecognised: jsonb().$type<string[]>().notNull().default([]),
  committedAt: timestamp({ withTimezone: true }),
  createdAt: createdAt(),
});

export interface ImportedRow {
  region: string;
  regionName: string;
  month: string;
  unemployed: number | null;
  unemployedSgb2: number | null;
  unemployedSgb3: number | null;
  rateTenths: number;
}
