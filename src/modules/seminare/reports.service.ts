// Loads what the reports need (sessions, confirmed places, attendance, certificates, teams, staff) for the
// training office and hands it to the pure aggregation in reports.ts: once for the page, and for one report's chart
// or CSV only what that report reads. The page and a CSV export are audited, a chart of the page is not (ADR 0350).
import { DateTime } from 'luxon';
import { NotFoundError } from '#shared/http/errors.js';
import { BERLIN, berlinDateTime, berlinYear } from '#shared/time.js';
import { staffContacts, teamService } from '../staff/index.js';
import * as attendanceRepository from './attendance.repository.js';
import * as catalogueRepository from './catalogue.repository.js';
import * as certificatesRepository from './certificates.repository.js';
import { assertCan, type Actor, type SeminarCtx } from './context.js';
import { audit } from './enrolment.service.js';
import * as enrolmentsRepository from './enrolments.repository.js';
import { buildReport, buildReports, needs, type Participation, type Person, type Report, type ReportId, type ReportInput, type SessionFacts } from './reports.js';
import type { Seminar } from './seminare.tables.js';
import * as sessionsRepository from './sessions.repository.js';

export interface ReportsView {
  year: number;
  teamId: string | undefined;
  years: number[];
  teams: { id: string; name: string }[];
  reports: Report[];
  /** The team asked for is not one of this jobcenter's (it was left out of the filter). */
  unknownTeam: boolean;
}

type Filter = { year?: number | undefined; teamId?: string | undefined };
type Needs = (typeof needs)[ReportId];

/** The whole page: every report from one load, audited once. A team that is not this jobcenter's is left out of the filter and said so. */
export async function seminarReports(ctx: SeminarCtx, actor: Actor, filter: Filter, noTeam: string): Promise<ReportsView> {
  const { input, teams, years, unknownTeam } = await loadInput(ctx, actor, filter, noTeam, { participations: true, people: true, compliance: true }, 'drop');
  await audit(ctx, ctx.tdb, actor, 'seminare.reports_viewed', 'seminar', null, filterNote(input.year, { teamId: input.teamId }));
  return { year: input.year, teamId: input.teamId, years, teams, reports: buildReports(input), unknownTeam };
}

/** What one report is loaded for: a chart image of the page, or a CSV download (an export, audited). */
export type ReportUse = 'chart' | 'csv';

/** One report (its chart or CSV), loading only the rows it reads. */
export async function seminarReport(ctx: SeminarCtx, actor: Actor, filter: Filter, noTeam: string, id: ReportId, use: ReportUse): Promise<{ year: number; report: Report }> {
  const need = needs[id];
  // The team filter reads who is in the team, whatever the report.
  const { input } = await loadInput(ctx, actor, filter, noTeam, { ...need, people: need.people || Boolean(filter.teamId) });
  if (use === 'csv') await audit(ctx, ctx.tdb, actor, 'seminare.report_exported', 'seminar', null, `${filterNote(input.year, filter)} report=${id}`);
  return { year: input.year, report: buildReport(id, input) };
}

const filterNote = (year: number, filter: Filter) => `year=${year}${filter.teamId ? ` team=${filter.teamId}` : ''}`;

