// Mitwirkungsaufforderung: a caseworker (or the SGB II application module) asks for documents with
// deadlines; the citizen opens the request with a code from the letter or e-mail and uploads per item.
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { NotFoundError, ValidationError } from '#shared/http/errors.js';
import { getI18n } from '#shared/i18n/index.js';
import { parseInput } from '#shared/http/validation.js';
import type { Tenant } from '#shared/tenancy/index.js';
import { isValidBgNummer, normalizeBgNummer } from './bg-nummer.js';
import { isUniqueViolation } from '#shared/db/errors.js';
import { aufforderungLink, enqueueAufforderungMail } from './mails.js';
import { aufforderungLetterPdf } from './pdf.js';
import * as repo from './aufforderung.repository.js';
import { aufforderungInput, type AufforderungInput } from './unterlagen.schemas.js';
import type { MitwirkungItem, Mitwirkungsaufforderung, Upload } from './unterlagen.tables.js';
import { hashToken, safeEqual } from '#shared/crypto.js';
import { formatAccessCode, newAccessCode, newReference, normalizeAccessCode } from './tokens.js';
import { fromBerlinIso } from '#shared/time.js';

/** How long after the last deadline the code still opens the request (late documents still count). */
const graceDays = 90;

/** What the notice needs beyond the tenant-scoped database: the tenant's name and the public address. */
export interface NoticeContext {
  tenant: Pick<Tenant, 'slug' | 'name' | 'street' | 'postalCode' | 'city'>;
  publicUrl: string;
}

export interface CreatedAufforderung {
  id: string;
  reference: string;
  /** The access code; shown once and printed in the letter, stored only as a hash. */
  code: string;
}

/**
 * Creates a Mitwirkungsaufforderung with its items, in one transaction; when an e-mail address is
 * given (and `context` to build the link), the citizen is told by e-mail through the outbox.
 * Throws ValidationError for invalid input, including a BG-Nummer not in the tenant's format.
 */
export async function createMitwirkungsaufforderung(
  tdb: TenantDb,
  input: AufforderungInput,
  context?: NoticeContext,
): Promise<CreatedAufforderung> {
  const data = parseInput(aufforderungInput, input);
  const format = await repo.bgNummerFormat(tdb);
  if (!isValidBgNummer(data.bgNummer, format)) {
    throw new ValidationError([{ field: 'bgNummer', message: 'unterlagen:errors.bgNummer', params: { example: format.example } }]);
  }
  if (data.email && !context) throw new RangeError('an e-mail notice needs the tenant and the public URL');

  const code = newAccessCode();
  const lastDue = data.items.map((i) => i.dueDate).sort().at(-1)!;
  const expiresAt = fromBerlinIso(lastDue).plus({ days: graceDays }).endOf('day').toJSDate();
  const items = data.items.map((item, index) => ({ ...item, position: index + 1 }));

  for (let attempt = 0; ; attempt++) {
    // No year in the reference: callers from other modules need not pass a clock.
    const reference = newReference('MA');
    try {
      const created = await tdb.transaction(async (tx) => {
        const row = await repo.insertAufforderung(
          tx,
          {
            reference,
            bgNummer: normalizeBgNummer(data.bgNummer),
            message: data.message,
            codeHash: hashToken(code),
            email: data.email ?? null,
            lang: data.lang,
            createdBy: data.createdBy,
            applicationId: data.applicationId ?? null,
            expiresAt,
          },
          items,
        );
        if (data.email && context) {
          await enqueueAufforderungMail(tx, getI18n().getFixedT(data.lang), data.email, {
            reference,
            code,
            link: aufforderungLink(context.publicUrl, context.tenant.slug, code),
            tenantName: context.tenant.name,
            items: items.map((i) => ({ number: i.position, description: i.description, dueDate: i.dueDate })),
            message: data.message,
            lang: data.lang,
          });
        }
        return row;
      });
      return { id: created.id, reference: created.reference, code };
    } catch (error) {
      if (isUniqueViolation(error) && attempt < 4) continue;
      throw error;
    }
  }
}

export interface AufforderungForCitizen {
  aufforderung: Mitwirkungsaufforderung;
  items: (MitwirkungItem & { uploads: Pick<Upload, 'reference' | 'receivedAt' | 'scanStatus'>[] })[];
  /** The canonical code, for links and hidden form fields. */
  code: string;
}

/** What the code opens; NotFoundError for an unknown or expired code (the same answer for both). */
export async function aufforderungForCode(tdb: TenantDb, typed: string, now: Date): Promise<AufforderungForCitizen> {
  const code = normalizeAccessCode(typed);
  const aufforderung = code ? await repo.aufforderungByCodeHash(tdb, hashToken(code), now) : undefined;
  if (!code || !aufforderung) throw new NotFoundError('unterlagen:errors.codeUnknown');
  const items = await repo.itemsOf(tdb, aufforderung.id);
  const uploads = await repo.uploadsForItems(
    tdb,
    items.map((i) => i.id),
  );
  return {
    aufforderung,
    code,
    items: items.map((item) => ({
      ...item,
      uploads: uploads.filter((u) => u.itemId === item.id && u.scanStatus !== 'infected'),
    })),
  };
}

/**
 * The letter PDF. The code is not stored, so whoever asks must present it (staff right after
 * creating the request); a wrong code gives NotFoundError.
 */
export async function aufforderungLetter(tdb: TenantDb, id: string, code: string, context: NoticeContext): Promise<{ reference: string; pdf: Buffer }> {
  const aufforderung = await repo.aufforderungById(tdb, id);
  const canonical = normalizeAccessCode(code);
  if (!aufforderung || !canonical || !safeEqual(hashToken(canonical), aufforderung.codeHash)) throw new NotFoundError();
  const items = await repo.itemsOf(tdb, id);
  const t = getI18n().getFixedT(aufforderung.lang);
  const pdf = await aufforderungLetterPdf(t, {
    tenant: { name: context.tenant.name, address: `${context.tenant.street}, ${context.tenant.postalCode} ${context.tenant.city}` },
    reference: aufforderung.reference,
    bgNummer: aufforderung.bgNummer,
    code: formatAccessCode(canonical),
    link: aufforderungLink(context.publicUrl, context.tenant.slug, canonical),
    message: aufforderung.message,
    items: items.map((i) => ({ number: i.position, description: i.description, documentType: i.documentType, dueDate: i.dueDate })),
    createdAt: aufforderung.createdAt,
    lang: aufforderung.lang,
  });
  return { reference: aufforderung.reference, pdf };
}
