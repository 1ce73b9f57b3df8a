// Use cases of the coach and the referring caseworker: intake, caseload, the dossier (with its restricted section),
// Potenzialanalyse, plan and activities, contact log and exit. Who may see what is decided here (accessTo).
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { ForbiddenError, NotFoundError, ValidationError } from '#shared/http/errors.js';
import type { AppDeps } from '#shared/module.js';
import { recordAudit, type AuditAction } from '#shared/audit/index.js';
import { hasPermission, type StaffPrincipal } from '../staff/index.js';
import { kldbState, knownOccupation, occupationTitles } from './kldb.service.js';
import * as repo from './coaching.repository.js';
import { trackOf, type ExamTrack } from './pruefung.repository.js';
import type { Aktivitaet, Nachricht, Phase, Plan, PotenzialEintrag, Rechtsgrundlage, Teilnehmende, VertraulicheNotiz } from './coaching.tables.js';
import { consentText, CONSENT_VERSION } from './consent.js';
import { berlinToday, followUpUntil, isOverdue, planReviewOn, sustainabilityCheckOn } from './rules.js';
import type { z } from 'zod';
import type { aktivitaetForm, aktivitaetUpdateForm, austrittForm, IntakeInput, kontaktForm, planForm, potenzialForm, vertraulichForm } from './coaching.schemas.js';
import { teamCoachIds } from './team.js';

const OBJECT = 'coaching_teilnehmende';

/** How a staff member reaches a participant: as the assigned coach, as team lead, or as the referring caseworker. */
export type Zugang = 'coach' | 'team' | 'caseworker';

function audit(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, action: AuditAction, objectId: string | null, purpose?: string) {
  return recordAudit(tdb, { actorId: staff.userId, actorRoles: staff.roles, action, objectType: OBJECT, objectId, purpose, at: deps.clock.now() });
}

/** Decides the access of `staff` to one participant; a stranger gets 404 (no hint that the person exists). */
export async function accessTo(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, id: string): Promise<{ tn: Teilnehmende; zugang: Zugang }> {
  const tn = await repo.teilnehmendeById(tdb, id);
  if (!tn) throw new NotFoundError();
  if (tn.coachId === staff.userId && hasPermission(deps, staff.roles, 'coaching.caseload')) return { tn, zugang: 'coach' };
  if (hasPermission(deps, staff.roles, 'coaching.team') && (await teamCoachIds(tdb, staff.userId)).includes(tn.coachId)) return { tn, zugang: 'team' };
  if (tn.referredBy === staff.userId && hasPermission(deps, staff.roles, 'coaching.refer')) return { tn, zugang: 'caseworker' };
  throw new NotFoundError();
}

async function asCoach(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, id: string): Promise<Teilnehmende> {
  const { tn, zugang } = await accessTo(deps, tdb, staff, id);
  if (zugang !== 'coach') throw new ForbiddenError();
  return tn;
}

/** Coaches of the tenant (for the intake form) and the legal bases the tenant offers. */
export async function intakeOptions(deps: AppDeps, tdb: TenantDb, coaches: { id: string; displayName: string }[]) {
  return { rechtsgrundlagen: await repo.activeRechtsgrundlagen(tdb), coaches, consentVersion: CONSENT_VERSION, today: berlinToday(deps.clock.now()) };
}

/** Intake by a coach or referral by a caseworker; the consent text is stored as it was shown (in `lang`, the form's language). */
export async function aufnehmen(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, input: IntakeInput, coachIds: string[], lang: string): Promise<Teilnehmende> {
  if (!(await repo.rechtsgrundlageById(tdb, input.rechtsgrundlageId))) throw new ValidationError([{ field: 'rechtsgrundlageId', message: 'common:validation.choice' }]);
  if (!coachIds.includes(input.coachId)) throw new ValidationError([{ field: 'coachId', message: 'common:validation.choice' }]);
  const isCoach = hasPermission(deps, staff.roles, 'coaching.caseload') && input.coachId === staff.userId;
  return tdb.transaction(async (tx) => {
    const tn = await repo.insertTeilnehmende(tx, {
      givenName: input.givenName,
      familyName: input.familyName,
      birthDate: input.birthDate,
      email: input.email ?? null,
      phone: input.phone ?? null,
      languages: input.languages,
      mailLanguage: input.mailLanguage,
      bgNummer: input.bgNummer ?? null,
      rechtsgrundlageId: input.rechtsgrundlageId,
      startOn: input.startOn,
      coachId: input.coachId,
      source: isCoach ? 'coach' : 'caseworker',
      referredBy: isCoach ? null : staff.userId,
      consentVersion: CONSENT_VERSION,
      consentText: consentText(lang),
      consentGivenOn: berlinToday(deps.clock.now()),
      phase: 'aufnahme',
      nextContactOn: input.startOn,
    });
    await audit(deps, tx, staff, isCoach ? 'coaching.intake' : 'coaching.referral', tn.id);
    return tn;
  });
}

