// Demo data: the legal bases and local labour-market list for every tenant; in development one coach (the demo
// coach account) with eight fictitious participants in every phase. Idempotent.
import { eq } from 'drizzle-orm';
import { TenantDb } from '#shared/db/tenant-scope.js';
import type { AppDeps } from '#shared/module.js';
import type { Tenant } from '#shared/tenancy/index.js';
import { staffUserByEmail } from '../staff/index.js';
import * as repo from './coaching.repository.js';
import { coachingTeilnehmende, type Austrittsgrund, type Phase } from './coaching.tables.js';
import { consentText, CONSENT_VERSION } from './consent.js';
import { addMonths, berlinToday } from './rules.js';

export const demoRechtsgrundlagen = [
  { key: 'p16-45', label: '§ 16 Abs. 1 SGB II i. V. m. § 45 SGB III (Maßnahme zur Aktivierung und beruflichen Eingliederung)', sortOrder: 1 },
  { key: 'p16k', label: '§ 16k SGB II (Ganzheitliche Betreuung)', sortOrder: 2 },
  { key: 'p16e', label: '§ 16e SGB II (Eingliederung von Langzeitarbeitslosen, beschäftigungsbegleitendes Coaching)', sortOrder: 3 },
  { key: 'p16i', label: '§ 16i SGB II (Teilhabe am Arbeitsmarkt, beschäftigungsbegleitendes Coaching)', sortOrder: 4 },
];

const arbeitsmarkt = [
  { kldb: '81302', nachfrage: 'hoch' as const, offeneStellen: 142, note: 'Kliniken und Pflegedienste im Kreis suchen dauerhaft.' },
  { kldb: '82101', nachfrage: 'hoch' as const, offeneStellen: 88, note: null },
  { kldb: '51312', nachfrage: 'hoch' as const, offeneStellen: 64, note: 'Logistikzentren an der A5 (Lorsch, Bensheim).' },
  { kldb: '52122', nachfrage: 'hoch' as const, offeneStellen: 51, note: null },
  { kldb: '34202', nachfrage: 'hoch' as const, offeneStellen: 37, note: null },
  { kldb: '71402', nachfrage: 'mittel' as const, offeneStellen: 29, note: null },
  { kldb: '62102', nachfrage: 'mittel' as const, offeneStellen: 45, note: null },
  { kldb: '63302', nachfrage: 'mittel' as const, offeneStellen: 22, note: 'Saisonal stärker (Weinstraße).' },
  { kldb: '54101', nachfrage: 'gering' as const, offeneStellen: 12, note: null },
];

/** Legal bases and labour market for every tenant (they are the tenant's lists, editable later). */
export async function seedCoaching(deps: AppDeps, tenant: Tenant): Promise<void> {
  const tdb = new TenantDb(deps.database.db, tenant.id);
  const existing = new Set((await repo.allRechtsgrundlagen(tdb)).map((r) => r.key));
  for (const r of demoRechtsgrundlagen) if (!existing.has(r.key)) await repo.insertRechtsgrundlage(tdb, r);
  for (const a of arbeitsmarkt) await repo.upsertArbeitsmarkt(tdb, a);
  if (deps.config.env !== 'development' || tenant.slug !== 'neue-wege') return;
  const coach = await staffUserByEmail(tdb, 'coach@demo.invalid');
  if (coach) await seedDemoParticipants(deps, tdb, coach.id);
}

interface DemoPerson {
  given: string;
  family: string;
  birth: string;
  phase: Phase;
  languages: { name: string; level: string }[];
  basis: string;
  startMonthsAgo: number;
  nextContactDays: number | null;
  exit?: { reason: Austrittsgrund; monthsAgo: number };
  mailLanguage?: 'de' | 'en';
}

const people: DemoPerson[] = [
  { given: 'Leyla', family: 'Demir', birth: '1988-04-12', phase: 'aufnahme', languages: [{ name: 'Türkisch', level: 'muttersprache' }, { name: 'Deutsch', level: 'B2' }], basis: 'p16k', startMonthsAgo: 0, nextContactDays: 3 },
  { given: 'Jonas', family: 'Weber', birth: '1979-11-02', phase: 'analyse', languages: [{ name: 'Deutsch', level: 'muttersprache' }], basis: 'p16-45', startMonthsAgo: 1, nextContactDays: -4 },
  { given: 'Amina', family: 'Haddad', birth: '1992-07-23', phase: 'plan', languages: [{ name: 'Arabisch', level: 'muttersprache' }, { name: 'Deutsch', level: 'B1' }, { name: 'Englisch', level: 'B2' }], basis: 'p16-45', startMonthsAgo: 3, nextContactDays: 7 },
  { given: 'Marek', family: 'Nowak', birth: '1985-01-30', phase: 'pruefung', languages: [{ name: 'Polnisch', level: 'muttersprache' }, { name: 'Deutsch', level: 'B2' }], basis: 'p16-45', startMonthsAgo: 8, nextContactDays: 2 },
  { given: 'Sabine', family: 'Keller', birth: '1971-09-15', phase: 'arbeitsaufnahme', languages: [{ name: 'Deutsch', level: 'muttersprache' }], basis: 'p16k', startMonthsAgo: 10, nextContactDays: -1 },
  {
    given: 'Daniel', family: 'Schröder', birth: '1983-03-08', phase: 'nachbetreuung', languages: [{ name: 'Deutsch', level: 'muttersprache' }], basis: 'p16e', startMonthsAgo: 12, nextContactDays: 14,
    exit: { reason: 'svBeschaeftigung', monthsAgo: 2 },
  },
  { given: 'Olena', family: 'Kovalenko', birth: '1990-12-01', phase: 'nachbetreuung', languages: [{ name: 'Ukrainisch', level: 'muttersprache' }, { name: 'Deutsch', level: 'A2' }], basis: 'p16k', startMonthsAgo: 9, nextContactDays: 21, exit: { reason: 'ausbildung', monthsAgo: 1 }, mailLanguage: 'en' },
  { given: 'Thomas', family: 'Becker', birth: '1968-06-19', phase: 'beendet', languages: [{ name: 'Deutsch', level: 'muttersprache' }], basis: 'p16-45', startMonthsAgo: 14, nextContactDays: null, exit: { reason: 'umzug', monthsAgo: 3 } },
];

