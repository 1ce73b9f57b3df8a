import { describe, expect, it } from 'vitest';
import { checkboxes, date, money, text, yesNo } from './fields.js';
import { defineFlow, type Answers, type FlowDefinition } from './flow.js';
import { isComplete, nextInstance, previousInstance, prunedAnswers, sectionStatus, visibleInstances } from './navigation.js';
import { buildSummary } from './summary.js';
import { readForm, validatePage } from './validate.js';

const None = () => null;

// A small flow with every kind of node: conditions, a repeatable group and pages per item.
const flow: FlowDefinition = defineFlow({
  id: 'test',
  basePath: '/test',
  titleKey: 't',
  referencePrefix: 'T',
  taskList: true,
  startPage: None,
  declarationKey: 'd',
  contactEmail: () => undefined,
  applicantBirthDate: () => undefined,
  facets: () => ({}),
  sections: [
    {
      id: 'a',
      titleKey: 'a',
      nodes: [
        { kind: 'question', id: 'name', titleKey: 'name', fields: [text('name', 'name')] },
        { kind: 'question', id: 'works', titleKey: 'works', fields: [yesNo('works', 'works')] },
        {
          kind: 'question',
          id: 'pay',
          titleKey: 'pay',
          when: (s) => s.answers.works === 'ja',
          fields: [money('gross', 'gross'), money('net', 'net'), text('employer', 'employer', { optional: true, when: (s) => s.answers.gross !== 0 })],
          refine: (v) => (Number(v.net) > Number(v.gross) ? [{ field: 'net', message: 'netAboveGross' }] : []),
        },
      ],
    },
    {
      id: 'b',
      titleKey: 'b',
      nodes: [
        {
          kind: 'group',
          id: 'people',
          name: 'people',
          titleKey: 'people',
          listTitleKey: 'list',
          addFirstKey: 'first',
          addAnotherKey: 'another',
          max: 2,
          itemLabel: (item, i) => String(item.name ?? `#${i}`),
          pages: [
            { kind: 'question', id: 'p-name', titleKey: 'p-name', fields: [text('name', 'name')] },
            { kind: 'question', id: 'p-child', titleKey: 'p-child', fields: [yesNo('child', 'child')] },
            { kind: 'question', id: 'p-school', titleKey: 'p-school', when: (s) => s.item?.child === 'ja', fields: [yesNo('school', 'school')] },
          ],
        },
      ],
    },
    {
      id: 'c',
      titleKey: 'c',
      nodes: [{ kind: 'forEach', group: 'people', pages: [{ kind: 'question', id: 'p-born', titleKey: 'p-born', fields: [date('born', 'born', { notFuture: true })] }] }],
    },
  ],
});

const answers: Answers = {
  name: 'Ada',
  works: 'nein',
  gross: 1000,
  people: [
    { id: 'x1', name: 'Bo', child: 'ja', school: 'ja' },
    { id: 'x2', name: 'Cy', child: 'nein', school: 'ja' },
  ],
};

describe('visible pages (skip logic)', () => {
  it('skips pages whose condition fails and asks item pages per item', () => {
    expect(visibleInstances(flow, answers).map((i) => i.key)).toEqual([
      'name',
      'works',
      'people',
      'p-name/x1',
      'p-child/x1',
      'p-school/x1',
      'p-name/x2',
      'p-child/x2',
      'p-born/x1',
      'p-born/x2',
    ]);
    expect(visibleInstances(flow, { ...answers, works: 'ja' }).map((i) => i.key)).toContain('pay');
  });

  it('leads through an item loop back to the overview, and past the group afterwards', () => {
    expect(nextInstance(flow, answers, 'works')?.key).toBe('people');
    expect(nextInstance(flow, answers, 'p-child/x2')?.key).toBe('people');
    expect(nextInstance(flow, answers, 'p-name/x1')?.key).toBe('p-child/x1');
    expect(nextInstance(flow, answers, 'people')?.key).toBe('p-born/x1');
    expect(nextInstance(flow, answers, 'p-born/x2')).toBeUndefined();
    expect(previousInstance(flow, answers, 'p-name/x1')?.key).toBe('people');
    expect(previousInstance(flow, answers, 'p-born/x1')?.key).toBe('people');
    expect(previousInstance(flow, answers, 'name')).toBeUndefined();
  });

  it('keeps only the answers of questions still asked', () => {
    expect(prunedAnswers(flow, answers)).toEqual({
      name: 'Ada',
      works: 'nein',
      people: [
        { id: 'x1', name: 'Bo', child: 'ja', school: 'ja' },
        { id: 'x2', name: 'Cy', child: 'nein' },
      ],
    });
  });

  it('derives section status from the pages answered', () => {
    const done = new Set(['name', 'works']);
    expect(sectionStatus(flow, answers, done, 'a')).toBe('completed');
    expect(sectionStatus(flow, { ...answers, works: 'ja' }, done, 'a')).toBe('inProgress');
    expect(sectionStatus(flow, answers, done, 'b')).toBe('notStarted');
    expect(isComplete(flow, answers, done)).toBe(false);
    const all = new Set(visibleInstances(flow, answers).map((i) => i.key));
    expect(isComplete(flow, answers, all)).toBe(true);
  });

  it('summarises answers per item with change paths', () => {
    const t = ((key: string, params?: Record<string, string>) => (params?.name ? `${key}(${params.name})` : key)) as never;
    const [, people] = buildSummary(flow, prunedAnswers(flow, answers), t);
    expect(people!.blocks.map((b) => b.title)).toEqual([undefined, 'Bo', 'Cy']);
    expect(people!.blocks[1]!.rows[2]).toEqual({ label: 'p-school(Bo)', value: 'forms:field.yes', changePath: '/b/p-school/x1' });
  });
});