export interface CaseloadRow {
  id: string;
  name: string;
  phase: Phase;
  nextContactOn: string | null;
  overdue: boolean;
  openActivities: number;
  waitingForCoach: number;
  coachId: string;
}

/** The coach's own caseload, and with `team` the caseload of the team the person leads. Overdue first. */
export async function caseload(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, scope: 'own' | 'team'): Promise<{ rows: CaseloadRow[]; today: string }> {
  const coachIds = scope === 'team' ? await teamCoachIds(tdb, staff.userId) : [staff.userId];
  if (scope === 'team' && !hasPermission(deps, staff.roles, 'coaching.team')) throw new ForbiddenError();
  const today = berlinToday(deps.clock.now());
  const people = await repo.teilnehmendeOfCoaches(tdb, coachIds);
  const counts = await repo.aktivitaetenCounts(tdb, people.map((tn) => tn.id));
  const rows: CaseloadRow[] = people.map((tn) => ({
    id: tn.id,
    name: `${tn.familyName}, ${tn.givenName}`,
    phase: tn.phase,
    nextContactOn: tn.nextContactOn,
    overdue: isOverdue(tn, today),
    openActivities: counts.get(tn.id)?.open ?? 0,
    waitingForCoach: counts.get(tn.id)?.waitingForCoach ?? 0,
    coachId: tn.coachId,
  }));
  rows.sort((a, b) => Number(b.overdue) - Number(a.overdue) || Number(a.phase === 'beendet') - Number(b.phase === 'beendet'));
  await audit(deps, tdb, staff, scope === 'team' ? 'coaching.caseload.team' : 'coaching.caseload', null, `rows=${rows.length}`);
  return { rows, today };
}

export interface Dossier {
  tn: Teilnehmende;
  zugang: Zugang;
  rechtsgrundlage: Rechtsgrundlage | undefined;
  potenzial: PotenzialEintrag[];
  zielberufe: string[];
  /** Titles of the target occupations (curated list, else the tenant's imported KldB). */
  berufTitel: Map<string, string>;
  /** How many occupations the tenant's imported KldB 2010 has (0: the curated list only). */
  kldbImportiert: number;
  aktivitaeten: Aktivitaet[];
  nachrichten: Nachricht[];
  plan: Plan | undefined;
  kontakte: Awaited<ReturnType<typeof repo.kontakteOf>>;
  today: string;
  followUpUntil: string | null;
  sustainabilityCheckOn: string | null;
  activeLink: boolean;
  /** Local demand for the target occupations, as the tenant maintains it. */
  arbeitsmarkt: Awaited<ReturnType<typeof repo.arbeitsmarktForCodes>>;
  /** Exam track, Bildungsgutscheine and booked appointments (not for the caseworker). */
  track: ExamTrack | undefined;
}

/**
 * A participant's page. The caseworker sees the status and the agreed plan only (no analysis, no dialogue,
 * no contact log); the restricted section is never part of it (see restrictedNotes).
 */
export async function dossier(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, id: string): Promise<Dossier> {
  const { tn, zugang } = await accessTo(deps, tdb, staff, id);
  const full = zugang !== 'caseworker';
  const rechtsgrundlage = await repo.rechtsgrundlageById(tdb, tn.rechtsgrundlageId);
  const plan = await repo.latestPlan(tdb, tn.id);
  const aktivitaeten = full ? await repo.aktivitaetenOf(tdb, tn.id) : [];
  const jobStart = tn.beschaeftigung?.startOn ?? null;
  const zielberufe = (await repo.zielberufeOf(tdb, tn.id)).map((z) => z.kldb);
  await audit(deps, tdb, staff, 'coaching.view', tn.id, zugang);
  return {
    tn,
    zugang,
    rechtsgrundlage,
    potenzial: full ? await repo.potenzialOf(tdb, tn.id) : [],
    zielberufe,
    berufTitel: await occupationTitles(tdb, zielberufe),
    kldbImportiert: full ? (await kldbState(tdb)).count : 0,
    arbeitsmarkt: full ? await repo.arbeitsmarktForCodes(tdb, zielberufe) : [],
    aktivitaeten,
    nachrichten: full ? await repo.nachrichtenOfActivities(tdb, aktivitaeten.map((a) => a.id)) : [],
    plan: full || plan?.agreedAt ? plan : undefined,
    kontakte: full ? await repo.kontakteOf(tdb, tn.id) : [],
    today: berlinToday(deps.clock.now()),
    followUpUntil: jobStart && rechtsgrundlage ? followUpUntil(jobStart, rechtsgrundlage.key) : null,
    sustainabilityCheckOn: jobStart ? sustainabilityCheckOn(jobStart) : null,
    activeLink: full ? (await repo.activeLinks(tdb, tn.id, deps.clock.now())).length > 0 : false,
    track: full ? await trackOf(tdb, tn.id) : undefined,
  };
}

