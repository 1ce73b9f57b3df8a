// The training office's reports as pure functions over loaded rows: participation and UE per team, category and
// year; seat utilisation; no-show rate; fees; mandatory-training compliance per team. A row that counts people is
// suppressed when it covers 1 to MIN_PERSONS − 1 people (only "fewer than 5" is shown), so that no figure can be
// traced to a colleague (ADR 0251). No database, no clock.
import { DateTime } from 'luxon';
import { isMandatoryFor } from './mandatory.js';
import type { Seminar } from './seminare.tables.js';

export const MIN_PERSONS = 5;
export const reportIds = ['teams', 'categories', 'years', 'utilisation', 'noShows', 'fees', 'compliance'] as const;
export type ReportId = (typeof reportIds)[number];
export type ColumnKind = 'count' | 'ue' | 'percent' | 'euro';

export interface ReportRow {
  label: string;
  /** One value per column (percent as a share 0–1, euro in cents); null: not defined (no base). */
  values: (number | null)[];
  /** Fewer than MIN_PERSONS people: the values are not shown. */
  suppressed: boolean;
}

export interface Report {
  id: ReportId;
  /** i18n keys of the columns after the row label, with their kind. */
  columns: { key: string; kind: ColumnKind }[];
  rows: ReportRow[];
  /** Index of the column the chart shows. */
  chartColumn: number;
  /** Whether the team filter applies (seat utilisation is about sessions, not people). */
  teamFiltered: boolean;
}

/** One confirmed place of a person in a session, with what happened. */
export interface Participation {
  userId: string;
  seminarId: string;
  categoryId: string;
  year: number;
  /** The last day is over. */
  ended: boolean;
  /** Attendance was recorded for this person on at least one day. */
  recorded: boolean;
  /** Attended more than 0 % on at least one day. */
  attended: boolean;
  /** UE of the valid certificate, 0 without one. */
  ue: number;
  feeCents: number;
}

export interface SessionFacts {
  categoryId: string;
  year: number;
  seats: number;
  confirmed: number;
}

export interface Person {
  userId: string;
  roles: readonly string[];
  teamIds: string[];
}

export interface ReportInput {
  year: number;
  /** Only people of this team (undefined: everybody). */
  teamId?: string | undefined;
  /** The date compliance is measured at (the end of the year, or today in the current year). */
  reference: Date;
  participations: Participation[];
  sessions: SessionFacts[];
  people: Person[];
  teams: { id: string; name: string }[];
  categories: { id: string; name: string }[];
  seminars: Seminar[];
  /** Valid certificates: who has done which seminar when. */
  certificates: { userId: string; seminarId: string; issuedAt: Date }[];
  /** Label of the row for people in no team. */
  noTeam: string;
}

const suppress = (persons: number) => persons > 0 && persons < MIN_PERSONS;
const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

function participationRows(groups: { label: string; items: Participation[] }[]): ReportRow[] {
  return groups.map(({ label, items }) => {
    const took = items.filter((p) => p.ended && p.attended);
    const persons = new Set(took.map((p) => p.userId)).size;
    return { label, values: [persons, took.length, took.reduce((sum, p) => sum + p.ue, 0)], suppressed: suppress(persons) };
  });
}

const participationColumns = [
  { key: 'persons', kind: 'count' },
  { key: 'participations', kind: 'count' },
  { key: 'ue', kind: 'ue' },
] as const satisfies Report['columns'];

/** The participations and groups the team filter leaves, shared by the reports of one request. */
interface Scope {
  all: Participation[];
  ofYear: Participation[];
  teams: { id: string; name: string }[];
  teamsOf: Map<string, string[]>;
  byCategory: { label: string; items: Participation[] }[];
}

function scopeOf(input: ReportInput): Scope {
  const teamsOf = new Map(input.people.map((p) => [p.userId, p.teamIds]));
  const inTeam = (userId: string) => !input.teamId || (teamsOf.get(userId) ?? []).includes(input.teamId);
  const all = input.participations.filter((p) => inTeam(p.userId));
  const ofYear = all.filter((p) => p.year === input.year);
  const teams = input.teamId ? input.teams.filter((t) => t.id === input.teamId) : input.teams;
  const byCategory = input.categories.map((c) => ({ label: c.name, items: ofYear.filter((p) => p.categoryId === c.id) }));
  return { all, ofYear, teams, teamsOf, byCategory };
}

type Builder = (input: ReportInput, scope: Scope) => Report;

