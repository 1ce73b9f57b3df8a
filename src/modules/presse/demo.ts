// Demo data of the newsroom: the two press releases Neue Wege published in December 2020 (the coaching release is
// Lfd. Nr. 530 / 2020: the count continues from 530), and the labour-market figures they quote (Kreis Bergstraße
// October 2020 4,5 %, November 2020 4,1 %; Südhessen November 2020 5,0 %). All other months are fictitious demo
// values (source 'demo', marked as such on every page). Each release gets one picture drawn here with sharp from an
// SVG (shapes only, no external file, no rights of others). Idempotent: nothing is added once the 2020 count exists.
import { TenantDb } from '#shared/db/tenant-scope.js';
import type { AppDeps } from '#shared/module.js';
import type { Tenant } from '#shared/tenancy/index.js';
import { loadSharp } from '#shared/libraries.js';
import * as figures from './figures.repository.js';
import { defaultContact, shiftMonth } from './figures.service.js';
import * as repo from './release.repository.js';
import { releaseTexts } from './demo.texts.js';
import { prepareImage, type PreparedImage } from './media.js';
import { insertImage } from './media.repository.js';

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

/** The demo pictures: abstract shapes in the tenant's blue (960 × 540 px, so two widths are stored, quickly). */
const demoPictures = [
  {
    alt: 'Symbolbild: drei helle Kreise, von klein nach groß, auf einer blauen Fläche – wie Schritte nach oben.',
    shapes: '<circle cx="260" cy="380" r="60" fill="#ffffff" opacity="0.55"/><circle cx="480" cy="300" r="90" fill="#ffffff" opacity="0.7"/><circle cx="720" cy="200" r="120" fill="#ffd34d"/>',
    background: '#004b76',
  },
  {
    alt: 'Symbolbild: ein Weg aus hellen Rechtecken führt über eine grüne Fläche zu einem gelben Punkt am Horizont.',
    shapes: '<rect x="120" y="400" width="160" height="40" fill="#ffffff"/><rect x="330" y="340" width="160" height="40" fill="#ffffff"/><rect x="540" y="280" width="160" height="40" fill="#ffffff"/><circle cx="820" cy="150" r="70" fill="#ffd34d"/>',
    background: '#1d6b3a',
  },
];

async function drawPicture(background: string, shapes: string): Promise<PreparedImage> {
  const sharp = await loadSharp();
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="540"><rect width="960" height="540" fill="${background}"/>${shapes}</svg>`;
  const prepared = await prepareImage(await sharp(Buffer.from(svg)).png().toBuffer());
  if (!prepared.ok) throw new Error(`demo picture refused: ${prepared.reason}`);
  return prepared.image;
}

export async function seedPresse(deps: AppDeps, tenant: Tenant): Promise<void> {
  const tdb = new TenantDb(deps.database.db, tenant.id);
  if (tenant.slug !== 'neue-wege') return;
  if (await repo.counterOf(tdb, 2020)) return;
  const now = deps.clock.now();
  await figures.saveSettings(tdb, { dateline: 'Kreis Bergstraße (kb).', contact: defaultContact(tenant), districtRegion: '06431', comparisonRegion: 'suedhessen' }, now);
  await seedFigures(tdb, now);
  const pictures = await Promise.all(demoPictures.map((p) => drawPicture(p.background, p.shapes)));
  await tdb.transaction(async (tx) => {
    await repo.presetCounter(tx, 2020, 530);
    for (const [i, text] of releaseTexts.entries()) {
      const at = new Date(text.publishedAt);
      const draft = await repo.insertDraft(tx, demoAuthor, { title: text.title, subtitle: text.subtitle, dateline: 'Kreis Bergstraße (kb).', body: text.body, categories: text.categories, embargoUntil: null }, at);
      const number = await repo.takeNumber(tx, 2020);
      await repo.updateRelease(tx, draft.id, { status: 'published', approverId: demoApprover, approvedAt: at, visibleFrom: at, year: 2020, number, mailedAt: at, updatedAt: at });
      const picture = pictures[i % pictures.length]!;
      const { alt } = demoPictures[i % demoPictures.length]!;
      await insertImage(tx, draft.id, { alt, credit: 'Neue Wege (Symbolbild, für die Demo erzeugt)', caption: '', width: picture.width, height: picture.height, hash: picture.hash }, picture.variants, at);
    }
  });
}
