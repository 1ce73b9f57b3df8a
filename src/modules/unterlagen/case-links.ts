// What belongs to one case (ADR 0223): an online application, the Mitwirkungsaufforderungen made for it, and the
// uploads tied to it by the application reference, by answering one of its requests, or by one of its BG-Nummern.
// Read by caseworkers only, inside the audited read of the application or the upload.
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { submissionRefById, type SubmissionRef } from '../forms/index.js';
import * as repo from './case.repository.js';
import type { DocumentType } from './unterlagen.schemas.js';
import type { ReviewStatus, ScanStatus, Upload } from './unterlagen.tables.js';

export interface CaseRequest {
  id: string;
  reference: string;
  bgNummer: string;
  createdAt: Date;
}

export interface CaseUpload {
  id: string;
  reference: string;
  receivedAt: Date;
  documentType: DocumentType;
  fileCount: number;
  reviewStatus: ReviewStatus;
  scanStatus: ScanStatus;
  /** How it is tied to the application: typed reference, answer to a request, or the same BG-Nummer. */
  via: 'application' | 'request' | 'bgNummer';
}

export interface CaseDocuments {
  requests: CaseRequest[];
  uploads: CaseUpload[];
}

/** The requests and uploads of an application's case, oldest first (for its detail page and timeline). */
export async function caseDocuments(tdb: TenantDb, applicationId: string): Promise<CaseDocuments> {
  const requests = await repo.aufforderungenOfApplication(tdb, applicationId);
  const requestIds = requests.map((r) => r.id);
  const bgNummern = [...new Set(requests.map((r) => r.bgNummer))];
  const rows = await repo.uploadsOfCase(tdb, applicationId, requestIds, bgNummern);
  const via = (u: Upload): CaseUpload['via'] =>
    u.aufforderungId && requestIds.includes(u.aufforderungId) ? 'request' : u.applicationId === applicationId ? 'application' : 'bgNummer';
  return {
    requests: requests.map((r) => ({ id: r.id, reference: r.reference, bgNummer: r.bgNummer, createdAt: r.createdAt })),
    uploads: rows.map(({ upload, fileCount }) => ({
      id: upload.id,
      reference: upload.reference,
      receivedAt: upload.receivedAt,
      documentType: upload.documentType as DocumentType,
      fileCount,
      reviewStatus: upload.reviewStatus,
      scanStatus: upload.scanStatus,
      via: via(upload),
    })),
  };
}

/** The applications an upload belongs to: the one it names (directly or through its request), or those of its BG-Nummer. */
export async function applicationsOfUpload(tdb: TenantDb, upload: Upload): Promise<SubmissionRef[]> {
  if (upload.applicationId) {
    const direct = await submissionRefById(tdb, upload.applicationId);
    return direct ? [direct] : [];
  }
  const ids = await repo.applicationIdsOfBgNummer(tdb, upload.bgNummer);
  const refs = await Promise.all(ids.map((id) => submissionRefById(tdb, id)));
  return refs.filter((r): r is SubmissionRef => r !== undefined);
}
