// Validation of one page: a zod schema built from the page's visible fields (unknown fields are
// rejected), then the page's own cross-field checks. Shared by the HTML pages and the JSON API.
import { z } from 'zod';
import type { FieldError } from '#shared/http/errors.js';
import type { Field, FieldContext } from './fields.js';
import type { Answers, QuestionPage } from './flow.js';
import { visibleFields, type Instance } from './navigation.js';

export type PageResult = { ok: true; values: Record<string, unknown> } | { ok: false; errors: FieldError[] };

/** The zod schema of a page with the current answers; strict, so unknown fields are errors. */
export function pageSchema(fields: Field[], ctx: FieldContext) {
  // An optional field may be missing altogether (API) or sent empty (HTML form): both mean "no answer".
  return z.strictObject(Object.fromEntries(fields.map((f) => [f.name, f.optional ? f.schema(ctx).optional() : f.schema(ctx)])));
}

/**
 * Building a page's zod schema costs several times more than parsing with it, and a schema depends only on the
 * page's visible fields and the day (ADR 0285): one per page, set of visible fields and day is kept.
 */
const schemas = new WeakMap<QuestionPage, Map<string, { today: string; schema: z.ZodType }>>();

function cachedPageSchema(page: QuestionPage, fields: Field[], ctx: FieldContext): z.ZodType {
  let byFields = schemas.get(page);
  if (!byFields) {
    byFields = new Map();
    schemas.set(page, byFields);
  }
  const key = fields.map((f) => f.name).join('\n');
  let cached = byFields.get(key);
  if (cached?.today !== ctx.today) {
    cached = { today: ctx.today, schema: pageSchema(fields, ctx) };
    byFields.set(key, cached);
  }
  return cached.schema;
}

export function validatePage(instance: Instance, answers: Answers, raw: Record<string, unknown>, ctx: FieldContext): PageResult {
  const page = instance.page as QuestionPage;
  const scope = { answers, item: instance.item };
  const fields = visibleFields(page, scope);
  const result = cachedPageSchema(page, fields, ctx).safeParse(raw);
  if (!result.success) {
    const errors: FieldError[] = [];
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        errors.push({ field: 'form', message: 'forms:validation.unknownField', params: { fields: issue.keys.join(', ') } });
        continue;
      }
      const field = String(issue.path[0] ?? 'form');
      if (!errors.some((e) => e.field === field)) errors.push({ field, message: issue.message });
    }
    // Keep the order of the fields on the page, so the summary reads top to bottom.
    const order = fields.map((f) => f.name);
    errors.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
    return { ok: false, errors };
  }
  const values = result.data as Record<string, unknown>;
  const refined = page.refine?.(values, scope) ?? [];
  if (refined.length > 0) return { ok: false, errors: refined };
  // Hidden fields of this page are cleared, so an old answer cannot linger behind a changed condition.
  for (const field of page.fields) if (!fields.includes(field)) values[field.name] = undefined;
  return { ok: true, values };
}

/** Reads the raw values of a page's visible fields from a form body; other keys are reported. */
export function readForm(instance: Instance, answers: Answers, body: Record<string, unknown>, allowed: string[] = []) {
  const page = instance.page as QuestionPage;
  const fields = visibleFields(page, { answers, item: instance.item });
  const known = new Set([...allowed, ...fields.flatMap((f) => f.formKeys)]);
  const unknown = Object.keys(body).filter((k) => !known.has(k));
  const raw: Record<string, unknown> = {};
  for (const field of fields) {
    const value = field.read(body);
    if (value !== undefined) raw[field.name] = value;
  }
  return { raw, unknown };
}
