// Input of the seminare pages and API, with zod (every string through textInput/multilineText).
import { z } from 'zod';
import { uuidField } from '#shared/ids.js';
import { multilineText, textInput } from '#shared/http/text.js';

/** The catalogue's filter (a GET form: a wrong field is named and left out, the others apply). */
export const searchSchema = z.object({
  q: textInput({ max: 100 }).optional(),
  kategorie: z.preprocess((v) => (v === '' ? undefined : v), uuidField('seminare:catalogue.categoryFilter').optional()),
  /** '1': every seminar, '0': only those for me; absent or anything else: the default for the person (a hidden field). */
  alle: z.enum(['0', '1']).optional().catch(undefined),
});

export const enrolSchema = z.object({ note: multilineText({ max: 1000 }).optional().default('') });

const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === 'ja', z.boolean());

export const decisionSchema = z
  .object({
    decision: z.enum(['approve', 'reject'], { error: 'seminare:approval.decisionRequired' }),
    reason: multilineText({ max: 1000 }).optional(),
    personalrat: checkbox.optional(),
  })
  .refine((v) => v.decision === 'approve' || (v.reason ?? '').length > 0, { path: ['reason'], message: 'seminare:approval.reasonRequired' });

export const reasonSchema = z.object({ reason: multilineText({ min: 1, max: 1000, error: 'seminare:approval.reasonRequired' }) });

/** One select per participant: `p_<enrolmentId>` = 0 (absent), 50 (partly) or 100 (present). */
export function attendanceEntries(body: Record<string, unknown>): { enrolmentId: string; percent: number }[] {
  return Object.entries(body)
    .filter(([key, value]) => /^p_[0-9a-f-]{36}$/i.test(key) && typeof value === 'string' && /^(0|25|50|75|100)$/.test(value))
    .map(([key, value]) => ({ enrolmentId: key.slice(2), percent: Number(value) }));
}

export const codeSchema = z.object({ code: textInput({ min: 1, max: 40, error: 'seminare:verify.codeRequired' }) });

/** The feedback survey: a rating 1 (poor) to 5 (very good) and an optional free text. */
export const feedbackSchema = z.object({
  rating: z.enum(['1', '2', '3', '4', '5'], { error: 'seminare:feedback.ratingRequired' }).transform(Number),
  comment: multilineText({ max: 2000 }).optional().default(''),
});
