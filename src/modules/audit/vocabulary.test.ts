import { describe, expect, it } from 'vitest';
import type { AuditVocabularies } from '#shared/audit/index.js';
import { readCatalogues } from '#shared/i18n/index.js';
import { catalogueOf } from '#shared/module.js';
import { modules } from '../index.js';

/**
 * Every vocabulary `recordAudit` accepts words from, by name: tsc fails here when a module declares one that is not
 * listed, and the first test when a listed one is attached to no module (its words would get no label check).
 */
const declared: Record<keyof AuditVocabularies, true> = {
  antrag: true,
  audit: true,
  coaching: true,
  feedback: true,
  forms: true,
  presse: true,
  seminare: true,
  servicepoint: true,
  staff: true,
  tenants: true,
  termine: true,
  unterlagen: true,
};

const { auditVocabularies } = catalogueOf(modules);
const actions = auditVocabularies.flatMap((v) => v.actions);
const objectTypes = [...new Set(auditVocabularies.flatMap((v) => v.objectTypes))];
const catalogues = readCatalogues();
const labels = (lang: string, group: 'actions' | 'objectTypes') => (catalogues[lang]?.audit?.[group] ?? {}) as Record<string, unknown>;

describe('the audit log in words', () => {
  it('collects every declared vocabulary from the modules', () => {
    expect(auditVocabularies.map((v) => v.name).sort()).toEqual(Object.keys(declared).sort());
    expect(actions.length).toBeGreaterThan(100);
  });

  for (const lang of ['de', 'en']) {
    it(`names every action and object type a module writes in ${lang}, and nothing else`, () => {
      const unlabelled = (group: 'actions' | 'objectTypes', ids: readonly string[]) =>
        ids.filter((id) => {
          const label = labels(lang, group)[id];
          return typeof label !== 'string' || label.trim() === '' || label === id;
        });
      expect({ actions: unlabelled('actions', actions), objectTypes: unlabelled('objectTypes', objectTypes) }).toEqual({ actions: [], objectTypes: [] });
      const undeclared = (group: 'actions' | 'objectTypes', ids: readonly string[]) => Object.keys(labels(lang, group)).filter((id) => !ids.includes(id));
      expect({ actions: undeclared('actions', actions), objectTypes: undeclared('objectTypes', objectTypes) }).toEqual({ actions: [], objectTypes: [] });
    });
  }
});