/** The restricted section (Art. 9 DSGVO): only the assigned coach, and every read is audited. */
export async function restrictedNotes(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, id: string): Promise<VertraulicheNotiz[]> {
  const tn = await asCoach(deps, tdb, staff, id);
  return tdb.transaction(async (tx) => {
    await audit(deps, tx, staff, 'coaching.vertraulich.read', tn.id);
    return repo.vertraulichOf(tx, tn.id);
  });
}

export async function addRestrictedNote(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, id: string, input: z.output<typeof vertraulichForm>) {
  const tn = await asCoach(deps, tdb, staff, id);
  await tdb.transaction(async (tx) => {
    const note = await repo.insertVertraulich(tx, { teilnehmendeId: tn.id, kategorie: input.kategorie, text: input.text, createdBy: staff.userId });
    await audit(deps, tx, staff, 'coaching.vertraulich.write', tn.id, `note=${note.id}`);
  });
}

export async function setShareConsent(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, id: string, noteId: string, consent: boolean) {
  const tn = await asCoach(deps, tdb, staff, id);
  await tdb.transaction(async (tx) => {
    const [note] = await repo.setShareConsent(tx, tn.id, noteId, consent);
    if (!note) throw new NotFoundError();
    await audit(deps, tx, staff, 'coaching.vertraulich.consent', tn.id, `note=${noteId};share=${consent}`);
  });
}

/** Everything below changes the coaching of one participant: the assigned coach only, audited in one transaction. */
export async function change<R>(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, id: string, action: AuditAction, fn: (tx: TenantDb, tn: Teilnehmende) => Promise<R>): Promise<R> {
  const tn = await asCoach(deps, tdb, staff, id);
  return tdb.transaction(async (tx) => {
    const result = await fn(tx, tn);
    await audit(deps, tx, staff, action, tn.id);
    return result;
  });
}

export const advance = (tx: TenantDb, tn: Teilnehmende, to: Phase) => {
  const order: Phase[] = ['aufnahme', 'analyse', 'plan', 'pruefung', 'arbeitsaufnahme', 'nachbetreuung', 'beendet'];
  return order.indexOf(tn.phase) < order.indexOf(to) ? repo.updateTeilnehmende(tx, tn.id, { phase: to }) : Promise.resolve([]);
};

export const addPotenzial = (deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, id: string, input: z.output<typeof potenzialForm>) =>
  change(deps, tdb, staff, id, 'coaching.potenzial.write', async (tx, tn) => {
    await repo.insertPotenzial(tx, {
      teilnehmendeId: tn.id,
      bereich: input.bereich,
      text: input.text,
      anerkennung: input.bereich === 'abschluss' ? (input.anerkennung ?? 'nichtBegonnen') : null,
      dqr: input.dqr ?? null,
    });
    await advance(tx, tn, 'analyse');
  });

/** A target occupation from the curated list or, where the tenant imported it, the full KldB 2010. */
export const addZielberuf = async (deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, id: string, kldb: string) => {
  if (!(await knownOccupation(tdb, kldb))) throw new ValidationError([{ field: 'kldb', message: 'coaching:errors.kldb' }]);
  return change(deps, tdb, staff, id, 'coaching.zielberuf.write', (tx, tn) => repo.addZielberuf(tx, tn.id, kldb));
};

export const addAktivitaet = (deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, id: string, input: z.output<typeof aktivitaetForm>) =>
  change(deps, tdb, staff, id, 'coaching.aktivitaet.write', async (tx, tn) => {
    await repo.insertAktivitaet(tx, { teilnehmendeId: tn.id, typ: input.typ, title: input.title, wer: input.wer, dueOn: input.dueOn ?? null });
    await advance(tx, tn, input.typ === 'pruefungsvorbereitung' ? 'pruefung' : 'plan');
  });

export const updateAktivitaet = (deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, id: string, aktivitaetId: string, input: z.output<typeof aktivitaetUpdateForm>) =>
  change(deps, tdb, staff, id, 'coaching.aktivitaet.write', async (tx, tn) => {
    const [row] = await repo.updateAktivitaet(tx, tn.id, aktivitaetId, input);
    if (!row) throw new NotFoundError();
  });

export const coachMessage = (deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, id: string, aktivitaetId: string, text: string) =>
  change(deps, tdb, staff, id, 'coaching.nachricht.write', async (tx, tn) => {
    if (!(await repo.aktivitaetById(tx, tn.id, aktivitaetId))) throw new NotFoundError();
    await repo.insertNachricht(tx, { aktivitaetId, author: 'coach', authorId: staff.userId, text, createdAt: deps.clock.now() });
    await repo.updateAktivitaet(tx, tn.id, aktivitaetId, { wartetAuf: 'teilnehmende' });
  });