/** Eight fictitious participants for one coach (development demo and browser tests). Skips when the coach has some. */
export async function seedDemoParticipants(deps: AppDeps, tdb: TenantDb, coachId: string): Promise<void> {
  if ((await tdb.select(coachingTeilnehmende, eq(coachingTeilnehmende.coachId, coachId))).length > 0) return;
  const today = berlinToday(deps.clock.now());
  const bases = new Map((await repo.allRechtsgrundlagen(tdb)).map((r) => [r.key, r.id]));
  await tdb.transaction(async (tx) => {
    for (const p of people) {
      const startOn = addMonths(today, -p.startMonthsAgo);
      const exitOn = p.exit ? addMonths(today, -p.exit.monthsAgo) : null;
      const tn = await repo.insertTeilnehmende(tx, {
        givenName: p.given,
        familyName: p.family,
        birthDate: p.birth,
        email: `${p.given.toLowerCase()}.${p.family.toLowerCase().replace('ö', 'oe')}@example.org`,
        phone: null,
        languages: p.languages,
        mailLanguage: p.mailLanguage ?? 'de',
        bgNummer: null,
        rechtsgrundlageId: bases.get(p.basis)!,
        startOn,
        coachId,
        source: 'caseworker',
        referredBy: null,
        consentVersion: CONSENT_VERSION,
        consentText: consentText('de'),
        consentGivenOn: startOn,
        phase: p.phase,
        nextContactOn: p.nextContactDays === null ? null : addDays(today, p.nextContactDays),
        exitReason: p.exit?.reason ?? null,
        exitOn,
        beschaeftigung: p.exit?.reason === 'svBeschaeftigung' ? { startOn: exitOn!, hoursPerWeek: 35, sector: 'Logistik', wageBand: '2000bis3000' } : null,
      });
      if (p.phase === 'aufnahme') continue;
      for (const [bereich, text] of [
        ['persoenlich', 'Zuverlässig, kommt pünktlich, bleibt dran, wenn es schwierig wird.'],
        ['sozial', 'Arbeitet gern im Team, hat jahrelang die Mutter gepflegt.'],
        ['fachlich', 'Staplerschein (2019), Erfahrung in Kommissionierung und Wareneingang.'],
        ['methodisch', 'Plant Wochen mit Kalender; nutzt Smartphone sicher.'],
        ['rahmen', 'Kinderbetreuung bis 14 Uhr gesichert; Führerschein Klasse B, kein Auto, Bus nach Bensheim.'],
      ] as const) {
        await repo.insertPotenzial(tx, { teilnehmendeId: tn.id, bereich, text, anerkennung: null, dqr: null });
      }
      await repo.addZielberuf(tx, tn.id, '51312');
      if (p.phase === 'analyse') continue;
      const a1 = await repo.insertAktivitaet(tx, { teilnehmendeId: tn.id, typ: 'kurs', title: 'Teilqualifikation Lagerlogistik, Modul 1 (Bildungsgutschein)', wer: 'beide', dueOn: addDays(today, 30), status: 'laeuft', wartetAuf: 'niemand' });
      const a2 = await repo.insertAktivitaet(tx, { teilnehmendeId: tn.id, typ: 'bewerbung', title: 'Drei Bewerbungen an Logistikzentren in Lorsch', wer: 'teilnehmende', dueOn: addDays(today, 14), status: 'geplant', wartetAuf: 'teilnehmende' });
      await repo.insertNachricht(tx, { aktivitaetId: a2.id, author: 'coach', authorId: coachId, text: 'Ich habe Ihnen drei Stellenanzeigen herausgesucht. Welche spricht Sie an?', createdAt: deps.clock.now() });
      await repo.insertPlan(tx, {
        teilnehmendeId: tn.id,
        version: 1,
        ziele: 'Sozialversicherungspflichtige Arbeit in der Lagerlogistik, Schritt für Schritt über Teilqualifikationen zum Berufsabschluss.',
        schritte: [a1, a2].map((a) => ({ aktivitaetId: a.id, typ: a.typ, title: a.title, wer: a.wer, dueOn: a.dueOn })),
        reviewOn: addMonths(startOn, 6),
        createdBy: coachId,
      });
      if (p.phase === 'pruefung') await repo.insertAktivitaet(tx, { teilnehmendeId: tn.id, typ: 'pruefungsvorbereitung', title: 'Prüfungsangst: Übungsprüfung mit der IHK-Checkliste', wer: 'beide', dueOn: addDays(today, 10), status: 'geplant', wartetAuf: 'coach' });
      await repo.insertKontakt(tx, { teilnehmendeId: tn.id, kanal: 'persoenlich', contactOn: addDays(today, -10), summary: 'Gespräch über Ziele und Rahmenbedingungen.', coachId });
    }
  });
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
