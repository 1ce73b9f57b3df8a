// The catalogue shows a staff member first what is meant for them (their roles or teams, untargeted seminars,
// their mandatory trainings at the top, marked), with a link to show all; the training office sees all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { putInTeam } from '../staff/testing.js';
import * as catalogueRepository from './catalogue.repository.js';
import { createTestSession, pagesAs, person } from './testing.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ now: '2027-02-01T08:00:00Z' });
}, 240_000);
afterAll(async () => ctx?.close());

/** The seminar titles in the order the page shows them. */
const titles = (html: string) => [...html.matchAll(/<h2 class="kern-heading-medium" id="s-[^"]+">\s*([^<]*?)\s*<\/h2>/g)].map((m) => m[1]!);

describe('catalogue by target roles and teams', () => {
  it('lists what is for me first, mandatory ones on top and marked, and shows the rest on request', async () => {
    const staff = await person(ctx, ['sachbearbeitung']);
    const other = await person(ctx, ['servicepoint']);
    const team = await putInTeam(ctx, 'Team Ziel', [{ userId: staff.userId }]);
    const make = async (title: string, values: Parameters<typeof catalogueRepository.updateSeminar>[2]) => {
      const { sc, seminar } = await createTestSession(ctx, { title });
      if (Object.keys(values).length) await catalogueRepository.updateSeminar(sc.tdb, seminar.id, values);
    };
    await make('Ziel Allgemein', {});
    await make('Ziel Servicepoint', { targetRoles: ['servicepoint'] });
    await make('Ziel Sachbearbeitung', { targetRoles: ['sachbearbeitung'] });
    await make('Ziel Team', { targetTeams: [team.id] });
    await make('Ziel Pflicht Team', { targetRoles: ['servicepoint'], mandatoryForTeams: [team.id], validityMonths: 24 });
    const { get } = pagesAs(ctx);

    const mine = await get(staff, '/staff/seminare?q=Ziel');
    expect(titles(mine.body)).toEqual(['Ziel Pflicht Team', 'Ziel Sachbearbeitung', 'Ziel Team', 'Ziel Allgemein']);
    expect(mine.body).toContain('4 Seminare für Ihre Rollen und Teams');
    expect(mine.body).toContain('Pflichtschulung für Sie');
    expect(mine.body).toContain('Alle Seminare anzeigen (1 weiteres)');
    expect(mine.body).toContain('href="/t/neue-wege/staff/seminare?alle=1&amp;q=Ziel"');
    // Nothing left out: no link to the same list ("0 weitere").
    const none = await get(staff, '/staff/seminare?q=Ziel%20Allgemein');
    expect(titles(none.body)).toEqual(['Ziel Allgemein']);
    expect(none.body).not.toContain('Alle Seminare anzeigen');

    const all = await get(staff, '/staff/seminare?q=Ziel&alle=1');
    expect(titles(all.body)).toEqual(['Ziel Pflicht Team', 'Ziel Sachbearbeitung', 'Ziel Team', 'Ziel Allgemein', 'Ziel Servicepoint']);
    expect(all.body).toContain('5 Seminare insgesamt');
    expect(all.body).toContain('Für andere Rollen oder Teams gedacht.');
    expect(all.body).toContain('Nur Seminare für meine Rollen und Teams anzeigen');
    // The filter form keeps the choice.
    expect(all.body).toContain('<input type="hidden" name="alle" value="1"/>');

    // Someone else: their role's seminar; the team's mandatory one is for them by role target, but not mandatory.
    const theirs = await get(other, '/staff/seminare?q=Ziel');
    expect(titles(theirs.body)).toEqual(['Ziel Pflicht Team', 'Ziel Servicepoint', 'Ziel Allgemein']);
    expect(theirs.body).not.toContain('Pflichtschulung für Sie');
    expect(theirs.body).toContain('· Pflichtschulung');

    // The training office sees everything by default.
    const office = await person(ctx, ['personalentwicklung']);
    expect(titles((await get(office, '/staff/seminare?q=Ziel')).body)).toHaveLength(5);
  }, 240_000);
});
