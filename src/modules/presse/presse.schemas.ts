// zod schemas of the newsroom's inputs (messages are i18n keys).
// TODO(platform): replace the local text helper with shared/http/text.ts textInput() once it is on main.
import { z } from 'zod';

const bidi = (c: number) => (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
/** True when `s` holds a control character (except \n and \t when `multi`) or a bidi control. */
function hasForbidden(s: string, multi: boolean): boolean {
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (multi && (c === 0x0a || c === 0x09)) continue;
    if (c < 0x20 || c === 0x7f || bidi(c)) return true;
  }
  return false;
}

/** A single-line text: trimmed, no control or bidi characters. */
export const line = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !hasForbidden(s, false), { message: 'common:validation.format' });

/** Multi-line text: \n and \t allowed, other control and bidi characters not. */
export const multiline = (max: number) =>
  z
    .string()
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string()
    .max(max)
    .refine((s) => !hasForbidden(s, true), { message: 'common:validation.format' }));

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

export const newsroomQuery = z.object({
  q: z.preprocess(emptyToUndefined, line(100).optional()),
  kategorie: z.preprocess(emptyToUndefined, line(80).optional()),
  jahr: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1990).max(2100).optional()),
  seite: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(1000).optional()),
});

export const feedQuery = z.object({ kategorie: z.preprocess(emptyToUndefined, line(80).optional()) });

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'common:validation.format' });
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'presse:errors.time' });

/** The editor's form; categories are comma-separated, the embargo is a date and time in Europe/Berlin. */
export const releaseForm = z
  .object({
    title: line(200).pipe(z.string().min(1)),
    subtitle: z.preprocess((v) => v ?? '', line(300)),
    dateline: line(100).pipe(z.string().min(1)),
    body: multiline(50_000).pipe(z.string().min(1)),
    categories: z.preprocess((v) => v ?? '', line(300)),
    embargoDate: z.preprocess(emptyToUndefined, localDate.optional()),
    embargoTime: z.preprocess(emptyToUndefined, localTime.optional()),
  })
  .superRefine((v, ctx) => {
    if (v.embargoDate && !v.embargoTime) ctx.addIssue({ code: 'custom', path: ['embargoTime'], message: 'presse:errors.embargoTime' });
    if (v.embargoTime && !v.embargoDate) ctx.addIssue({ code: 'custom', path: ['embargoDate'], message: 'presse:errors.embargoDate' });
  });
export type ReleaseForm = z.output<typeof releaseForm>;

export const workflowAction = z.object({ action: z.enum(['submit', 'approve', 'publish', 'reopen', 'withdraw']) });
export const correctionForm = z.object({ correction: multiline(2000).pipe(z.string().min(1)) });
export const presetForm = z.object({ year: z.coerce.number().int().min(2000).max(2100), next: z.coerce.number().int().min(1).max(1_000_000) });
export const settingsForm = z.object({
  dateline: line(100).pipe(z.string().min(1)),
  contact: multiline(1000).pipe(z.string().min(1)),
  districtRegion: line(40).pipe(z.string().min(1)),
  comparisonRegion: line(40).pipe(z.string().min(1)),
});
