// Field types of the form-flow engine. A field knows how to read itself from a form body, how to
// validate (a zod schema whose messages are i18n keys), and how to show its value again.
import { z } from 'zod';
import { unsafeTextReason } from '#shared/http/text.js';
import type { TFunction } from '#shared/i18n/index.js';
import { centsToGerman, formatIban, isoToGerman, isoToParts, MAX_CENTS, parseDate, parseEuroToCents, parseIban, type DateParts } from './values.js';

export type Answers = Record<string, unknown>;

/** One entry of a repeatable group (e.g. a household member); `id` is random and not personal. */
export interface Item {
  id: string;
  [field: string]: unknown;
}

/** What a condition sees: all answers, and the item when the page belongs to one. */
export interface Scope {
  answers: Answers;
  item?: Item | undefined;
}

export type Condition = (scope: Scope) => boolean;

export type FieldKind = 'text' | 'textarea' | 'email' | 'tel' | 'postalCode' | 'integer' | 'money' | 'date' | 'iban' | 'radio' | 'checkbox';

export interface FieldOption {
  value: string;
  labelKey: string;
  hintKey?: string;
}

/** Context for checks that depend on "today" (dates in the past or future). */
export interface FieldContext {
  /** YYYY-MM-DD in Europe/Berlin */
  today: string;
}

export interface Field {
  name: string;
  kind: FieldKind;
  labelKey: string;
  hintKey?: string | undefined;
  optional: boolean;
  options?: FieldOption[];
  autocomplete?: string | undefined;
  /** the field is asked only when this holds (answers of earlier pages) */
  when?: Condition | undefined;
  /** builds the zod schema of one value: raw input (form strings or API values) → stored value */
  schema(ctx: FieldContext): z.ZodType;
  /** keys this field occupies in an urlencoded form body */
  formKeys: string[];
  /** raw value from a form body, as the schema expects it */
  read(body: Record<string, unknown>): unknown;
  /** stored value → raw value for showing it in the form again */
  toRaw(value: unknown): unknown;
  /** stored value → text for "check your answers", the PDF and staff views */
  display(value: unknown, t: TFunction): string;
}

const V = 'forms:validation';
const str = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '');
const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

interface Common {
  hintKey?: string;
  optional?: boolean;
  when?: Condition;
}

/** A schema that turns raw input into a value or adds one issue whose message is an i18n key. */
function valueSchema(optional: boolean, requiredKey: string, parse: (raw: unknown, fail: (key: string) => never) => unknown) {
  return z.unknown().transform((raw, ctx) => {
    if (isBlank(raw)) {
      if (optional) return undefined;
      ctx.addIssue({ code: 'custom', message: requiredKey });
      return z.NEVER;
    }
    try {
      return parse(raw, (key) => {
        throw new Invalid(key);
      });
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      ctx.addIssue({ code: 'custom', message: err.key });
      return z.NEVER;
    }
  });
}

class Invalid extends Error {
  constructor(readonly key: string) {
    super(key);
  }
}

/** What every field factory sets from its arguments; `defaultHint` unless the flow gives its own hint. */
function head(name: string, kind: Field['kind'], labelKey: string, opts: Common, defaultHint?: string): Pick<Field, 'name' | 'kind' | 'labelKey' | 'hintKey' | 'optional' | 'when'> {
  return { name, kind, labelKey, hintKey: opts.hintKey ?? defaultHint, optional: opts.optional ?? false, when: opts.when };
}

function single(name: string): Pick<Field, 'formKeys' | 'read'> {
  return { formKeys: [name], read: (body) => body[name] };
}

function textLike(kind: 'text' | 'textarea' | 'email' | 'tel' | 'postalCode', name: string, labelKey: string, opts: Common & { max?: number; autocomplete?: string } = {}): Field {
  const max = opts.max ?? (kind === 'textarea' ? 2000 : 200);
  return {
    ...head(name, kind, labelKey, opts),
    autocomplete: opts.autocomplete,
    ...single(name),
    schema: () =>
      valueSchema(opts.optional ?? false, `${V}.required`, (raw, fail) => {
        if (typeof raw !== 'string') fail(`${V}.invalid`);
        const value = kind === 'textarea' ? (raw as string).trim().replace(/\r\n/g, '\n') : (raw as string).trim().replace(/\s+/g, ' ');
        if (value.length > max) fail(`${V}.tooLong`);
        // Control and bidi characters have no place in a name or an address (line breaks only in text areas).
        const unsafe = unsafeTextReason(value, kind === 'textarea');
        if (unsafe) fail(unsafe);
        if (kind === 'email' && !z.email().safeParse(value).success) fail(`${V}.email`);
        if (kind === 'tel' && !/^\+?[0-9 ()/-]{5,30}$/.test(value)) fail(`${V}.phone`);
        if (kind === 'postalCode' && !/^\d{5}$/.test(value)) fail(`${V}.postalCode`);
        return value;
      }),
    toRaw: (v) => (typeof v === 'string' ? v : ''),
    display: (v) => (typeof v === 'string' ? v : ''),
  };
}

