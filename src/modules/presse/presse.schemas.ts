// zod schemas of the newsroom's inputs (messages are i18n keys).
import { z } from 'zod';
import { multilineText, textInput } from '#shared/http/text.js';
import { localDateInput } from '#shared/http/validation.js';

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);


export const newsroomQuery = z.object({
  q: z.preprocess(emptyToUndefined, textInput({ max: 100 }).optional()),
  kategorie: z.preprocess(emptyToUndefined, textInput({ max: 80 }).optional()),
  jahr: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1990).max(2100).optional()),
  seite: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(1000).optional()),
});

export const feedQuery = z.object({ kategorie: z.preprocess(emptyToUndefined, textInput({ max: 80 }).optional()) });

const localDate = localDateInput('common:validation.format');
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'presse:errors.time' });

/** The editor's form; categories are comma-separated, the embargo is a date and time in Europe/Berlin. */
export const releaseForm = z
  .object({
    title: textInput({ min: 1, max: 200 }),
    subtitle: z.preprocess((v) => v ?? '', textInput({ max: 300 })),
    dateline: textInput({ min: 1, max: 100 }),
    body: multilineText({ min: 1, max: 50_000 }),
    categories: z.preprocess((v) => v ?? '', textInput({ max: 300 })),
    embargoDate: z.preprocess(emptyToUndefined, localDate.optional()),
    embargoTime: z.preprocess(emptyToUndefined, localTime.optional()),
  })
  .superRefine((v, ctx) => {
    if (v.embargoDate && !v.embargoTime) ctx.addIssue({ code: 'custom', path: ['embargoTime'], message: 'presse:errors.embargoTime' });
    if (v.embargoTime && !v.embargoDate) ctx.addIssue({ code: 'custom', path: ['embargoDate'], message: 'presse:errors.embargoDate' });
  });
export type ReleaseForm = z.output<typeof releaseForm>;

export const workflowAction = z.object({ action: z.enum(['submit', 'approve', 'publish', 'reopen', 'withdraw']) });
export const correctionForm = z.object({ correction: multilineText({ min: 1, max: 2000 }) });
const wholeNumber = (min: number, max: number, error: string) => z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
export const presetForm = z.object({
  year: wholeNumber(2000, 2100, 'presse:settings.yearFormat'),
  next: wholeNumber(1, 1_000_000, 'presse:settings.nextFormat'),
});
export const settingsForm = z.object({
  dateline: textInput({ min: 1, max: 100 }),
  contact: multilineText({ min: 1, max: 1000 }),
  districtRegion: textInput({ min: 1, max: 40 }),
  comparisonRegion: textInput({ min: 1, max: 40 }),
});

/** The press list's form: an address and, optionally, topics (checkboxes: one value or several). */
export const subscribeForm = z.object({
  email: textInput({ error: 'presse:list.errors.email', max: 254 })
    .min(1, { error: 'presse:list.errors.email' })
    .pipe(z.email({ error: 'presse:list.errors.email' })),
  categories: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(textInput({ max: 80 })).max(50)),
});

const count = z.preprocess(emptyToUndefined, z.coerce.number({ error: 'presse:import.errors.count' }).int({ error: 'presse:import.errors.count' }).min(0, { error: 'presse:import.errors.count' }).max(100_000_000).optional());

/** One region's month typed in: the rate with a decimal comma ("4,1"), counts optional (the BA withholds some). */
export const manualFiguresForm = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'presse:import.errors.month' }),
  region: textInput({ min: 1, max: 40 }),
  rate: z
    .string({ error: 'presse:import.errors.rate' })
    .trim()
    .regex(/^\d{1,2}([,.]\d)?$/, { error: 'presse:import.errors.rate' })
    .transform((v) => Math.round(Number(v.replace(',', '.')) * 10)),
  unemployed: count,
  unemployedSgb2: count,
  unemployedSgb3: count,
});
