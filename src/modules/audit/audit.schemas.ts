// zod schemas of the audit log search.
import { z } from 'zod';
import { uuidField } from '#shared/ids.js';
import { textInput } from '#shared/http/text.js';
import { localDateInput } from '#shared/http/validation.js';

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const isoDate = localDateInput('audit:errors.date');

/** Search form of the audit log (GET query): by person, action, object and date range (local dates, Europe/Berlin). */
export const auditQuerySchema = z
  .object({
    actor: optional(uuidField('audit:errors.actor')),
    action: optional(textInput({ max: 80 })),
    objectType: optional(textInput({ max: 60 })),
    objectId: optional(textInput({ max: 120 })),
    from: optional(isoDate),
    to: optional(isoDate),
    page: optional(z.coerce.number().int().min(1).max(10_000)),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'audit:errors.range' });
export type AuditQueryInput = z.output<typeof auditQuerySchema>;
