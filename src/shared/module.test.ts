import { describe, expect, it } from 'vitest';
import { auditVocabulary } from './audit/vocabulary.js';
import { catalogueOf, type WegweiserModule } from './module.js';

const load = async () => [];

describe('catalogueOf', () => {
  it('collects what the modules declare, navigation and widgets in their order', () => {
    const a: WegweiserModule = {
      name: 'a',
      permissions: { 'a.read': ['tenant_admin'] },
      staffNav: [{ path: '/staff/a', labelKey: 'a:nav', permission: 'a.read', order: 60 }],
      dashboardWidgets: [{ id: 'a', titleKey: 'a:w', permission: 'a.read', load }],
      citizenServices: [{ titleKey: 'a:t', descriptionKey: 'a:d', path: '/a' }],
    };
    const b: WegweiserModule = {
      name: 'b',
      permissions: { 'b.work': ['coach'] },
      staffNav: [{ path: '/staff/b', labelKey: 'b:nav', permission: 'a.read', order: 10 }],
      dashboardWidgets: [{ id: 'b', titleKey: 'b:w', permission: 'b.work', order: 20, load }],
      jobs: [{ name: 'b.job', everyMs: 1000, run: async () => ({ done: 0 }) }],
    };
    const catalogue = catalogueOf([a, b]);
    expect(catalogue.staffNav.map((i) => i.path)).toEqual(['/staff/b', '/staff/a']);
    expect(catalogue.dashboardWidgets.map((w) => w.id)).toEqual(['b', 'a']);
    expect(catalogue.citizenServices.map((s) => s.path)).toEqual(['/a']);
    expect(catalogue.jobs.map((j) => j.name)).toEqual(['b.job']);
    expect([...catalogue.permissions]).toEqual([
      ['a.read', ['tenant_admin']],
      ['b.work', ['coach']],
    ]);
  });

  it('fails at start on a permission declared twice, a duplicate nav path or widget, or an undeclared permission', () => {
    const p = { 'x.do': ['coach'] };
    expect(() => catalogueOf([{ name: 'a', permissions: p }, { name: 'b', permissions: p }])).toThrow("Permission 'x.do' is declared twice (again by module 'b')");
    const nav = { path: '/staff/x', labelKey: 'x', permission: 'x.do' };
    expect(() => catalogueOf([{ name: 'a', permissions: p, staffNav: [nav, nav] }])).toThrow("Staff navigation path '/staff/x' is declared twice");
    const widget = { id: 'w', titleKey: 'w', permission: 'x.do', load };
    expect(() => catalogueOf([{ name: 'a', permissions: p, dashboardWidgets: [widget, widget] }])).toThrow("Dashboard widget 'w' is declared twice");
    expect(() => catalogueOf([{ name: 'a', staffNav: [nav] }])).toThrow("Permission 'x.do' is used but no module declares it");
  });

  it('collects the audit vocabularies once each, and fails on an action or a vocabulary name declared twice', () => {
    const library = auditVocabulary('lib', { actions: ['lib.read'], objectTypes: ['thing'] });
    const own = auditVocabulary('a', { actions: ['a.read'], objectTypes: ['thing'] });
    const catalogue = catalogueOf([
      { name: 'a', auditVocabularies: [own, library] },
      { name: 'b', auditVocabularies: [library] },
    ]);
    expect(catalogue.auditVocabularies.map((v) => v.name)).toEqual(['a', 'lib']);
    const again = auditVocabulary('b', { actions: ['a.read'], objectTypes: [] });
    expect(() => catalogueOf([{ name: 'a', auditVocabularies: [own] }, { name: 'b', auditVocabularies: [again] }])).toThrow("Audit action 'a.read' is declared twice");
    const sameName = auditVocabulary('a', { actions: ['a.write'], objectTypes: [] });
    expect(() => catalogueOf([{ name: 'a', auditVocabularies: [own] }, { name: 'b', auditVocabularies: [sameName] }])).toThrow("Audit vocabulary 'a' is declared twice");
  });
});
