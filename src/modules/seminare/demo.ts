// Demo data: a year's catalogue of 15 seminars in six categories with sessions — some full with a waitlist,
// some past with attendance and certificates. Idempotent (skipped when the categories exist).
import { TenantDb } from '#shared/db/tenant-scope.js';
import type { AppDeps } from '#shared/module.js';
import type { Tenant } from '#shared/tenancy/index.js';
import { staffContacts } from '../staff/index.js';
import { issueCertificates } from './certificates.service.js';
import * as attendanceRepository from './attendance.repository.js';
import * as catalogueRepository from './catalogue.repository.js';
import * as enrolmentsRepository from './enrolments.repository.js';
import * as sessionsRepository from './sessions.repository.js';

const DAY = 86_400_000;
const categories = ['Digitale Kompetenz', 'Beratungskompetenz', 'Recht SGB II', 'Führung', 'Gesundheit', 'Datenschutz'];
const catalogue: [string, number, number, string][] = [
  ['Datenschutz im Jobcenter (Pflichtschulung)', 5, 4, 'Was DSGVO, SGB X und § 35 SGB I im Alltag verlangen; Auskunft, Löschung, Datenpannen.'],
  ['Sicher im Netz: Phishing erkennen', 0, 2, 'Gefährliche E-Mails und Anrufe erkennen und melden.'],
  ['E-Akte effizient nutzen', 0, 4, 'Suchen, Vermerke, Wiedervorlagen: die E-Akte im Arbeitsalltag.'],
  ['Digitale Kompetenz für Führungskräfte', 0, 8, 'Digitale Zusammenarbeit führen, hybride Teams, Werkzeuge.'],
  ['Motivierende Gesprächsführung', 1, 16, 'Grundlagen des Motivational Interviewing für die Beratung (zwei Tage).'],
  ['Interkulturelle Beratung', 1, 8, 'Beratung mit Dolmetschenden, kulturelle Missverständnisse vermeiden.'],
  ['Deeskalation am Servicepoint', 1, 8, 'Schwierige Situationen erkennen und entschärfen.'],
  ['Bürgergeld: Neuerungen im SGB II', 2, 4, 'Aktuelle Änderungen der Leistungen und ihre Umsetzung.'],
  ['Kosten der Unterkunft (§ 22 SGB II)', 2, 8, 'Angemessenheit, Karenzzeit, Heizkosten.'],
  ['Sanktionen und Leistungsminderungen rechtssicher', 2, 4, 'Leistungsminderungen nach §§ 31 ff. SGB II und die Rechtsprechung.'],
  ['Führen in Veränderung', 3, 16, 'Teams durch Veränderungen führen (zwei Tage).'],
  ['Mitarbeitergespräche führen', 3, 8, 'Jahresgespräch, Zielvereinbarung, Feedback.'],
  ['Gesund bleiben im Kundenkontakt', 4, 4, 'Resilienz und Stressbewältigung.'],
  ['Ergonomie am Bildschirmarbeitsplatz', 4, 2, 'Arbeitsplatz einrichten, Pausen, Bewegung.'],
  ['Datenschutz für Führungskräfte', 5, 4, 'Verantwortung, Auftragsverarbeitung, Umgang mit Auskunftsersuchen.'],
];

export async function seedSeminareDemo(deps: AppDeps, tenant: Tenant): Promise<void> {
  if (deps.config.env !== 'development') return;
  const tdb = new TenantDb(deps.database.db, tenant.id);
  if ((await catalogueRepository.categories(tdb)).length) return;
  const cats = [];
  for (const name of categories) cats.push(await catalogueRepository.insertCategory(tdb, name));
  const staff = (await staffContacts(tdb)).filter((s) => s.active);
  const trainer = staff.find((s) => s.roles.includes('trainer'));
  const office = staff.find((s) => s.roles.includes('personalentwicklung'));
  const now = deps.clock.now();
  const at = (days: number, hour: number) => new Date(Math.floor(now.getTime() / DAY) * DAY + days * DAY + (hour - 1) * 3_600_000);
  for (const [i, [title, cat, ue, description]] of catalogue.entries()) {
    const seminar = await catalogueRepository.insertSeminar(tdb, {
      title,
      description,
      categoryId: cats[cat]!.id,
      ue,
      trainerUserId: i % 3 === 0 ? (trainer?.id ?? null) : null,
      externalTrainer: i % 3 === 0 ? null : 'Bildungswerk Bergstraße',
      feeCents: i % 3 === 0 ? 0 : 18_000,
      prerequisites: i === 3 || i === 10 ? 'Führungsverantwortung' : '',
      mandatoryForRoles: i === 0 ? ['mitarbeitende', 'servicepoint', 'sachbearbeitung', 'coach', 'teamleitung'] : [],
      validityMonths: i === 0 ? 24 : null,
      attendanceThresholdPercent: 80,
    });
    // Every third seminar has a past session with attendance; the others a future one, every fourth full.
    const past = i % 3 === 0;
    const offset = past ? -30 - i : 14 + i * 7;
    const twoDays = ue >= 16;
    const days = [{ startsAt: at(offset, 9), endsAt: at(offset, twoDays ? 16 : ue >= 8 ? 16 : 12) }];
    if (twoDays) days.push({ startsAt: at(offset + 1, 9), endsAt: at(offset + 1, 16) });
    const seats = i % 4 === 1 ? 2 : 12;
    const session = await sessionsRepository.insert(tdb, {
      seminarId: seminar.id,
      room: i % 5 === 2 ? null : `Raum ${1 + (i % 3)}.${10 + i}`,
      onlineUrl: i % 5 === 2 ? 'https://konferenz.neue-wege.example/seminar' : null,
      seats,
      minParticipants: 4,
      enrolmentDeadline: at(offset - 7, 12),
      cancellationDeadline: at(offset - 3, 12),
    });
    const created = await sessionsRepository.insertDays(tdb, session.id, days);
    const people = staff.filter((s) => s.id !== trainer?.id).slice(0, seats === 2 ? 4 : 5);
    for (const [n, p] of people.entries()) {
      const seat = n < seats ? n + 1 : null;
      const e = await enrolmentsRepository.insert(tdb, { sessionId: session.id, userId: p.id, status: seat ? 'confirmed' : 'waitlisted', seatNo: seat, requestedAt: new Date(now.getTime() - (60 - n) * DAY), updatedAt: now });
      if (past && seat) for (const d of created) await attendanceRepository.record(tdb, { dayId: d.id, enrolmentId: e.id, percent: n === 1 ? 50 : 100, recordedBy: 'Demo', recordedAt: now });
    }
    if (past && office) await issueCertificates({ deps, tdb, tenant }, { userId: office.id, roles: office.roles }, session.id);
  }
}
