// zod schemas of the newsroom's inputs (messages are i18n keys).
// TODO(platform): replace the local text helper with shared/http/text.ts textInput() once it is on main.
import { z } from 'zod';

/** A single-line text: trimmed, no control or bidi characters. */
export const line = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(s), { message: 'common:validation.format' });

/** Multi-line text: \n and \t allowed, other control and bidi characters not. */
export const multiline = (max: number) =>
  z
    .string()
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string()
    .max(max)
    .refine((s) => !/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(s), { message: 'common:validation.format' }));

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

export const newsroomQuery = z.object({
  q: z.preprocess(emptyToUndefined, line(100).optional()),
  kategorie: z.preprocess(emptyToUndefined, line(80).optional()),
  jahr: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1990).max(2100).optional()),
  seite: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(1000).optional()),
});

export const feedQuery = z.object({ kategorie: z.preprocess(emptyToUndefined, line(80).optional()) });
