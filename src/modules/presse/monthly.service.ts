// The monthly labour-market release: one click turns the newest figures into a draft (numbers, changes and the
// comparison filled in, the chart embedded); the press office then writes the quotes and sends it through approval.
import type { Tenant } from '#shared/tenancy/index.js';
import { ConflictError } from '#shared/http/errors.js';
import { keyFigures, monthlyDraft, settingsOf } from './figures.service.js';
import * as figures from './figures.repository.js';
import type { PressRelease } from './presse.tables.js';
import { createDraft, type Actor, type PresseContext } from './release.service.js';

export async function createMonthlyDraft(ctx: PresseContext, actor: Actor, tenant: Tenant): Promise<PressRelease> {
  const settings = await settingsOf(ctx.tdb, tenant);
  const key = await keyFigures(ctx.tdb, settings);
  if (!key) throw new ConflictError('presse:errors.noFigures');
  const names = {
    district: key.district.regionName,
    comparison: key.comparison?.regionName ?? (await figures.regionName(ctx.tdb, settings.comparisonRegion)) ?? settings.comparisonRegion,
  };
  const text = monthlyDraft(key, names);
  return createDraft(ctx, actor, { ...text, dateline: settings.dateline, categories: ['Arbeitsmarkt'], embargoUntil: null });
}
