// The admin import of the full KldB 2010 from the BA's download file: the upload becomes a stored preview (what was
// read, what was skipped), the tenant admin confirms it, and it replaces the tenant's list (audited). Without an
// import the curated list of berufe.ts is the occupations offered; with one, any 5-digit code of it can be chosen
// as a target occupation, and the curated entries keep their training data (ADR 0241).
import { recordAudit, type AuditAction } from '#shared/audit/index.js';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { ConflictError, NotFoundError } from '#shared/http/errors.js';
import type { AppDeps } from '#shared/module.js';
import type { StaffPrincipal } from '../staff/index.js';
import { berufByKldb } from './berufe.js';
import type { KldbEntry } from './berufe.tables.js';
import { parseKldbFile } from './kldb.import.js';
import * as kldb from './kldb.repository.js';

/** Largest accepted file: the full classification is about 1,300 occupations, far below this. */
export const MAX_KLDB_BYTES = 5 * 1024 * 1024;

const audit = (deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, action: AuditAction, objectId: string | null, purpose: string) =>
  recordAudit(tdb, { actorId: staff.userId, actorRoles: staff.roles, action, objectType: 'coaching_kldb', objectId, purpose, at: deps.clock.now() });

/** Reads the file and stores what was recognised as a preview; a file that cannot be used stores nothing. */
export async function previewKldb(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, file: { bytes: Buffer; name: string }): Promise<{ id: string } | { problem: string }> {
  const parsed = await parseKldbFile(file.bytes);
  if (parsed.problem) return { problem: parsed.problem };
  const row = await kldb.insertImport(tdb, { createdBy: staff.userId, fileName: file.name.slice(0, 200), rows: parsed.rows, skipped: parsed.skipped + parsed.duplicates, createdAt: deps.clock.now() });
  return { id: row.id };
}

export async function kldbPreview(tdb: TenantDb, id: string) {
  const found = await kldb.openImport(tdb, id);
  if (!found) throw new NotFoundError();
  return found;
}

/** Replaces the tenant's list with the preview's occupations, once; list and audit row in one transaction. */
export async function commitKldb(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, id: string): Promise<number> {
  const now = deps.clock.now();
  return tdb.transaction(async (tx) => {
    const found = await kldb.openImport(tx, id);
    if (!found) throw new NotFoundError();
    if (!(await kldb.markCommitted(tx, id, now))) throw new ConflictError('coaching:kldb.errors.committed');
    await kldb.replaceList(tx, found.rows, now);
    await audit(deps, tx, staff, 'coaching.kldb.import', id, `rows=${found.rows.length}`);
    return found.rows.length;
  });
}

export const kldbState = (tdb: TenantDb) => kldb.listState(tdb);

/** Titles of the given codes: the curated list's title first, else the imported one. */
export async function occupationTitles(tdb: TenantDb, codes: string[]): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  const missing: string[] = [];
  for (const code of codes) {
    const curated = berufByKldb(code);
    if (curated) titles.set(code, curated.title);
    else missing.push(code);
  }
  for (const row of await kldb.byCodes(tdb, missing)) titles.set(row.kldb, row.title);
  return titles;
}

/** An occupation the tenant offers: in the curated list or in its imported classification. */
export async function knownOccupation(tdb: TenantDb, code: string): Promise<KldbEntry | undefined> {
  const title = (await occupationTitles(tdb, [code])).get(code);
  return title ? { kldb: code, title } : undefined;
}