/** `unknownTeam`: a team that is not this jobcenter's is a 404 (a chart or CSV address), or dropped from the filter (the page). */
async function loadInput(ctx: SeminarCtx, actor: Actor, filter: Filter, noTeam: string, need: Needs, unknownTeam: 'refuse' | 'drop' = 'refuse') {
  assertCan(ctx, actor, 'seminare.manage');
  const now = ctx.deps.clock.now();
  const teams = (await teamService.listTeams(ctx.tdb)).map((t) => ({ id: t.id, name: t.name }));
  // The routes check the id's form (uuidField); here it is only compared with this jobcenter's teams, never queried.
  const unknown = filter.teamId !== undefined && !teams.some((t) => t.id === filter.teamId);
  if (unknown && unknownTeam === 'refuse') throw new NotFoundError();
  const teamId = unknown ? undefined : filter.teamId;
  const categories = await catalogueRepository.categories(ctx.tdb);
  const seminars = await catalogueRepository.search(ctx.tdb, { includeInactive: true });
  const { participations, sessionFacts } = need.participations ? await loadParticipations(ctx, seminars, now) : { participations: [], sessionFacts: [] };
  const people = need.people ? await loadPeople(ctx, teams) : [];
  const validCertificates = need.compliance ? await certificatesRepository.bySeminar(ctx.tdb) : [];

  const thisYear = berlinDateTime(now).year;
  const year = filter.year ?? thisYear;
  const endOfYear = DateTime.fromObject({ year, month: 12, day: 31, hour: 23, minute: 59 }, { zone: BERLIN }).toJSDate();
  const input: ReportInput = {
    year,
    teamId,
    reference: year >= thisYear ? now : endOfYear,
    participations,
    sessions: sessionFacts,
    people,
    teams,
    categories: categories.map((c) => ({ id: c.id, name: c.name })),
    seminars,
    certificates: validCertificates,
    noTeam,
  };
  const years = [...new Set([thisYear, ...participations.map((p) => p.year), ...sessionFacts.map((s) => s.year)])].sort((a, b) => b - a);
  return { input, teams, years, unknownTeam: unknown };
}

/** Confirmed places of planned sessions with attendance and certificate UE, and each session's seats. */
async function loadParticipations(ctx: SeminarCtx, seminars: Seminar[], now: Date): Promise<{ participations: Participation[]; sessionFacts: SessionFacts[] }> {
  const seminarById = new Map(seminars.map((s) => [s.id, s]));
  const sessions = (await sessionsRepository.all(ctx.tdb)).filter((s) => s.status === 'planned');
  const days = await sessionsRepository.days(ctx.tdb, sessions.map((s) => s.id));
  const confirmed = await enrolmentsRepository.ofSessions(ctx.tdb, sessions.map((s) => s.id), ['confirmed']);
  const attendance = await attendanceRepository.ofDays(ctx.tdb, days.map((d) => d.id));
  const certificates = (await certificatesRepository.ofEnrolments(ctx.tdb, confirmed.map((e) => e.id))).filter((c) => !c.revokedAt);

  const facts = new Map(
    sessions.map((s) => {
      const own = days.filter((d) => d.sessionId === s.id);
      const seminar = seminarById.get(s.seminarId)!;
      return [s.id, { seminar, year: own[0] ? berlinYear(own[0].startsAt) : berlinYear(s.enrolmentDeadline), ended: own.length > 0 && own.every((d) => d.endsAt <= now), seats: s.seats }];
    }),
  );
  const participations: Participation[] = confirmed.map((e) => {
    const f = facts.get(e.sessionId)!;
    const records = attendance.filter((a) => a.enrolmentId === e.id);
    return {
      userId: e.userId,
      seminarId: f.seminar.id,
      categoryId: f.seminar.categoryId,
      year: f.year,
      ended: f.ended,
      recorded: records.length > 0,
      attended: records.some((a) => a.percent > 0),
      ue: certificates.find((c) => c.enrolmentId === e.id)?.ue ?? 0,
      feeCents: f.seminar.feeCents,
    };
  });
  const sessionFacts: SessionFacts[] = sessions.map((s) => {
    const f = facts.get(s.id)!;
    return { categoryId: f.seminar.categoryId, year: f.year, seats: f.seats, confirmed: confirmed.filter((e) => e.sessionId === s.id).length };
  });
  return { participations, sessionFacts };
}

/** Active staff with their roles and teams (members of all teams in one query). */
async function loadPeople(ctx: SeminarCtx, teams: { id: string }[]): Promise<Person[]> {
  const byTeam = await teamService.membersOfTeams(ctx.tdb, teams.map((t) => t.id));
  const teamsOf = new Map<string, string[]>();
  for (const [teamId, members] of byTeam) for (const m of members) teamsOf.set(m.userId, [...(teamsOf.get(m.userId) ?? []), teamId]);
  return (await staffContacts(ctx.tdb)).filter((c) => c.active).map((c) => ({ userId: c.id, roles: c.roles, teamIds: teamsOf.get(c.id) ?? [] }));
}
