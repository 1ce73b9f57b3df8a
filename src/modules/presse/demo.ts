// Demo data of the newsroom: the two press releases Neue Wege published in December 2020 (the coaching release is
// Lfd. Nr. 530 / 2020: the count continues from 530), and the labour-market figures they quote (Kreis Bergstraße
// October 2020 4,5 %, November 2020 4,1 %; Südhessen November 2020 5,0 %). All other months are fictitious demo
// values (source 'demo', marked as such on every page). Idempotent: nothing is added once the 2020 count exists.
import { TenantDb } from '#shared/db/tenant-scope.js';
import type { AppDeps } from '#shared/module.js';
import type { Tenant } from '#shared/tenancy/index.js';
import * as figures from './figures.repository.js';
import { defaultContact, shiftMonth } from './figures.service.js';
import * as repo from './release.repository.js';
import { releaseTexts } from './demo.texts.js';

/** Fixed ids of the two demo authors (the press office and the approving head of office), not staff accounts. */
const demoAuthor = '00000000-0000-4000-8000-00000000a001';
const demoApprover = '00000000-0000-4000-8000-00000000a002';

/** Real values quoted by the seed release (tenths of a percent). */
const quoted: Record<string, Record<string, number>> = {
  '06431': { '2020-10': 45, '2020-11': 41 },
  suedhessen: { '2020-11': 50 },
};

/** A fictitious but plausible curve: low before spring 2020, a rise with the pandemic, easing in autumn. */
function demoRate(region: string, month: string): number {
  const base = region === '06431' ? 38 : 46;
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5)) - (2020 * 12 + 3);
  const bump = index < 0 ? 0 : index <= 4 ? index * 3 : Math.max(6, 12 - (index - 4) * 2);
  const season = [1, 2].includes(Number(month.slice(5))) ? 2 : 0;
  return base + bump + season;
}

async function seedFigures(tdb: TenantDb, now: Date): Promise<void> {
  const rows: figures.FigureValues[] = [];
  const regions = [
    { region: '06431', regionName: 'Kreis Bergstraße', labourForce: 145_000 },
    { region: 'suedhessen', regionName: 'Südhessen', labourForce: 610_000 },
  ];
  for (const { region, regionName, labourForce } of regions) {
    for (let i = 23; i >= 0; i--) {
      const month = shiftMonth('2020-11', -i);
      const real = quoted[region]?.[month];
      const rateTenths = real ?? demoRate(region, month);
      // The seed gives rates only; counts exist only for the fictitious months.
      const unemployed = real === undefined ? Math.round((labourForce * rateTenths) / 1000) : null;
      rows.push({
        region,
        regionName,
        month,
        rateTenths,
        unemployed,
        unemployedSgb2: unemployed === null ? null : Math.round(unemployed * 0.62),
        unemployedSgb3: unemployed === null ? null : unemployed - Math.round(unemployed * 0.62),
        source: real === undefined ? 'demo' : 'ba',
      });
    }
  }
  await figures.upsertFigures(tdb, rows, now);
}

export async function seedPresse(deps: AppDeps, tenant: Tenant): Promise<void> {
  const tdb = new TenantDb(deps.database.db, tenant.id);
  if (tenant.slug !== 'neue-wege') return;
  if (await repo.counterOf(tdb, 2020)) return;
  const now = deps.clock.now();
  await figures.saveSettings(tdb, { dateline: 'Kreis Bergstraße (kb).', contact: defaultContact(tenant), districtRegion: '06431', comparisonRegion: 'suedhessen' }, now);
  await seedFigures(tdb, now);
  await tdb.transaction(async (tx) => {
    await repo.presetCounter(tx, 2020, 530);
    for (const text of releaseTexts) {
      const at = new Date(text.publishedAt);
      const draft = await repo.insertDraft(tx, demoAuthor, { title: text.title, subtitle: text.subtitle, dateline: 'Kreis Bergstraße (kb).', body: text.body, categories: text.categories, embargoUntil: null }, at);
      const number = await repo.takeNumber(tx, 2020);
      await repo.updateRelease(tx, draft.id, { status: 'published', approverId: demoApprover, approvedAt: at, visibleFrom: at, year: 2020, number, mailedAt: at, updatedAt: at });
    }
  });
}
