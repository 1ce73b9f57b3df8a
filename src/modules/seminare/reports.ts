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

/** One report table: its columns in order (key → kind), its rows, the column its chart draws. */
function report(id: ReportId, columns: Record<string, ColumnKind>, rows: Report['rows'], chartColumn: number, teamFiltered = true): Report {
  return { id, columns: Object.entries(columns).map(([key, kind]) => ({ key, kind })), rows, chartColumn, teamFiltered };
}

export function buildReports(input: ReportInput): Report[] {
  const teamsOf = new Map(input.people.map((p) => [p.userId, p.teamIds]));
  const inTeam = (userId: string) => !input.teamId || (teamsOf.get(userId) ?? []).includes(input.teamId);
  const all = input.participations.filter((p) => inTeam(p.userId));
  const ofYear = all.filter((p) => p.year === input.year);
  const teams = input.teamId ? input.teams.filter((t) => t.id === input.teamId) : input.teams;
  const noTeam = (p: { userId: string }) => (teamsOf.get(p.userId) ?? []).length === 0;
  const byTeam = [
    ...teams.map((t) => ({ label: t.name, items: ofYear.filter((p) => (teamsOf.get(p.userId) ?? []).includes(t.id)) })),
    ...(input.teamId ? [] : [{ label: input.noTeam, items: ofYear.filter(noTeam) }]),
  ];
  const byCategory = input.categories.map((c) => ({ label: c.name, items: ofYear.filter((p) => p.categoryId === c.id) }));
  const years = [...new Set(all.map((p) => p.year))].sort((a, b) => a - b);

  const utilisation: ReportRow[] = input.categories.map((c) => {
    const sessions = input.sessions.filter((s) => s.year === input.year && s.categoryId === c.id);
    const seats = sessions.reduce((sum, s) => sum + s.seats, 0);
    const taken = sessions.reduce((sum, s) => sum + s.confirmed, 0);
    return { label: c.name, values: [sessions.length, seats, taken, share(taken, seats)], suppressed: false };
  });

  const noShows: ReportRow[] = byCategory.map(({ label, items }) => {
    const recorded = items.filter((p) => p.ended && p.recorded);
    const absent = recorded.filter((p) => !p.attended).length;
    return { label, values: [recorded.length, absent, share(absent, recorded.length)], suppressed: suppress(new Set(recorded.map((p) => p.userId)).size) };
  });

  const fees: ReportRow[] = byCategory.map(({ label, items }) => ({
    label,
    values: [items.length, items.reduce((sum, p) => sum + p.feeCents, 0)],
    suppressed: suppress(new Set(items.map((p) => p.userId)).size),
  }));

  const mandatory = input.seminars.filter((s) => s.mandatoryForRoles.length || s.mandatoryForTeams.length);
  const valid = (userId: string, seminar: Seminar) =>
    input.certificates.some(
      (c) =>
        c.userId === userId &&
        c.seminarId === seminar.id &&
        c.issuedAt <= input.reference &&
        (!seminar.validityMonths || DateTime.fromJSDate(c.issuedAt).plus({ months: seminar.validityMonths }).toJSDate() > input.reference),
    );
  const compliance: ReportRow[] = [
    ...teams.map((t) => ({ label: t.name, members: input.people.filter((p) => p.teamIds.includes(t.id)) })),
    ...(input.teamId ? [] : [{ label: input.noTeam, members: input.people.filter((p) => p.teamIds.length === 0) }]),
  ].map(({ label, members }) => {
    const concerned = members.map((p) => ({ p, due: mandatory.filter((s) => isMandatoryFor(s, p.roles, p.teamIds)) })).filter((x) => x.due.length > 0);
    const done = concerned.filter((x) => x.due.every((s) => valid(x.p.userId, s))).length;
    return { label, values: [concerned.length, done, share(done, concerned.length)], suppressed: suppress(concerned.length) };
  });

  return [
    { id: 'teams', columns: [...participationColumns], rows: participationRows(byTeam), chartColumn: 2, teamFiltered: true },
    { id: 'categories', columns: [...participationColumns], rows: participationRows(byCategory), chartColumn: 1, teamFiltered: true },
    { id: 'years', columns: [...participationColumns], rows: participationRows(years.map((y) => ({ label: String(y), items: all.filter((p) => p.year === y) }))), chartColumn: 1, teamFiltered: true },
    report('utilisation', { sessions: 'count', seats: 'count', taken: 'count', utilisation: 'percent' }, utilisation, 3, false),
    report('noShows', { recorded: 'count', noShows: 'count', noShowRate: 'percent' }, noShows, 2),
    report('fees', { places: 'count', fees: 'euro' }, fees, 1),
    report('compliance', { concerned: 'count', compliant: 'count', complianceRate: 'percent' }, compliance, 2),
  ];
}
