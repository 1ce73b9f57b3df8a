// zod schemas of the exam track and the Bildungsgutschein forms; messages are i18n keys.
import { z } from 'zod';
import { multilineText } from '#shared/http/text.js';
import { isoDate, optionalDate, optionalText, textLine } from './coaching.schemas.js';
import { angstMomente } from './pruefung.tables.js';

/** `examTitle`, not `title`: the activity form on the same page has a `title` field (ids must be unique). */
export const pruefungForm = z.object({ examTitle: textLine(200), kammer: textLine(100), examOn: isoDate });

export const sitzungForm = z.object({
  topic: textLine(200),
  sessionOn: isoDate,
  materials: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), multilineText({ min: 1, max: 2000 }).optional()),
});

/** Exam anxiety on a five-step scale: 1 calm … 5 very anxious. */
export const angstForm = z.object({
  rating: z.preprocess((v) => (v === '' || v === undefined ? undefined : Number(v)), z.number({ error: 'coaching:errors.rating' }).int().min(1, { error: 'coaching:errors.rating' }).max(5, { error: 'coaching:errors.rating' })),
  moment: z.enum(angstMomente, { error: 'coaching:errors.moment' }),
});

export const gutscheinForm = z.object({ ziel: textLine(200), requestedOn: isoDate });

export const gutscheinUpdateForm = z
  .object({
    issuedOn: optionalDate,
    validUntil: optionalDate,
    provider: optionalText(200),
    course: optionalText(200),
    redeemedOn: optionalDate,
    courseStartOn: optionalDate,
    courseEndOn: optionalDate,
  })
  .superRefine((v, ctx) => {
    if (v.redeemedOn && !v.issuedOn) ctx.addIssue({ code: 'custom', path: ['issuedOn'], message: 'coaching:errors.voucherNotIssued' });
    if (v.courseStartOn && v.courseEndOn && v.courseEndOn < v.courseStartOn) ctx.addIssue({ code: 'custom', path: ['courseEndOn'], message: 'coaching:errors.courseEnd' });
  });