/** A new version of the Kooperationsplan: the goals and the open steps as they stand now. */
export const makePlan = (deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, id: string, input: z.output<typeof planForm>) =>
  change(deps, tdb, staff, id, 'coaching.plan.write', async (tx, tn) => {
    const steps = (await repo.aktivitaetenOf(tx, tn.id)).filter((a) => a.status !== 'abgebrochen');
    const today = berlinToday(deps.clock.now());
    await repo.insertPlan(tx, {
      teilnehmendeId: tn.id,
      version: await repo.nextPlanVersion(tx, tn.id),
      ziele: input.ziele,
      schritte: steps.map((a) => ({ aktivitaetId: a.id, typ: a.typ, title: a.title, wer: a.wer, dueOn: a.dueOn })),
      reviewOn: planReviewOn(today, input.reviewOn),
      createdBy: staff.userId,
    });
    await advance(tx, tn, 'plan');
  });

/** Agreement given on a printed copy and recorded by the coach. */
export const recordPaperAgreement = (deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, id: string) =>
  change(deps, tdb, staff, id, 'coaching.plan.agree', (tx, tn) => agreePlan(deps, tx, tn.id, 'papier'));

/** The participant does not agree with the plan: the Schlichtungsverfahren (§ 15a SGB II) is requested. */
export const requestSchlichtung = (deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, id: string) =>
  change(deps, tdb, staff, id, 'coaching.plan.schlichtung', async (tx, tn) => {
    const plan = await repo.latestPlan(tx, tn.id);
    if (!plan) throw new NotFoundError();
    await repo.markSchlichtung(tx, plan.id);
  });

/** Marks the latest plan and its steps as agreed (once). */
export async function agreePlan(deps: AppDeps, tx: TenantDb, teilnehmendeId: string, via: 'link' | 'papier'): Promise<void> {
  const plan = await repo.latestPlan(tx, teilnehmendeId);
  if (!plan) throw new NotFoundError();
  if (plan.agreedAt) return;
  const now = deps.clock.now();
  await repo.agreePlan(tx, plan.id, now, via);
  await repo.agreeAktivitaeten(tx, teilnehmendeId, plan.schritte.map((s) => s.aktivitaetId), now, via);
}

export const logKontakt = (deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, id: string, input: z.output<typeof kontaktForm>) =>
  change(deps, tdb, staff, id, 'coaching.kontakt.write', async (tx, tn) => {
    await repo.insertKontakt(tx, { teilnehmendeId: tn.id, kanal: input.kanal, contactOn: input.contactOn, summary: input.summary, coachId: staff.userId });
    await repo.updateTeilnehmende(tx, tn.id, { nextContactOn: input.nextContactOn ?? null });
  });

/** Exit with reason. A job start keeps the person in follow-up (§ 16g Abs. 2 SGB II); every other exit ends it. */
export const recordExit = (deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, id: string, input: z.output<typeof austrittForm>) =>
  change(deps, tdb, staff, id, 'coaching.exit', async (tx, tn) => {
    const job = input.exitReason === 'svBeschaeftigung';
    await repo.updateTeilnehmende(tx, tn.id, {
      exitReason: input.exitReason,
      exitOn: input.exitOn,
      phase: job ? 'nachbetreuung' : 'beendet',
      nextContactOn: job ? tn.nextContactOn : null,
      beschaeftigung: job ? { startOn: input.jobStartOn!, hoursPerWeek: input.hoursPerWeek!, sector: input.sector!, wageBand: input.wageBand! } : null,
    });
  });

/** The sustainability check six months after the job start; it ends the follow-up. */
export const recordSustainability = (deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, id: string, stillEmployed: boolean) =>
  change(deps, tdb, staff, id, 'coaching.nachhaltigkeit', async (tx, tn) => {
    if (!tn.beschaeftigung) throw new ValidationError([{ field: 'stillEmployed', message: 'coaching:errors.noJob' }]);
    await repo.updateTeilnehmende(tx, tn.id, { stillEmployedAt6Months: stillEmployed, phase: 'beendet', nextContactOn: null });
  });

/** The language of the link mail, reminders and termine's mails; the person may tell the coach a new one. */
export const setMailLanguage = (deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, id: string, mailLanguage: 'de' | 'en') =>
  change(deps, tdb, staff, id, 'coaching.sprache', async (tx, tn) => {
    await repo.updateTeilnehmende(tx, tn.id, { mailLanguage });
  });

export type AktivitaetInput = z.output<typeof aktivitaetForm>;
