// The training office's reports on the demo programme (15 seminars, five past sessions with attendance and
// certificates), with the figures worked out from the demo data by hand: page, chart, CSV, filters, and the
// rule that rows about fewer than five people show no figures.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '#shared/audit/index.js';
import { NotFoundError } from '#shared/http/errors.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { seedSeminareDemo } from './demo.js';
import { putInTeam } from '../staff/testing.js';
import { staffModule, staffUserByEmail, teamService } from '../staff/index.js';
import { needs, reportIds } from './reports.js';
import { seminarReport, seminarReports } from './reports.service.js';
import { pagesAs, person, seminarCtx } from './testing.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ now: '2027-06-15T08:00:00Z' });
  const dev = { ...ctx.deps, config: { ...ctx.deps.config, env: 'development' as const } };
  await staffModule.seedDemo!(dev, ctx.tenant);
  await seedSeminareDemo(dev, ctx.tenant);
}, 240_000);
afterAll(async () => ctx?.close());

/** The rows of the table of a report section as arrays of cell texts. */
function table(html: string, id: string): string[][] {
  const section = html.split(`id="r-${id}"`)[1]!.split('</section>')[0]!;
  return [...section.matchAll(/<tr class="kern-table__row">([\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '').replace(/&nbsp;|\u00a0/g, ' ').trim()));
}

describe('reports', () => {
  it('show the demo figures per team, topic and year, utilisation, no-shows, fees and compliance; fewer than five people show no figures', async () => {
    // The demo enrols the first five staff accounts by name (coach, mitarbeitende, personalentwicklung,
    // platform_admin, presse; two of them in "Sanktionen", which has two seats); "mitarbeitende" attended half of
    // each past seminar (no certificate). Datenschutz is mandatory for five roles, valid 24 months.
    const tdb = seminarCtx(ctx).tdb;
    const id = async (role: string) => (await staffUserByEmail(tdb, `${role.replace("_", "-")}@demo.invalid`))!.id;
    const group = ['coach', 'mitarbeitende', 'personalentwicklung', 'platform_admin', 'presse', 'sachbearbeitung', 'servicepoint', 'teamleitung'];
    const team = await putInTeam(ctx, 'Fortbildungsgruppe', await Promise.all(group.map(async (r) => ({ userId: await id(r) }))));
    const office = await person(ctx, ['personalentwicklung']);
    const { get } = pagesAs(ctx);

    const page = await get(office, '/staff/seminare/berichte');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Jahr 2027, alle Teams.');
    expect(table(page.body, 'teams')).toEqual([
      ['Team', 'Personen', 'Teilnahmen', 'UE'],
      // 5 past seminars × 5 people, but "Sanktionen" only 2: 22; UE 4×4 + 4×8 + 4×8 + 1×4 + 4×4 = 100.
      ['Fortbildungsgruppe', '5', '22', '100'],
      ['Leistung', '0', '0', '0'],
      // coach and mitarbeitende took part: two people, so no figures.
      ['Markt und Integration', 'weniger als 5', '–', '–'],
      ['Ohne Team', '0', '0', '0'],
    ]);
    expect(table(page.body, 'categories')).toEqual([
      ['Thema', 'Personen', 'Teilnahmen', 'UE'],
      ['Beratungskompetenz', '5', '5', '32'],
      ['Datenschutz', '5', '5', '16'],
      ['Digitale Kompetenz', '5', '5', '32'],
      ['Führung', '0', '0', '0'],
      ['Gesundheit', '5', '5', '16'],
      ['Recht SGB II', 'weniger als 5', '–', '–'],
    ]);
    expect(table(page.body, 'years')).toEqual([
      ['Jahr', 'Personen', 'Teilnahmen', 'UE'],
      ['2027', '5', '22', '100'],
    ]);
    // Two or three sessions per topic, 12 seats (2 in every fourth seminar), 5 (or 2) confirmed each.
    expect(table(page.body, 'utilisation')).toEqual([
      ['Thema', 'Termine', 'Plätze', 'Belegt', 'Auslastung'],
      ['Beratungskompetenz', '3', '26', '12', '46,2 %'],
      ['Datenschutz', '2', '24', '10', '41,7 %'],
      ['Digitale Kompetenz', '3', '26', '12', '46,2 %'],
      ['Führung', '2', '24', '10', '41,7 %'],
      ['Gesundheit', '2', '14', '7', '50,0 %'],
      ['Recht SGB II', '3', '26', '12', '46,2 %'],
    ]);
    expect(table(page.body, 'noShows')[2]).toEqual(['Datenschutz', '5', '0', '0,0 %']);
    // 180 € for seminars with an external trainer (the future ones), 0 € for the internal ones.
    expect(table(page.body, 'fees')).toEqual([
      ['Thema', 'Gebuchte Plätze', 'Gebühren'],
      ['Beratungskompetenz', '12', '1.260,00 €'],
      ['Datenschutz', '10', '900,00 €'],
      ['Digitale Kompetenz', '12', '1.260,00 €'],
      ['Führung', '10', '1.800,00 €'],
      ['Gesundheit', '7', '360,00 €'],
      ['Recht SGB II', '12', '1.800,00 €'],
    ]);
    // Datenschutz applies to coach, mitarbeitende, sachbearbeitung, servicepoint, teamleitung; only coach has a
    // valid certificate (mitarbeitende attended half).
    expect(table(page.body, 'compliance')).toEqual([
      ['Team', 'Personen mit Pflichtschulung', 'Alle gültig', 'Erfüllungsquote'],
      ['Fortbildungsgruppe', '5', '1', '20,0 %'],
      ['Leistung', '0', '0', '–'],
      ['Markt und Integration', 'weniger als 5', '–', '–'],
      ['Ohne Team', '0', '0', '–'],
    ]);

    // The team filter: only that team's people; the year filter: nothing in 2026.
    const filtered = await get(office, `/staff/seminare/berichte?jahr=2027&team=${team.id}`);
    expect(filtered.body).toContain('Jahr 2027, Team Fortbildungsgruppe.');
    expect(table(filtered.body, 'teams').slice(1)).toEqual([['Fortbildungsgruppe', '5', '22', '100']]);
    expect(filtered.body).toContain(`berichte/teams.csv?jahr=2027&amp;team=${team.id}`);
    expect(table((await get(office, '/staff/seminare/berichte?jahr=2026')).body, 'teams')[1]).toEqual(['Fortbildungsgruppe', '0', '0', '0']);

    // CSV: the same rows, semicolons, the suppressed row without figures.
    const csv = await get(office, '/staff/seminare/berichte/teams.csv?jahr=2027');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('seminare-teams-2027.csv');
    expect(csv.body).toContain('Team;Personen;Teilnahmen;UE\r\nFortbildungsgruppe;5;22;100\r\nLeistung;0;0;0\r\nMarkt und Integration;weniger als 5;;\r\n');
    expect((await get(office, '/staff/seminare/berichte/fees.csv')).body).toContain('Führung;10;1800,00');
    // The chart: an SVG without the suppressed row.
    const svg = await get(office, '/staff/seminare/berichte/teams.svg');
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).toContain('Fortbildungsgruppe');
    expect(svg.body).not.toContain('Markt und Integration');
    expect(svg.body).not.toMatch(/style=/);
    expect((await get(office, '/staff/seminare/berichte/unbekannt.svg')).statusCode).toBe(404);
    // Phones get a drawing made for their width (picked by media query), with the page's filter.
    expect(filtered.body).toContain(`<source media="(max-width: 36em)" srcset="/t/neue-wege/staff/seminare/berichte/teams.svg?jahr=2027&amp;team=${team.id}&amp;groesse=schmal"`);
    const narrow = await get(office, `/staff/seminare/berichte/teams.svg?jahr=2027&team=${team.id}&groesse=schmal`);
    expect(Number(/<svg[^>]* width="(\d+)"/.exec(narrow.body)![1])).toBeLessThanOrEqual(358);
    expect(Number(/<svg[^>]* width="(\d+)"/.exec(svg.body)![1])).toBeGreaterThan(600);
    expect((await get(office, '/staff/seminare/berichte/teams.svg?groesse=riesig')).statusCode).toBe(422);

    // Only the training office.
    const staff = await person(ctx);
    expect((await get(staff, '/staff/seminare/berichte')).statusCode).toBe(403);
    expect((await get(staff, '/staff/seminare/berichte/teams.csv')).statusCode).toBe(403);
  }, 120_000);

  it('names a wrong year or team of the filter at its field and still applies the other one; a chart or CSV refuses it', async () => {
    const office = await person(ctx, ['personalentwicklung']);
    const { get } = pagesAs(ctx);
    const leistung = (await teamService.listTeams(seminarCtx(ctx).tdb)).find((t) => t.name === 'Leistung')!;

    const wrongTeam = await get(office, '/staff/seminare/berichte?jahr=2026&team=kaputt');
    expect(wrongTeam.statusCode).toBe(422);
    expect(wrongTeam.body).toContain('<a class="kern-link" href="#f-team">Team: Dieses Team gibt es nicht. Bitte wählen Sie ein Team aus der Liste.</a>');
    expect(wrongTeam.body).toMatch(/<select[^>]*id="f-team"[^>]*aria-invalid="true"/);
    expect(wrongTeam.body).toContain('Jahr 2026, alle Teams.');
    expect(wrongTeam.body).toContain('berichte/teams.csv?jahr=2026"');
    expect((await get(office, '/staff/seminare/berichte?jahr=2026&team=kaputt&lang=en')).body).toContain('href="#f-team">Team: There is no such team. Please choose a team from the list.</a>');

    const wrongYear = await get(office, `/staff/seminare/berichte?jahr=letztes&team=${leistung.id}`);
    expect(wrongYear.statusCode).toBe(422);
    expect(wrongYear.body).toContain('<a class="kern-link" href="#f-jahr">Jahr: Bitte wählen Sie ein Jahr aus der Liste.</a>');
    expect(wrongYear.body).toContain('Jahr 2027, Team Leistung.');
    expect(table(wrongYear.body, 'teams').slice(1)).toEqual([['Leistung', '0', '0', '0']]);
    expect(wrongYear.body).toContain(`berichte/teams.csv?team=${leistung.id}"`);

    // A well-formed id of no team of this jobcenter (another's, or a deleted one): named the same way, not a 404.
    const otherTeam = await get(office, '/staff/seminare/berichte?jahr=2026&team=00000000-0000-4000-8000-000000000000');
    expect(otherTeam.statusCode).toBe(422);
    expect(otherTeam.body).toContain('<a class="kern-link" href="#f-team">Team: Dieses Team gibt es nicht. Bitte wählen Sie ein Team aus der Liste.</a>');
    expect(otherTeam.body).toContain('Jahr 2026, alle Teams.');
    expect(otherTeam.body).toContain('berichte/teams.csv?jahr=2026"');
    expect((await get(office, '/staff/seminare/berichte/teams.csv?jahr=2026&team=00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);

    // The page links its charts and CSVs with the valid filter only; a wrong one in their own address is refused.
    expect((await get(office, '/staff/seminare/berichte/teams.csv?jahr=2026&team=kaputt')).statusCode).toBe(422);
    expect((await get(office, '/staff/seminare/berichte/teams.svg?jahr=zwei&team=kaputt')).statusCode).toBe(422);
    expect((await get(office, `/staff/seminare/berichte?jahr=2026&team=${leistung.id}`)).statusCode).toBe(200);

    // The routes check the id's form; the service only compares it with this jobcenter's teams, so a malformed id or
    // one in upper case is an unknown team there too, never a database error.
    const sc = seminarCtx(ctx);
    expect((await seminarReports(sc, office.actor, { year: 2026, teamId: 'kaputt' }, 'Ohne Team')).unknownTeam).toBe(true);
    await expect(seminarReport(sc, office.actor, { year: 2026, teamId: leistung.id.toUpperCase() }, 'Ohne Team', 'teams', 'csv')).rejects.toThrow(NotFoundError);
  }, 120_000);

  it('audits a page view once, whatever its seven charts ask, and each CSV export', async () => {
    const office = await person(ctx, ['personalentwicklung']);
    const { get } = pagesAs(ctx);
    const rows = async (action: string) => (await seminarCtx(ctx).tdb.select(auditLog, eq(auditLog.actorId, office.actor.userId), eq(auditLog.action, action))).length;
    const page = await get(office, '/staff/seminare/berichte?jahr=2027');
    const charts = [...page.body.matchAll(/<img src="([^"]+\.svg[^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace('/t/neue-wege', ''));
    expect(charts.length).toBeGreaterThanOrEqual(5);
    for (const chart of charts) expect((await get(office, chart)).statusCode).toBe(200);
    expect((await get(office, `${charts[0]!.split('?')[0]}?jahr=2027&groesse=schmal`)).statusCode).toBe(200);
    expect(await rows('seminare.reports_viewed')).toBe(1);
    expect(await rows('seminare.report_exported')).toBe(0);
    expect((await get(office, '/staff/seminare/berichte/fees.csv?jahr=2027')).statusCode).toBe(200);
    const exported = await seminarCtx(ctx).tdb.select(auditLog, eq(auditLog.actorId, office.actor.userId), eq(auditLog.action, 'seminare.report_exported'));
    expect(exported.map((r) => r.purpose)).toEqual(['year=2027 report=fees']);
  }, 120_000);

  it('a chart or CSV computes its one report from only what it reads, with the same figures as the page', async () => {
    const office = await person(ctx, ['personalentwicklung']);
    const { actor } = office;
    // The team of the test above, with people in it.
    const team = (await teamService.listTeams(seminarCtx(ctx).tdb)).find((t) => t.name === 'Fortbildungsgruppe');
    for (const filter of [{ year: 2027 }, { year: 2027, teamId: team!.id }]) {
      const page = await seminarReports(seminarCtx(ctx), actor, filter, 'Ohne Team');
      for (const id of reportIds) {
        const one = await seminarReport(seminarCtx(ctx), actor, filter, 'Ohne Team', id, 'chart');
        expect(one.report).toEqual(page.reports.find((r) => r.id === id));
        expect(one.year).toBe(2027);
      }
    }
    // The compliance chart needs no sessions, places or attendance: its figures come from staff and certificates.
    expect(needs.compliance.participations).toBe(false);
    expect(reportIds.filter((id) => needs[id].compliance)).toEqual(['compliance']);
  }, 120_000);
});