describe('page validation', () => {
  const today = { today: '2026-11-25' };
  const pay = visibleInstances(flow, { ...answers, works: 'ja' }).find((i) => i.key === 'pay')!;

  it('parses German amounts to cents and runs the cross-field check', () => {
    expect(validatePage(pay, answers, { gross: '1.000,00', net: '800', employer: 'Kiosk' }, today)).toEqual({
      ok: true,
      values: { gross: 100_000, net: 80_000, employer: 'Kiosk' },
    });
    expect(validatePage(pay, answers, { gross: '800', net: '1.000' }, today)).toEqual({ ok: false, errors: [{ field: 'net', message: 'netAboveGross' }] });
  });

  it('reports every field in page order, with i18n keys', () => {
    const result = validatePage(pay, answers, { net: 'zehn' }, today);
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'gross', message: 'forms:validation.moneyRequired' },
        { field: 'net', message: 'forms:validation.money' },
      ],
    });
  });

  it('refuses control characters and over-long text', () => {
    const name = visibleInstances(flow, answers).find((i) => i.key === 'name')!;
    expect(validatePage(name, answers, { name: 'Ada\u0007' }, today).ok).toBe(false);
    expect(validatePage(name, answers, { name: 'x'.repeat(201) }, today)).toEqual({ ok: false, errors: [{ field: 'name', message: 'forms:validation.tooLong' }] });
    expect(validatePage(name, answers, { name: '  Ada   Lovelace ' }, today)).toEqual({ ok: true, values: { name: 'Ada Lovelace' } });
  });

  it('rejects unknown fields (API) and reports unknown form keys (HTML)', () => {
    const result = validatePage(pay, answers, { gross: '1', net: '1', isAdmin: true }, today);
    expect(result.ok).toBe(false);
    expect(readForm(pay, answers, { gross: '1', 'gross-day': '3', _action: 'save' }, ['_action']).unknown).toEqual(['gross-day']);
  });

  it('clears a hidden field so an old answer cannot linger', () => {
    const zero = { ...answers, works: 'ja', gross: 0 };
    const instance = visibleInstances(flow, zero).find((i) => i.key === 'pay')!;
    const result = validatePage(instance, zero, { gross: '0', net: '0' }, today);
    expect(result).toEqual({ ok: true, values: { gross: 0, net: 0, employer: undefined } });
  });

  it('checks dates against today and exclusive checkbox answers', () => {
    const born = visibleInstances(flow, answers).find((i) => i.key === 'p-born/x1')!;
    expect(validatePage(born, answers, { born: { day: '1', month: '1', year: '2027' } }, today)).toEqual({
      ok: false,
      errors: [{ field: 'born', message: 'forms:validation.dateNotFuture' }],
    });
    const field = checkboxes('c', 'c', [{ value: 'a', labelKey: 'a' }, { value: 'keine', labelKey: 'k' }], { exclusive: 'keine' });
    expect(field.schema(today).safeParse(['a', 'keine']).success).toBe(false);
    expect(field.schema(today).safeParse(['keine']).data).toEqual(['keine']);
    expect(field.schema(today).safeParse([]).success).toBe(false);
  });
});

describe('flow definitions', () => {
  it('refuses duplicate or reserved page ids', () => {
    const page = { kind: 'question' as const, id: 'x', titleKey: 'x', fields: [] };
    const base = { ...flow, sections: [{ id: 's', titleKey: 's', nodes: [page, page] }] };
    expect(() => defineFlow(base)).toThrow(/duplicate page id x/);
    expect(() => defineFlow({ ...flow, sections: [{ id: 's', titleKey: 's', nodes: [{ ...page, id: 'pruefen' }] }] })).toThrow(/pruefen/);
  });
});