export const text = (name: string, labelKey: string, opts?: Common & { max?: number; autocomplete?: string }) => textLike('text', name, labelKey, opts);
export const textarea = (name: string, labelKey: string, opts?: Common & { max?: number }) => textLike('textarea', name, labelKey, opts);
export const email = (name: string, labelKey: string, opts?: Common) => textLike('email', name, labelKey, { ...opts, max: 254, autocomplete: 'email' });
export const tel = (name: string, labelKey: string, opts?: Common) => textLike('tel', name, labelKey, { ...opts, max: 30, autocomplete: 'tel' });
export const postalCode = (name: string, labelKey: string, opts?: Common) =>
  textLike('postalCode', name, labelKey, { ...opts, max: 5, autocomplete: 'postal-code' });

export function integer(name: string, labelKey: string, opts: Common & { min: number; max: number }): Field {
  return {
    ...head(name, 'integer', labelKey, opts),
    ...single(name),
    schema: () =>
      valueSchema(opts.optional ?? false, `${V}.required`, (raw, fail) => {
        const s = typeof raw === 'number' ? String(raw) : str(raw).trim();
        if (!/^\d{1,9}$/.test(s)) fail(`${V}.integer`);
        const n = Number(s);
        if (n < opts.min || n > opts.max) fail(`${V}.integerRange`);
        return n;
      }),
    toRaw: (v) => (typeof v === 'number' ? String(v) : ''),
    display: (v) => (typeof v === 'number' ? String(v) : ''),
  };
}

/** An amount in euros, typed in German notation; stored as integer cents. The API may send cents. */
export function money(name: string, labelKey: string, opts: Common = {}): Field {
  return {
    ...head(name, 'money', labelKey, opts, 'forms:field.moneyHint'),
    ...single(name),
    schema: () =>
      valueSchema(opts.optional ?? false, `${V}.moneyRequired`, (raw, fail) => {
        if (typeof raw === 'number') {
          if (!Number.isSafeInteger(raw) || raw < 0) fail(`${V}.money`);
          if (raw > MAX_CENTS) fail(`${V}.moneyTooBig`);
          return raw;
        }
        const parsed = parseEuroToCents(str(raw));
        if (!parsed.ok) fail(parsed.reason === 'tooBig' ? `${V}.moneyTooBig` : `${V}.money`);
        return (parsed as { cents: number }).cents;
      }),
    toRaw: (v) => (typeof v === 'number' ? centsToGerman(v) : ''),
    display: (v, t) => (typeof v === 'number' ? t('forms:field.euro', { amount: centsToGerman(v) }) : ''),
  };
}

export interface DateRules {
  /** the date must not lie after today */
  notFuture?: boolean;
  /** the date must lie after today */
  future?: boolean;
  /** earliest year accepted */
  minYear?: number;
  /** latest date accepted, in days from today */
  maxDaysAhead?: number;
}

