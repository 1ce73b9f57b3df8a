// The request readers that replace casts of request.body/query/params: what each keeps and what it drops.
import { describe, expect, it } from 'vitest';
import { formBody, formField, submittedTexts, submittedValues } from './validation.js';

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
