// Figures into the database: an uploaded workbook becomes a stored preview (what was recognised, what not), which
// the press office confirms; or one region's month typed into the manual form. Both audited; both replace the
// region's month if it exists (a later file corrects an earlier one).
import { recordAudit, type AuditActionAfter } from '#shared/audit/index.js';
import { ConflictError, NotFoundError } from '#shared/http/errors.js';
import type { Tenant } from '#shared/tenancy/index.js';
import * as repo from './figures.repository.js';
import { settingsOf, type Settings } from './figures.service.js';
import type { FileProblem } from '#shared/html/file-upload.js';
import { parseWorkbook } from './figures.xlsx.js';
import type { ImportedRow } from './presse.tables.js';
import type { Actor, PresseContext } from './release.service.js';

const audit = (ctx: PresseContext, actor: Actor, action: AuditActionAfter<'presse.figures.'>, objectId: string | null, purpose: string, at: Date) =>
  recordAudit(ctx.tdb, { actorId: actor.userId, actorRoles: actor.roles, action: `presse.figures.${action}`, objectType: 'labour_market_figures', objectId, purpose, at });

/** Parses the workbook and stores what was recognised as a preview; with problems nothing is stored. */
export async function previewWorkbook(ctx: PresseContext, actor: Actor, bytes: Buffer): Promise<{ id: string } | { problems: FileProblem[] }> {
  const parsed = await parseWorkbook(bytes);
  if (parsed.problems.length > 0) return { problems: parsed.problems };
  if (parsed.rows.length === 0 || !parsed.month) return { problems: [{ message: 'presse:import.errors.noRateRow' }] };
  const now = ctx.deps.clock.now();
  const row = await repo.insertImport(ctx.tdb, { createdBy: actor.userId, month: parsed.month, rows: parsed.rows, unrecognised: parsed.unrecognised }, now);
  return { id: row.id };
}

export async function importPreview(ctx: PresseContext, id: string) {
  const found = await repo.openImport(ctx.tdb, id);
  if (!found) throw new NotFoundError();
  return found;
}

/** Commits a preview once (a second click, or a stale tab, is a conflict); figures and audit row together. */
export async function commitImport(ctx: PresseContext, actor: Actor, id: string): Promise<string> {
  const now = ctx.deps.clock.now();
  return ctx.tdb.transaction(async (tx) => {
    const found = await repo.openImport(tx, id);
    if (!found) throw new NotFoundError();
    if (!(await repo.markCommitted(tx, id, now))) throw new ConflictError('presse:import.errors.committed');
    await repo.upsertFigures(tx, found.rows.map((r) => ({ ...r, source: 'ba' as const })), now);
    await audit({ ...ctx, tdb: tx }, actor, 'import', id, `${found.month}:${found.rows.length}`, now);
    return found.month;
  });
}

/** One region's month from the manual form (months without a file). */
export async function saveManual(ctx: PresseContext, actor: Actor, row: ImportedRow): Promise<void> {
  const now = ctx.deps.clock.now();
  await ctx.tdb.transaction(async (tx) => {
    await repo.upsertFigures(tx, [{ ...row, source: 'manual' }], now);
    await audit({ ...ctx, tdb: tx }, actor, 'manual', null, `${row.region}:${row.month}`, now);
  });
}

const knownRegions: Record<string, string> = { '06': 'Hessen', DG: 'Deutschland', suedhessen: 'Südhessen' };

/** The regions the manual form offers: the tenant's district and comparison region, the Land and Deutschland. */
export async function regionChoices(ctx: PresseContext, tenant: Tenant): Promise<{ value: string; label: string; name: string }[]> {
  const settings = await settingsOf(ctx.tdb, tenant);
  const codes = [...new Set([settings.districtRegion, settings.comparisonRegion, '06', 'DG'])];
  const stored = await repo.regionNames(ctx.tdb, codes);
  return codes.map((code) => {
    const name = stored.get(code) ?? knownRegions[code] ?? code;
    return { value: code, name, label: /^\d+$/.test(code) ? `${name} (${code})` : name };
  });
}

/** The press office's settings (dateline, contact block, regions of the figures page); audited. */
export async function saveSettings(ctx: PresseContext, actor: Actor, values: Settings): Promise<void> {
  const now = ctx.deps.clock.now();
  await ctx.tdb.transaction(async (tx) => {
    await repo.saveSettings(tx, values, now);
    await recordAudit(tx, { actorId: actor.userId, actorRoles: actor.roles, action: 'presse.settings.update', objectType: 'press_settings', objectId: null, at: now });
  });
}