/** A date as three fields (day, month, year; GOV.UK pattern); the API may send YYYY-MM-DD or DD.MM.YYYY. */
export function date(name: string, labelKey: string, opts: Common & DateRules & { autocompleteBirthday?: boolean } = {}): Field {
  const keys = { day: `${name}-day`, month: `${name}-month`, year: `${name}-year` };
  return {
    ...head(name, 'date', labelKey, opts, 'forms:field.dateHint'),
    autocomplete: opts.autocompleteBirthday ? 'bday' : undefined,
    formKeys: [keys.day, keys.month, keys.year],
    read: (body) => {
      const parts = { day: str(body[keys.day]), month: str(body[keys.month]), year: str(body[keys.year]) };
      return parts.day || parts.month || parts.year ? parts : undefined;
    },
    schema: (ctx) =>
      valueSchema(opts.optional ?? false, `${V}.dateRequired`, (raw, fail) => {
        let input: string | DateParts;
        if (typeof raw === 'string') input = raw;
        else if (raw && typeof raw === 'object' && 'day' in raw && 'month' in raw && 'year' in raw) {
          const r = raw as Record<string, unknown>;
          const parts = { day: str(r.day).trim(), month: str(r.month).trim(), year: str(r.year).trim() };
          // A whole date typed or pasted into the day box ("14.03.1991", "1991-03-14") is that date.
          if (parts.day && !parts.month && !parts.year && /^\d{1,4}[.-]\d{1,2}[.-]\d{1,4}$/.test(parts.day)) input = parts.day;
          else {
            input = parts;
            if (!parts.day || !parts.month || !parts.year) fail(`${V}.dateIncomplete`);
          }
        } else return fail(`${V}.date`);
        const parsed = parseDate(input);
        if (!parsed.ok) fail(parsed.reason === 'invalid' ? `${V}.dateInvalid` : `${V}.date`);
        const iso = (parsed as { iso: string }).iso;
        if (opts.minYear !== undefined && Number(iso.slice(0, 4)) < opts.minYear) fail(`${V}.dateTooEarly`);
        if (opts.notFuture && iso > ctx.today) fail(`${V}.dateNotFuture`);
        if (opts.future && iso <= ctx.today) fail(`${V}.dateFuture`);
        if (opts.maxDaysAhead !== undefined) {
          const limit = new Date(`${ctx.today}T00:00:00Z`);
          limit.setUTCDate(limit.getUTCDate() + opts.maxDaysAhead);
          if (iso > limit.toISOString().slice(0, 10)) fail(`${V}.dateTooLate`);
        }
        return iso;
      }),
    toRaw: (v) => (typeof v === 'string' ? isoToParts(v) : undefined),
    display: (v) => (typeof v === 'string' ? isoToGerman(v) : ''),
  };
}

export function iban(name: string, labelKey: string, opts: Common = {}): Field {
  return {
    ...head(name, 'iban', labelKey, opts, 'forms:field.ibanHint'),
    ...single(name),
    schema: () =>
      valueSchema(opts.optional ?? false, `${V}.ibanRequired`, (raw, fail) => {
        const parsed = parseIban(str(raw));
        if (!parsed.ok) fail(`${V}.iban.${parsed.reason}`);
        return (parsed as { iban: string }).iban;
      }),
    toRaw: (v) => (typeof v === 'string' ? formatIban(v) : ''),
    display: (v) => (typeof v === 'string' ? formatIban(v) : ''),
  };
}

const optionLabel = (options: FieldOption[], value: unknown, t: TFunction) => {
  const option = options.find((o) => o.value === value);
  return option ? t(option.labelKey) : '';
};

/** One answer out of several (radios). */
export function radio(name: string, labelKey: string, options: FieldOption[], opts: Common = {}): Field {
  const values = options.map((o) => o.value);
  return {
    ...head(name, 'radio', labelKey, opts),
    options,
    ...single(name),
    schema: () =>
      valueSchema(opts.optional ?? false, `${V}.choose`, (raw, fail) => {
        const value = str(raw);
        if (Array.isArray(raw) && raw.length > 1) fail(`${V}.choose`);
        if (!values.includes(value)) fail(`${V}.choose`);
        return value;
      }),
    toRaw: (v) => v,
    display: (v, t) => optionLabel(options, v, t),
  };
}

export const yesNoOptions: FieldOption[] = [
  { value: 'ja', labelKey: 'forms:field.yes' },
  { value: 'nein', labelKey: 'forms:field.no' },
];

export const yesNo = (name: string, labelKey: string, opts: Common = {}) => radio(name, labelKey, yesNoOptions, opts);

/**
 * Several answers (checkboxes). `exclusive` is an option such as "none of these" that cannot
 * be combined with others; an unticked group is an answer only when the field is optional.
 */
export function checkboxes(name: string, labelKey: string, options: FieldOption[], opts: Common & { exclusive?: string } = {}): Field {
  const values = options.map((o) => o.value);
  return {
    ...head(name, 'checkbox', labelKey, opts),
    options,
    ...single(name),
    schema: () =>
      valueSchema(opts.optional ?? false, `${V}.chooseSome`, (raw, fail) => {
        const list = (Array.isArray(raw) ? raw : [raw]).map(str);
        if (list.length > values.length || list.some((v) => !values.includes(v))) fail(`${V}.choose`);
        const unique = values.filter((v) => list.includes(v));
        if (unique.length === 0) fail(`${V}.chooseSome`);
        if (opts.exclusive && unique.includes(opts.exclusive) && unique.length > 1) fail(`${V}.exclusive`);
        return unique;
      }),
    toRaw: (v) => (Array.isArray(v) ? v : []),
    display: (v, t) => (Array.isArray(v) ? v.map((x) => optionLabel(options, x, t)).join(', ') : ''),
  };
}
