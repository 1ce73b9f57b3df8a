// Tenant-scoped SQL of the Mitwirkungsaufforderungen: the tenant's BG-Nummer format, requests and their items
// (created by staff, opened by the citizen's code, moved through their states) and what was handed in for them.
// Every query goes through TenantDb, so the tenant condition cannot be forgotten.
import { asc, desc, eq, gt, inArray } from 'drizzle-orm';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { baFormat, type BgNummerFormat } from './bg-nummer.js';
import {
  mitwirkungItems,
  mitwirkungsaufforderungen,
  unterlagenSettings,
  uploads,
  type ItemStatus,
  type MitwirkungItem,
  type Mitwirkungsaufforderung,
  type Upload,
} from './unterlagen.tables.js';

type NewAufforderung = Omit<typeof mitwirkungsaufforderungen.$inferInsert, 'tenantId'>;
type NewItem = Omit<typeof mitwirkungItems.$inferInsert, 'tenantId' | 'aufforderungId'>;

export async function bgNummerFormat(tdb: TenantDb): Promise<BgNummerFormat> {
  const row = await tdb.first(unterlagenSettings);
  return row ? { pattern: row.bgNummerPattern, example: row.bgNummerExample } : baFormat;
}

export async function saveBgNummerFormat(tdb: TenantDb, format: BgNummerFormat): Promise<void> {
  await tdb.db
    .insert(unterlagenSettings)
    .values({ tenantId: tdb.tenantId, bgNummerPattern: format.pattern, bgNummerExample: format.example })
    .onConflictDoUpdate({ target: unterlagenSettings.tenantId, set: { bgNummerPattern: format.pattern, bgNummerExample: format.example } });
}

export async function insertAufforderung(tdb: TenantDb, row: NewAufforderung, items: NewItem[]): Promise<Mitwirkungsaufforderung> {
  const created = await tdb.insert(mitwirkungsaufforderungen, row);
  await tdb.insertMany(
    mitwirkungItems,
    items.map((item) => ({ ...item, aufforderungId: created.id })),
  );
  return created;
}

export async function aufforderungByCodeHash(tdb: TenantDb, codeHash: string, now: Date): Promise<Mitwirkungsaufforderung | undefined> {
  return tdb.first(mitwirkungsaufforderungen, eq(mitwirkungsaufforderungen.codeHash, codeHash), gt(mitwirkungsaufforderungen.expiresAt, now));
}

export async function aufforderungById(tdb: TenantDb, id: string): Promise<Mitwirkungsaufforderung | undefined> {
  return tdb.first(mitwirkungsaufforderungen, eq(mitwirkungsaufforderungen.id, id));
}

export async function itemsOf(tdb: TenantDb, aufforderungId: string): Promise<MitwirkungItem[]> {
  return tdb.db
    .select()
    .from(mitwirkungItems)
    .where(tdb.scope(mitwirkungItems, eq(mitwirkungItems.aufforderungId, aufforderungId)))
    .orderBy(asc(mitwirkungItems.position));
}

export async function itemById(tdb: TenantDb, id: string): Promise<MitwirkungItem | undefined> {
  return tdb.first(mitwirkungItems, eq(mitwirkungItems.id, id));
}

export async function setItemStatus(
  tdb: TenantDb,
  itemId: string,
  status: ItemStatus,
  review: { reason?: string | null; note?: string | null } = {},
  onlyFrom?: ItemStatus[],
): Promise<void> {
  await tdb.update(
    mitwirkungItems,
    { status, reviewReason: review.reason ?? null, reviewNote: review.note ?? null },
    eq(mitwirkungItems.id, itemId),
    onlyFrom ? inArray(mitwirkungItems.status, onlyFrom) : undefined,
  );
}

/** Uploads answering one item, newest first (the citizen's page and the staff view show them). */
export async function uploadsForItems(tdb: TenantDb, itemIds: string[]): Promise<Upload[]> {
  if (itemIds.length === 0) return [];
  return tdb.db
    .select()
    .from(uploads)
    .where(tdb.scope(uploads, inArray(uploads.itemId, itemIds)))
    .orderBy(desc(uploads.receivedAt));
}
