// Whom and what an upload is for: the item of a Mitwirkungsaufforderung, or a free upload identified by BG-Nummer or
// by the reference of an online application (ADR 0222), with a document type for each file group (ADR 0221).
import type { FieldError } from '#shared/http/errors.js';
import { hashToken } from '#shared/crypto.js';
import { safeParseForm } from '#shared/http/validation.js';
import { submissionRefById, submissionRefByReference } from '../forms/index.js';
import { isValidBgNummer, normalizeBgNummer } from './bg-nummer.js';
import { maxFileGroups, type ReceivedFile } from './intake.js';
import * as repo from './aufforderung.repository.js';
import { documentTypes, freeUploadFields, requestUploadFields, type DocumentType } from './unterlagen.schemas.js';
import type { MitwirkungItem, Mitwirkungsaufforderung } from './unterlagen.tables.js';
import { normalizeAccessCode } from './tokens.js';
import type { UploadContext } from './upload-context.js';

export interface Target {
  /** Empty when the case is named by an application reference. */
  bgNummer: string;
  applicationId: string | null;
  applicationReference: string | null;
  lastName: string | null;
  birthDate: string | null;
  /** The document type of each file group; group 1 is the upload's own type. */
  documentTypes: Map<number, DocumentType>;
  email: string | undefined;
  aufforderung: Mitwirkungsaufforderung | null;
  item: MitwirkungItem | null;
}

/** The item of a Mitwirkungsaufforderung an upload is for, as the citizen pages load it once from the code in the path. */
export interface RequestedItem {
  aufforderung: Mitwirkungsaufforderung;
  item: MitwirkungItem;
}

type Resolved<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** References of online applications look like "EA-2026-7K3M-Q9XD" (forms module). */
const applicationReferencePattern = /^[A-Z]{2}-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

export function isApplicationReference(value: string): boolean {
  return applicationReferencePattern.test(normalizeBgNummer(value));
}

/** `fields` of the form (or API), `files` all files of the submission (held and new), for the groups' rules. */
export async function resolveTarget(
  ctx: UploadContext,
  fields: Record<string, string>,
  files: Pick<ReceivedFile, 'group'>[],
  requested: RequestedItem | undefined,
): Promise<Resolved<Target>> {
  if (requested || (fields.requestCode ?? '').trim() !== '') return requestTarget(ctx, fields, requested);
  const parsed = safeParseForm(freeUploadFields, fields);
  const errors = parsed.ok ? [] : [...parsed.errors];
  const key = fields.bgNummer ?? '';
  const byApplication = isApplicationReference(key);
  if (key.trim() !== '' && !byApplication && !errors.some((e) => e.field === 'bgNummer')) {
    const format = await repo.bgNummerFormat(ctx.tdb);
    if (!isValidBgNummer(key, format)) errors.unshift({ field: 'bgNummer', message: 'unterlagen:errors.bgNummer', params: { example: format.example } });
  }
  const groups = groupTypes(fields, files);
  errors.push(...groups.errors);
  if (!parsed.ok || errors.length > 0) return { ok: false, errors };
  const types = new Map(groups.types);
  types.set(1, parsed.data.documentType);
  // Only the format is checked: an unknown reference is kept as typed (staff match it), so nobody learns which exist.
  const application = byApplication ? await submissionRefByReference(ctx.tdb, normalizeBgNummer(key)) : undefined;
  return {
    ok: true,
    value: {
      bgNummer: byApplication ? '' : normalizeBgNummer(parsed.data.bgNummer),
      applicationId: application?.id ?? null,
      applicationReference: byApplication ? normalizeBgNummer(key) : null,
      lastName: parsed.data.lastName,
      birthDate: parsed.data.birthDate,
      documentTypes: types,
      email: parsed.data.email,
      aufforderung: null,
      item: null,
    },
  };
}

/**
 * Groups 2 and up of a free upload: a group with files needs its type, a type needs files; an untouched group is
 * left out. (Group 1 is checked as the form's own fields.)
 */
function groupTypes(fields: Record<string, string>, files: Pick<ReceivedFile, 'group'>[]): { types: [number, DocumentType][]; errors: FieldError[] } {
  const types: [number, DocumentType][] = [];
  const errors: FieldError[] = [];
  for (let group = 2; group <= maxFileGroups; group++) {
    const type = (fields[`documentType.${group}`] ?? '').trim();
    const hasFiles = files.some((f) => f.group === group);
    const known = (documentTypes as readonly string[]).includes(type);
    if (hasFiles && !known) errors.push({ field: `documentType.${group}`, message: 'unterlagen:errors.groupDocumentType', params: { number: group } });
    else if (known && !hasFiles) errors.push({ field: `file.${group}`, message: 'unterlagen:errors.groupFileRequired', params: { number: group } });
    else if (known) types.push([group, type as DocumentType]);
  }
  return { types, errors };
}

async function requestTarget(ctx: UploadContext, fields: Record<string, string>, requested: RequestedItem | undefined): Promise<Resolved<Target>> {
  const parsed = safeParseForm(requestUploadFields, fields);
  if (!parsed.ok) return parsed;
  const found = requested ? { ok: true as const, value: requested } : await requestedItem(ctx, parsed.data);
  if (!found.ok) return found;
  const { aufforderung, item } = found.value;
  if (item.status === 'accepted') return { ok: false, errors: [{ field: 'item', message: 'unterlagen:errors.itemClosed' }] };
  const application = aufforderung.applicationId ? await submissionRefById(ctx.tdb, aufforderung.applicationId) : undefined;
  return {
    ok: true,
    value: {
      bgNummer: aufforderung.bgNummer,
      applicationId: application?.id ?? null,
      applicationReference: application?.reference ?? null,
      lastName: null,
      birthDate: null,
      documentTypes: new Map([[1, item.documentType as DocumentType]]),
      email: parsed.data.email,
      aufforderung,
      item,
    },
  };
}

/** The item named by `requestCode` and `item` (position or id) of the fields; an unknown or expired code is one answer. */
async function requestedItem(ctx: UploadContext, fields: { requestCode: string; item: string }): Promise<Resolved<RequestedItem>> {
  const code = normalizeAccessCode(fields.requestCode);
  const aufforderung = code ? await repo.aufforderungByCodeHash(ctx.tdb, hashToken(code), ctx.deps.clock.now()) : undefined;
  if (!aufforderung) return { ok: false, errors: [{ field: 'requestCode', message: 'unterlagen:errors.codeUnknown' }] };
  const items = await repo.itemsOf(ctx.tdb, aufforderung.id);
  const wanted = fields.item;
  const item = items.find((i) => (/^\d+$/.test(wanted) ? i.position === Number(wanted) : i.id === wanted));
  if (!item) return { ok: false, errors: [{ field: 'item', message: 'unterlagen:errors.itemUnknown' }] };
  return { ok: true, value: { aufforderung, item } };
}
