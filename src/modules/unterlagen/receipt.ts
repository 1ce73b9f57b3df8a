// The Eingangsbestätigung: what was received, when (Europe/Berlin) and with which SHA-256, for the
// receipt page, the JSON API and the PDF. It is the citizen's proof of filing on time (§ 66 SGB I).
import type { TFunction } from '#shared/i18n/index.js';
import type { Tenant } from '#shared/tenancy/index.js';
import type { DocumentType } from './unterlagen.schemas.js';
import type { ItemStatus, MitwirkungItem, ScanStatus, SourceFile, Upload, UploadFile } from './unterlagen.tables.js';

export type ReceiptStatus = 'received' | 'quarantined' | 'infected';

export interface Receipt {
  id: string;
  reference: string;
  receivedAt: Date;
  status: ReceiptStatus;
  scanStatus: ScanStatus;
  lang: string;
  tenant: { name: string; address: string };
  /** Empty when the upload names an application reference instead. */
  bgNummer: string;
  applicationReference: string | null;
  documentType: DocumentType;
  /** Every document type of the submission, the upload's own first (a free upload may carry several). */
  documentTypes: DocumentType[];
  item: { number: number; description: string; dueDate: string; status: ItemStatus } | null;
  /** The files as sent. */
  files: SourceFile[];
  /**
   * What is stored: PDFs as sent, photos joined into one PDF. `converting`: that PDF is still being made (no size
   * and check sum yet; the files as sent above are the proof). Photos that could not be joined are listed as sent.
   */
  documents: { name: string; size: number; sha256: string; pages: number | null; scanStatus: ScanStatus; sources: string[]; converting: boolean }[];
}

export function receiptStatus(scan: ScanStatus): ReceiptStatus {
  if (scan === 'pending') return 'quarantined';
  if (scan === 'infected') return 'infected';
  return 'received';
}

const severity: Record<ScanStatus, number> = { clean: 0, unscanned: 1, pending: 2, infected: 3 };

/** The status of a submission is that of its worst file. */
export function worstScanStatus(statuses: ScanStatus[]): ScanStatus {
  return statuses.reduce<ScanStatus>((worst, s) => (severity[s] > severity[worst] ? s : worst), 'clean');
}

export function buildReceipt(
  tenant: Pick<Tenant, 'name' | 'street' | 'postalCode' | 'city'>,
  upload: Upload,
  rows: Pick<UploadFile, 'id' | 'name' | 'size' | 'sha256' | 'pages' | 'scanStatus' | 'sources' | 'documentType' | 'storageState' | 'partOf'>[],
  item: MitwirkungItem | undefined | null,
): Receipt {
  // The files as sent come from the documents; a photo kept until its PDF is written is no document of its own,
  // unless that PDF could not be made.
  const failed = new Set(rows.filter((r) => r.storageState === 'conversion-failed').map((r) => r.id));
  const documents = rows.filter((r) => (r.partOf ? failed.has(r.partOf) : !failed.has(r.id)));
  return {
    id: upload.id,
    reference: upload.reference,
    receivedAt: upload.receivedAt,
    status: receiptStatus(upload.scanStatus),
    scanStatus: upload.scanStatus,
    lang: upload.lang,
    tenant: { name: tenant.name, address: `${tenant.street}, ${tenant.postalCode} ${tenant.city}` },
    bgNummer: upload.bgNummer,
    applicationReference: upload.applicationReference,
    documentType: upload.documentType as DocumentType,
    documentTypes: [...new Set([upload.documentType, ...documents.map((f) => f.documentType ?? upload.documentType)])] as DocumentType[],
    item: item ? { number: item.position, description: item.description, dueDate: item.dueDate, status: item.status } : null,
    files: rows.filter((r) => !r.partOf).flatMap((r) => r.sources),
    documents: documents.map((f) => ({
      name: f.name,
      size: f.size,
      sha256: f.sha256,
      pages: f.pages,
      scanStatus: f.scanStatus,
      sources: f.sources.map((s) => s.name),
      converting: f.storageState === 'converting',
    })),
  };
}

export function formatBytes(bytes: number, lang: string): string {
  const number = (value: number, digits: number) =>
    new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: digits }).format(value);
  if (bytes < 1024) return `${number(bytes, 0)} B`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024, 1)} KB`;
  return `${number(bytes / 1024 / 1024, 1)} MB`;
}

/** The JSON shape of the receipt (API getUploadReceipt). */
export function receiptJson(receipt: Receipt) {
  return {
    id: receipt.id,
    reference: receipt.reference,
    receivedAt: receipt.receivedAt.toISOString(),
    status: receipt.status,
    scanStatus: receipt.scanStatus,
    tenant: receipt.tenant,
    documentType: receipt.documentType,
    item: receipt.item,
    files: receipt.files,
    documents: receipt.documents.map(({ sources: _sources, converting, ...d }) => (converting ? { ...d, converting } : d)),
  };
}

/** The status sentence shown on the page, in the PDF and in the e-mail. */
export function statusText(t: TFunction, receipt: Pick<Receipt, 'status' | 'scanStatus'>): string {
  if (receipt.status === 'quarantined') return t('unterlagen:receipt.status.quarantined');
  if (receipt.status === 'infected') return t('unterlagen:receipt.status.infected');
  return receipt.scanStatus === 'unscanned' ? t('unterlagen:receipt.status.unscanned') : t('unterlagen:receipt.status.received');
}
