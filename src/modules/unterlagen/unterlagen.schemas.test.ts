// The item rows of the staff form's Mitwirkungsaufforderung: each wrong field is named once, after its row.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { aufforderungItemInput, itemRowErrors } from './unterlagen.schemas.js';

const errorOf = (schema: z.ZodType, input: unknown) => {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error('expected the input to be refused');
  return parsed.error;
};

describe('item row errors', () => {
  it('name each wrong field of the row with its row number', () => {
    const errors = itemRowErrors(errorOf(aufforderungItemInput, { documentType: 'reisepass', description: '', dueDate: '31.02.2026' }), 1);
    expect(errors).toEqual([
      { field: 'items.1.documentType', message: 'unterlagen:staff.itemErrors.documentType', params: { number: 2 } },
      { field: 'items.1.description', message: 'unterlagen:staff.itemErrors.description', params: { number: 2 } },
      { field: 'items.1.dueDate', message: 'unterlagen:staff.itemErrors.dueDate', params: { number: 2 } },
    ]);
  });

  it('tell a field with two problems its one message once (one summary entry, one message beside the field)', () => {
    // Too long and in the wrong format: two distinct messages, which the row turns into its one message of the field.
    const twoProblems = z.object({ description: z.string().max(3, { error: 'tooLong' }).regex(/^[a-z]+$/, { error: 'letters' }) });
    const error = errorOf(twoProblems, { description: 'ABCDE' });
    expect(error.issues).toHaveLength(2);
    expect(itemRowErrors(error, 0)).toEqual([{ field: 'items.0.description', message: 'unterlagen:staff.itemErrors.description', params: { number: 1 } }]);
  });
});
