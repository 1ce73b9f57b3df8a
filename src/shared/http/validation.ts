// Input validation with zod: messages are i18n keys, errors become field lists (422 for the API, re-rendered forms for HTML).
import { z, type ZodType } from 'zod';
import { parseTypedDate } from '../time.js';
import type { FieldError } from './errors.js';
import { ValidationError } from './errors.js';

/**
 * zod messages are i18n keys. Schemas may give their own key (`{ error: 'termine:errors.email' }`);
 * everything else falls back to a generic key per issue code, translated with the issue's limits.
 */
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined || issue.input === '' ? 'common:validation.required' : 'common:validation.invalidType';
      case 'too_small':
        return issue.origin === 'string' && issue.minimum === 1 ? 'common:validation.required' : `common:validation.tooSmall.${issue.origin === 'string' ? 'string' : 'number'}`;
      case 'too_big':
        return `common:validation.tooBig.${issue.origin === 'string' ? 'string' : 'number'}`;
      case 'invalid_format':
        return issue.format === 'email' ? 'common:validation.email' : 'common:validation.format';
      case 'invalid_value':
        return 'common:validation.choice';
      case 'unrecognized_keys':
        return 'common:validation.unknownField';
      default:
        return 'common:validation.invalid';
    }
  },
});

type Issue = z.core.$ZodIssue;

/** Says that nothing was given: a missing value, or an empty text or list where at least one is needed. */
const saysEmpty = (issue: Issue) => issue.code === 'invalid_type' || (issue.code === 'too_small' && issue.minimum === 1 && (issue.origin === 'string' || issue.origin === 'array'));

/**
 * The messages for the fields, in the order of the checks. A field with several independent problems (too long and
 * in the wrong format) gets each of them, so that one correction fixes all; a message that two checks of one field
 * share is told once; and a field with nothing in it is only told that it is required (its other checks fail because
 * it is empty). `whole` names an issue of the input as a whole. The JSON API's schema validation uses the same rule
 * (error-handler.ts).
 */
export function toFieldErrors(error: { issues: readonly Issue[] }, whole = 'form'): FieldError[] {
  const fieldOf = (issue: Issue) => (issue.code === 'unrecognized_keys' ? issue.keys.join(',') : issue.path.map(String).join('.') || whole);
  const empty = new Set(error.issues.filter(saysEmpty).map(fieldOf));
  const seen = new Set<string>();
  const fields: FieldError[] = [];
  for (const issue of error.issues) {
    const field = fieldOf(issue);
    if (empty.has(field) && !saysEmpty(issue)) continue;
    if (seen.has(`${field} ${issue.message}`)) continue;
    seen.add(`${field} ${issue.message}`);
    const params: Record<string, unknown> = {};
    if ('minimum' in issue) params.minimum = issue.minimum;
    if ('maximum' in issue) params.maximum = issue.maximum;
    fields.push({ field, message: issue.message, params });
  }
  return fields;
}

/** Parses form or JSON input; throws ValidationError (422 with field list) on failure. */
export function parseInput<S extends ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(toFieldErrors(result.error));
  return result.data;
}

/** For HTML forms that re-render on error instead of throwing. */
export function safeParseForm<S extends ZodType>(
  schema: S,
  input: unknown,
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldError[] } {
  const result = schema.safeParse(input);
  return result.success ? { ok: true, data: result.data } : { ok: false, errors: toFieldErrors(result.error) };
}

/**
 * The query of a GET filter form: the fields that are valid, and an error for each that is not. A wrong value drops
 * only its own field, so the page still applies the rest of the filter and names the field to correct. A check
 * across fields (an issue without a field) drops the whole filter.
 */
export function parseFilter<S extends ZodType>(schema: S, input: unknown): { data: Partial<z.output<S>>; errors: FieldError[] } {
  const result = schema.safeParse(input);
  if (result.success) return { data: result.data, errors: [] };
  const wrong = new Set(result.error.issues.map((issue) => issue.path[0]));
  const rest = Object.fromEntries(Object.entries(formBody(input)).filter(([name]) => !wrong.has(name)));
  const kept = wrong.has(undefined) ? undefined : schema.safeParse(rest);
  return { data: kept?.success ? kept.data : {}, errors: toFieldErrors(result.error) };
}

/**
 * One value of a form, query string or path as sent, before validation: a string, or undefined when it is missing
 * or not a single string (a repeated field). For flags and for what decides which schema applies; whatever is
 * stored goes through a schema.
 */
export function formField(input: unknown, name: string): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const value: unknown = Object.getOwnPropertyDescriptor(input, name)?.value;
  return typeof value === 'string' ? value : undefined;
}

/** The submitted text fields as typed, to show them again beside the errors; {} without a body. */
export function submittedTexts(input: unknown): Record<string, string> {
  if (typeof input !== 'object' || input === null) return {};
  return Object.fromEntries(Object.entries(input).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** Like submittedTexts, but a repeated field (a group of checkboxes) stays a list of its values. */
export function submittedValues(input: unknown): Record<string, string | string[]> {
  if (typeof input !== 'object' || input === null) return {};
  const kept = Object.entries(input).filter((e): e is [string, string | string[]] => typeof e[1] === 'string' || (Array.isArray(e[1]) && e[1].every((v) => typeof v === 'string')));
  return Object.fromEntries(kept);
}

/** The submitted form or query as sent (strings and repeated fields), for a schema to parse; {} without one. */
export function formBody(input: unknown): Record<string, unknown> {
  return typeof input === 'object' && input !== null ? { ...input } : {};
}

/**
 * A date field of an HTML form: "14.03.1991" as typed, "1991-03-14" as a date picker or a paste sends it; stored
 * as 'YYYY-MM-DD'. `message` is the i18n key shown when it is missing or not a real calendar date.
 */
export function localDateInput(message: string) {
  return z
    .string({ error: message })
    .transform((value, ctx) => {
      const parsed = parseTypedDate(value);
      if (parsed.ok) return parsed.iso;
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    })
    .meta({ example: '2026-12-04' });
}

/** Like localDateInput, but an empty field is no date (undefined). */
export function optionalLocalDateInput(message: string) {
  return z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), localDateInput(message).optional());
}
