// zod schemas of every coaching form and API input; messages are i18n keys (coaching:errors.*, common:validation.*).
import { z } from 'zod';
import { uuidField } from '#shared/ids.js';
import { multilineText, textInput } from '#shared/http/text.js';
import { aktivitaetStatus, aktivitaetTypen, anerkennungsStaende, austrittsgruende, kontaktKanaele, potenzialBereiche, sensibleKategorien, wartetAuf } from './coaching.tables.js';
import { localDateInput } from '#shared/http/validation.js';

export const textLine = (max = 200) => textInput({ min: 1, max });
export const textBlock = (max = 4000) => multilineText({ min: 1, max });
export const optionalText = (max = 200) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), textLine(max).optional());

export const isoDate = localDateInput('coaching:errors.date');
export const optionalDate = z.preprocess((v) => (v === '' ? undefined : v), isoDate.optional());
const uuid = uuidField('common:validation.choice');
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());

export const cefrLevels = ['muttersprache', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;

const nativeWords = new Set(['muttersprache', 'native']);

/** "Deutsch B1, Arabisch muttersprache" (or "Arabic native") → [{ name, level }]. */
const languages = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean)
          .map((part) => {
            const match = /^(.*\S)\s+(\S+)$/.exec(part);
            if (!match) return { name: part, level: '' };
            // "B1", "b1", "Muttersprache", "muttersprache" and, on the English form, "native" are all fine.
            const level = nativeWords.has(match[2]!.toLowerCase()) ? 'muttersprache' : match[2]!.toUpperCase();
            return { name: match[1], level };
          })
      : v,
  z.array(z.object({ name: textLine(60), level: z.enum(cefrLevels, { error: 'coaching:errors.languageLevel' }) })).max(10),
);

export const intakeForm = z.object({
  givenName: textLine(100),
  familyName: textLine(100),
  birthDate: isoDate,
  email: z.preprocess((v) => (v === '' ? undefined : v), z.email().max(200).optional()),
  phone: optionalText(40),
  languages,
  bgNummer: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().regex(/^[0-9A-Za-z]{5,20}$/, { error: 'coaching:errors.bgNummer' }).optional()),
  rechtsgrundlageId: uuid,
  startOn: isoDate,
  coachId: uuid,
  /** Language of the mails to the participant; German unless chosen. */
  mailLanguage: z.preprocess((v) => (v === '' || v === undefined ? 'de' : v), z.enum(['de', 'en'])),
  consent: z.literal('on', { error: 'coaching:errors.consent' }),
});
export type IntakeInput = z.output<typeof intakeForm>;

export const vertraulichForm = z.object({ kategorie: z.enum(sensibleKategorien), text: textBlock(2000) });
export const shareConsentForm = z.object({ noteId: uuid, shareConsent: checkbox });

export const potenzialForm = z.object({
  bereich: z.enum(potenzialBereiche),
  text: textBlock(1000),
  anerkennung: z.preprocess((v) => (v === '' ? undefined : v), z.enum(anerkennungsStaende).optional()),
  dqr: z.preprocess((v) => (v === '' || v === undefined ? undefined : Number(v)), z.number().int().min(1).max(8).optional()),
});

const optionalKldb = z.preprocess((v) => (typeof v === 'string' ? v.trim() || undefined : v), z.string().regex(/^\d{5}$/, { error: 'coaching:errors.kldb' }).optional());
/** A target occupation from the list, or typed as a 5-digit code of the tenant's imported KldB (that one wins). */
export const zielberufForm = z.object({ kldb: optionalKldb, kldbCode: optionalKldb }).transform((v, ctx) => {
  const kldb = v.kldbCode ?? v.kldb;
  if (!kldb) {
    ctx.addIssue({ code: 'custom', path: ['kldb'], message: 'coaching:errors.kldb' });
    return z.NEVER;
  }
  return { kldb };
});

export const aktivitaetForm = z.object({
  typ: z.enum(aktivitaetTypen),
  title: textLine(200),
  wer: z.enum(['teilnehmende', 'coach', 'beide']),
  dueOn: optionalDate,
});

export const aktivitaetUpdateForm = z.object({ status: z.enum(aktivitaetStatus), wartetAuf: z.enum(wartetAuf) });
export const nachrichtForm = z.object({ text: textBlock(2000) });

export const planForm = z.object({ ziele: textBlock(4000), reviewOn: optionalDate });

export const kontaktForm = z.object({
  kanal: z.enum(kontaktKanaele),
  contactOn: isoDate,
  summary: textBlock(2000),
  nextContactOn: optionalDate,
});

export const austrittForm = z
  .object({
    exitReason: z.enum(austrittsgruende),
    exitOn: isoDate,
    jobStartOn: optionalDate,
    hoursPerWeek: z.preprocess((v) => (v === '' || v === undefined ? undefined : Number(v)), z.number().int().min(1).max(48).optional()),
    sector: optionalText(100),
    wageBand: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['bis2000', '2000bis3000', 'ueber3000']).optional()),
  })
  .superRefine((v, ctx) => {
    if (v.exitReason !== 'svBeschaeftigung') return;
    for (const field of ['jobStartOn', 'hoursPerWeek', 'sector', 'wageBand'] as const) {
      if (v[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'coaching:errors.employmentDetails' });
    }
  });

export const nachhaltigkeitForm = z.object({ stillEmployed: z.enum(['ja', 'nein']) });
export const mailLanguageForm = z.object({ mailLanguage: z.enum(['de', 'en'], { error: 'common:validation.invalid' }) });

const months = (min: number) => z.preprocess((v) => (v === '' || v === undefined ? undefined : Number(v)), z.number({ error: 'coaching:errors.months' }).int({ error: 'coaching:errors.months' }).min(min, { error: 'coaching:errors.months' }).max(120, { error: 'coaching:errors.months' }));

/** Retention after the end of a coaching; restricted notes go no later than everything else. */
export const einstellungenForm = z.object({ retentionMonths: months(1), restrictedRetentionMonths: months(0) }).superRefine((v, ctx) => {
  if (v.restrictedRetentionMonths > v.retentionMonths) ctx.addIssue({ code: 'custom', path: ['restrictedRetentionMonths'], message: 'coaching:errors.restrictedLonger' });
});

export const linkRequestForm = z.object({ email: z.email({ error: 'coaching:errors.email' }).max(200) });

export const indicatorQuery = z.object({ from: optionalDate, to: optionalDate });

/** Forms with no fields but the CSRF token (which the staff guard checks and removes). */
export const emptyForm = z.object({}).loose();
