import { describe, expect, it } from 'vitest';
import { deriveChecklist } from './checklist.js';

const today = '2026-11-25';
const ids = (answers: Record<string, unknown>) => deriveChecklist(answers, today).map((i) => i.id);

describe('document checklist', () => {
  it('asks every household for ID, registration and bank statements', () => {
    expect(ids({ firstName: 'Ada', lastName: 'Muster', birthDate: '1990-01-01', housing: 'kostenfrei' })).toEqual(['ausweis', 'meldebescheinigung', 'kontoauszuege']);
  });

  it('names the adults whose ID is needed, not the children', () => {
    const items = deriveChecklist(
      {
        firstName: 'Ada',
        lastName: 'Muster',
        birthDate: '1990-01-01',
        members: [
          { id: 'a', firstName: 'Ben', lastName: 'Muster', birthDate: '1989-05-05', relation: 'partner' },
          { id: 'b', firstName: 'Cleo', lastName: 'Muster', birthDate: '2015-05-05', relation: 'kind' },
        ],
      },
      today,
    );
    expect(items[0]).toEqual({ id: 'ausweis', names: ['Ada Muster', 'Ben Muster'] });
  });

  it('follows housing, income, assets and the situation of each person', () => {
    const result = ids({
      firstName: 'Ada',
      birthDate: '1990-01-01',
      statuses: ['arbeit', 'schwanger'],
      housing: 'miete',
      otherIncome: ['unterhalt'],
      assets: ['sparen', 'fahrzeug'],
      insurance: 'privat',
      special: ['ernaehrung'],
      members: [
        { id: 'k', firstName: 'Kim', birthDate: '2010-01-01', relation: 'kind', statuses: ['schule'], kindergeld: 'ja' },
        { id: 'l', firstName: 'Lu', birthDate: '2018-01-01', relation: 'kind', statuses: ['schule', 'behinderung'], kindergeld: 'nein' },
      ],
    });
    expect(result).toEqual([
      'ausweis',
      'meldebescheinigung',
      'mietvertrag',
      'nebenkostenabrechnung',
      'kontoauszuege',
      'lohnabrechnungen',
      'kindergeld',
      'bescheid_unterhalt',
      'vermoegen',
      'fahrzeug',
      'schulbescheinigung',
      'mutterpass',
      'behinderung',
      'privateVersicherung',
      'ernaehrung',
    ]);
    // School certificate only for those aged 15 or more: Kim (16), not Lu (8).
    expect(deriveChecklist({ members: [{ id: 'k', firstName: 'Kim', birthDate: '2010-01-01', statuses: ['schule'] }, { id: 'l', firstName: 'Lu', birthDate: '2018-01-01', statuses: ['schule'] }] }, today).find((i) => i.id === 'schulbescheinigung')?.names).toEqual(['Kim']);
  });
});
