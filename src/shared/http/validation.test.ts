// The request readers that replace casts of request.body/query/params: what each keeps and what it drops.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formBody, formField, localDateInput, optionalLocalDateInput, parseFilter, safeParseForm, submittedTexts, submittedValues } from './validation.js';
import { textInput } from './text.js';

describe('request readers', () => {
  const body = { name: 'Erika', locationIds: ['a', 'b'], count: 3, nested: { x: 1 } };

  it('formField reads one text field and nothing else', () => {
    expect(formField(body, 'name')).toBe('Erika');
    expect(formField(body, 'locationIds')).toBeUndefined();
    expect(formField(body, 'count')).toBeUndefined();
    expect(formField(undefined, 'name')).toBeUndefined();
    expect(formField(body, 'toString')).toBeUndefined();
  });

  it('submittedTexts keeps single texts; submittedValues also keeps a checkbox group as a list', () => {
    expect(submittedTexts(body)).toEqual({ name: 'Erika' });
    expect(submittedValues(body)).toEqual({ name: 'Erika', locationIds: ['a', 'b'] });
    expect(submittedValues({ mixed: ['a', 1] })).toEqual({});
    expect(submittedValues(null)).toEqual({});
  });

  it('formBody passes the whole form on for a schema to parse', () => {
    expect(formBody(body)).toEqual(body);
    expect(formBody(undefined)).toEqual({});
  });
});

describe('a GET filter', () => {
  const filter = z.object({ year: z.coerce.number().int().optional(), team: z.string().regex(/^t\d$/, { error: 'team' }).optional() });

  it('keeps its valid fields and names each wrong one', () => {
    expect(parseFilter(filter, { year: '2026', team: 't1' })).toEqual({ data: { year: 2026, team: 't1' }, errors: [] });
    expect(parseFilter(filter, { year: '2026', team: 'kaputt' })).toEqual({ data: { year: 2026 }, errors: [{ field: 'team', message: 'team', params: {} }] });
    expect(parseFilter(filter, { year: 'x', team: 'kaputt' }).data).toEqual({});
    expect(parseFilter(filter, { year: 'x', team: 'kaputt' }).errors.map((e) => e.field)).toEqual(['year', 'team']);
  });

  it('drops the whole filter for a check across its fields', () => {
    const range = z.object({ from: z.coerce.number(), to: z.coerce.number() }).refine((v) => v.from <= v.to, { message: 'range' });
    expect(parseFilter(range, { from: '3', to: '1' })).toEqual({ data: {}, errors: [{ field: 'form', message: 'range', params: {} }] });
  });
});

describe('date fields of every form', () => {
  const form = z.object({ on: localDateInput('x:date'), until: optionalLocalDateInput('x:date') });
  const parse = (on: unknown, until?: unknown) => safeParseForm(form, { on, until });

  it('accept a date typed the German way, with or without leading zeros, and the ISO value a date picker sends', () => {
    expect(parse('14.03.1991')).toEqual({ ok: true, data: { on: '1991-03-14', until: undefined } });
    expect(parse(' 4.3.1991 ', '')).toEqual({ ok: true, data: { on: '1991-03-04', until: undefined } });
    expect(parse('1991-03-14', '01.12.2026')).toEqual({ ok: true, data: { on: '1991-03-14', until: '2026-12-01' } });
  });

  it('refuse what is not a real calendar day, naming the field with the given message', () => {
    for (const bad of ['31.02.2026', '2026-13-01', '14.03.91', '14/03/1991', 'morgen', '']) {
      expect(parse(bad), bad).toEqual({ ok: false, errors: [{ field: 'on', message: 'x:date', params: {} }] });
    }
    expect(parse(undefined)).toEqual({ ok: false, errors: [{ field: 'on', message: 'x:date', params: {} }] });
    expect(parse('14.03.1991', '30.02.2027')).toEqual({ ok: false, errors: [{ field: 'until', message: 'x:date', params: {} }] });
  });
});

describe('the messages of one field', () => {
  const form = z.object({
    code: textInput({ min: 1, max: 8 }).regex(/^[A-Z0-9]*$/, { error: 'x:code' }),
    counter: z.string().max(4, { error: 'x:counter' }).regex(/^\d*$/, { error: 'x:counter' }),
  });
  const errors = (input: Record<string, unknown>) => {
    const parsed = safeParseForm(form, { code: 'AB12', counter: '7', ...input });
    return parsed.ok ? [] : parsed.errors.map((e) => [e.field, e.message]);
  };

  it('are all told when they are independent: too long and characters that are not allowed', () => {
    expect(errors({ code: 'ab-cd-ef-gh' })).toEqual([
      ['code', 'common:validation.tooBig.string'],
      ['code', 'x:code'],
    ]);
  });

  it('are one when the field is empty: its format check fails only because nothing is there', () => {
    expect(errors({ code: '  ' })).toEqual([['code', 'common:validation.required']]);
    expect(errors({ code: undefined })).toEqual([['code', 'common:validation.required']]);
  });

  it('are told once when two checks share one message', () => {
    expect(errors({ counter: 'abcdef' })).toEqual([['counter', 'x:counter']]);
  });
});