const builders: Record<ReportId, Builder> = {
  teams: (input, { ofYear, teams, teamsOf }) => {
    const byTeam = [
      ...teams.map((t) => ({ label: t.name, items: ofYear.filter((p) => (teamsOf.get(p.userId) ?? []).includes(t.id)) })),
      ...(input.teamId ? [] : [{ label: input.noTeam, items: ofYear.filter((p) => (teamsOf.get(p.userId) ?? []).length === 0) }]),
    ];
    return { id: 'teams', columns: [...participationColumns], rows: participationRows(byTeam), chartColumn: 2, teamFiltered: true };
  },
  categories: (_input, { byCategory }) => ({ id: 'categories', columns: [...participationColumns], rows: participationRows(byCategory), chartColumn: 1, teamFiltered: true }),
  years: (_input, { all }) => {
    const years = [...new Set(all.map((p) => p.year))].sort((a, b) => a - b);
    return { id: 'years', columns: [...participationColumns], rows: participationRows(years.map((y) => ({ label: String(y), items: all.filter((p) => p.year === y) }))), chartColumn: 1, teamFiltered: true };
  },
  utilisation: (input) => ({
    id: 'utilisation',
    columns: [
      { key: 'sessions', kind: 'count' },
      { key: 'seats', kind: 'count' },
      { key: 'taken', kind: 'count' },
      { key: 'utilisation', kind: 'percent' },
    ],
    rows: input.categories.map((c) => {
      const sessions = input.sessions.filter((s) => s.year === input.year && s.categoryId === c.id);
      const seats = sessions.reduce((sum, s) => sum + s.seats, 0);
      const taken = sessions.reduce((sum, s) => sum + s.confirmed, 0);
      return { label: c.name, values: [sessions.length, seats, taken, share(taken, seats)], suppressed: false };
    }),
    chartColumn: 3,
    teamFiltered: false,
  }),
  noShows: (_input, { byCategory }) => ({
    id: 'noShows',
    columns: [
      { key: 'recorded', kind: 'count' },
      { key: 'noShows', kind: 'count' },
      { key: 'noShowRate', kind: 'percent' },
    ],
    rows: byCategory.map(({ label, items }) => {
      const recorded = items.filter((p) => p.ended && p.recorded);
      const absent = recorded.filter((p) => !p.attended).length;
      return { label, values: [recorded.length, absent, share(absent, recorded.length)], suppressed: suppress(new Set(recorded.map((p) => p.userId)).size) };
    }),
    chartColumn: 2,
    teamFiltered: true,
  }),
  fees: (_input, { byCategory }) => ({
    id: 'fees',
    columns: [
      { key: 'places', kind: 'count' },
      { key: 'fees', kind: 'euro' },
    ],
    rows: byCategory.map(({ label, items }) => ({
      label,
      values: [items.length, items.reduce((sum, p) => sum + p.feeCents, 0)],
      suppressed: suppress(new Set(items.map((p) => p.userId)).size),
    })),
    chartColumn: 1,
    teamFiltered: true,
  }),
  compliance: (input, { teams }) => ({
    id: 'compliance',
    columns: [
      { key: 'concerned', kind: 'count' },
      { key: 'compliant', kind: 'count' },
      { key: 'complianceRate', kind: 'percent' },
    ],
    rows: complianceRows(input, teams),
    chartColumn: 2,
    teamFiltered: true,
  }),
};

function complianceRows(input: ReportInput, teams: { id: string; name: string }[]): ReportRow[] {
  const mandatory = input.seminars.filter((s) => s.mandatoryForRoles.length || s.mandatoryForTeams.length);
  const valid = (userId: string, seminar: Seminar) =>
    input.certificates.some(
      (c) =>
        c.userId === userId &&
        c.seminarId === seminar.id &&
        c.issuedAt <= input.reference &&
        (!seminar.validityMonths || DateTime.fromJSDate(c.issuedAt).plus({ months: seminar.validityMonths }).toJSDate() > input.reference),
    );
  return [
    ...teams.map((t) => ({ label: t.name, members: input.people.filter((p) => p.teamIds.includes(t.id)) })),
    ...(input.teamId ? [] : [{ label: input.noTeam, members: input.people.filter((p) => p.teamIds.length === 0) }]),
  ].map(({ label, members }) => {
    const concerned = members.map((p) => ({ p, due: mandatory.filter((s) => isMandatoryFor(s, p.roles, p.teamIds)) })).filter((x) => x.due.length > 0);
    const done = concerned.filter((x) => x.due.every((s) => valid(x.p.userId, s))).length;
    return { label, values: [concerned.length, done, share(done, concerned.length)], suppressed: suppress(concerned.length) };
  });
}

/** Every report, in page order, from one set of loaded rows. */
export function buildReports(input: ReportInput): Report[] {
  const scope = scopeOf(input);
  return reportIds.map((id) => builders[id](input, scope));
}

/** One report; `input` needs only the rows that report reads (`needs`). */
export function buildReport(id: ReportId, input: ReportInput): Report {
  return builders[id](input, scopeOf(input));
}

/**
 * What each report reads: participations (sessions, places, attendance, certificates' UE), staff with their teams
 * (for per-team rows and for the team filter), and the mandatory trainings with valid certificates.
 */
export const needs: Record<ReportId, { participations: boolean; people: boolean; compliance: boolean }> = {
  teams: { participations: true, people: true, compliance: false },
  categories: { participations: true, people: false, compliance: false },
  years: { participations: true, people: false, compliance: false },
  utilisation: { participations: true, people: false, compliance: false },
  noShows: { participations: true, people: false, compliance: false },
  fees: { participations: true, people: false, compliance: false },
  compliance: { participations: false, people: true, compliance: true },
};
