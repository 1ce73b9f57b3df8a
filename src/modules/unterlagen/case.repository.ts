// Tenant-scoped SQL of one case for the staff: an online application with its requests and the uploads that
// belong to it. Every query goes through TenantDb, so the tenant condition cannot be forgotten.
import { asc, eq, inArray, isNotNull, or } from 'drizzle-orm';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { fileCount } from './inbox.repository.js';
import { mitwirkungsaufforderungen, uploads, type Mitwirkungsaufforderung, type Upload } from './unterlagen.tables.js';

/** The Mitwirkungsaufforderungen created for an application, oldest first. */
export async function aufforderungenOfApplication(tdb: TenantDb, applicationId: string): Promise<Mitwirkungsaufforderung[]> {
  return tdb.db
    .select()
    .from(mitwirkungsaufforderungen)
    .where(tdb.scope(mitwirkungsaufforderungen, eq(mitwirkungsaufforderungen.applicationId, applicationId)))
    .orderBy(asc(mitwirkungsaufforderungen.createdAt));
}

/** Applications a BG-Nummer was used for (through their requests): an upload with that number belongs to them. */
export async function applicationIdsOfBgNummer(tdb: TenantDb, bgNummer: string): Promise<string[]> {
  if (!bgNummer) return [];
  const rows = await tdb.db
    .selectDistinct({ id: mitwirkungsaufforderungen.applicationId })
    .from(mitwirkungsaufforderungen)
    .where(tdb.scope(mitwirkungsaufforderungen, eq(mitwirkungsaufforderungen.bgNummer, bgNummer), isNotNull(mitwirkungsaufforderungen.applicationId)));
  return rows.map((r) => r.id).filter((id): id is string => id !== null);
}

export interface CaseUploadRow {
  upload: Upload;
  fileCount: number;
}

/** Uploads of one case: tied to the application, answering one of its requests, or carrying one of its BG-Nummern. */
export async function uploadsOfCase(tdb: TenantDb, applicationId: string, aufforderungIds: string[], bgNummern: string[]): Promise<CaseUploadRow[]> {
  const rows = await tdb.db
    .select({ upload: uploads, fileCount })
    .from(uploads)
    .where(
      tdb.scope(
        uploads,
        or(
          eq(uploads.applicationId, applicationId),
          aufforderungIds.length ? inArray(uploads.aufforderungId, aufforderungIds) : undefined,
          bgNummern.length ? inArray(uploads.bgNummer, bgNummern) : undefined,
        ),
      ),
    )
    .orderBy(asc(uploads.receivedAt))
    .limit(200);
  return rows.map((r) => ({ upload: r.upload, fileCount: Number(r.fileCount) }));
}
