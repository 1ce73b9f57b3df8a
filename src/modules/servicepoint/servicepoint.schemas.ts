// zod schemas of the Servicepoint desk, kiosk and statistics forms.
import { z } from 'zod';
import { uuidField, uuidString } from '#shared/ids.js';
import { textInput } from '#shared/http/text.js';
import { localDateInput } from '#shared/http/validation.js';

/** A required text whose message names the field (never the generic "please fill in this field"). */
const required = (max: number, key: string) => textInput().min(1, key).max(max, 'common:validation.invalid');
const optional = (max = 200) => textInput().max(max, 'common:validation.invalid').optional().default('');
const uuid = uuidField('common:validation.choice');
const day = localDateInput('servicepoint:errors.date');
const time = z.string().trim().regex(/^\d{2}:\d{2}$/, 'servicepoint:errors.time');

const dayFilter = {
  date: day.optional().or(z.literal('').transform(() => undefined)),
  service: uuid.optional().or(z.literal('').transform(() => undefined)),
  schalter: textInput({ max: 20 }).optional(),
};
/** The desk's search form: a name is personal data, so it is posted and stored; the address gets its id. */
export const daySearchForm = z.object({ ...dayFilter, q: textInput({ max: 100 }).optional() });
export const dayQuery = z.object({
  ...dayFilter,
  /** The stored search (staff_list_filters) whose term the list is filtered by. */
  f: uuidString.optional().catch(undefined),
  notice: z.enum(['called', 'empty', 'checkedIn', 'noShow', 'updated', 'moved', 'cancelled', 'counterSet', 'done', 'visitNoShow', 'undone', 'undoneTicket']).optional(),
  ticket: z.string().regex(/^\d{1,4}$/).optional(),
});

export const appointmentForm = z.object({ appointmentId: uuid });
const COUNTER = /^[\p{L}\p{N} .-]{1,20}$/u;
export const callForm = z.object({ counter: textInput().min(1, 'servicepoint:errors.counterRequired').max(20, 'servicepoint:errors.counter').regex(COUNTER, 'servicepoint:errors.counter') });
/** The remembered counter as read back from its cookie: short, letters, digits, spaces, dots and dashes only. */
export const counterCookie = z.string().regex(COUNTER);
export const walkInForm = z.object({ serviceId: uuid.optional().or(z.literal('').transform(() => undefined)) });
export const moveForm = z.object({ date: day, time, reason: required(500, 'servicepoint:errors.reasonRequired') });
export const cancelForm = z.object({ reason: required(500, 'servicepoint:errors.reasonRequired') });
export const phoneForm = z.object({
  serviceId: uuid,
  persons: z.coerce.number().int().min(1).max(3),
  date: day,
  time,
  name: required(200, 'servicepoint:errors.nameRequired'),
  email: textInput({ max: 254 }).email('common:validation.email').optional().or(z.literal('')),
  phone: optional(50),
});
/** Service, persons and day of a phone booking: enough to list the free times. */
export const phoneSlotQuery = z.object({ serviceId: uuid, persons: z.coerce.number().int().min(1).max(3), date: day });
export const closureForm = z.object({
  date: day,
  from: time.optional().or(z.literal('').transform(() => undefined)),
  until: time.optional().or(z.literal('').transform(() => undefined)),
  reason: required(500, 'servicepoint:errors.reasonRequired'),
});
/** The signed undo ticket of the last action (doc/adr/0305-desk-undo-on-the-server.md). */
export const undoForm = z.object({ undo: z.string().min(1, 'servicepoint:undo.notYours').max(4000, 'servicepoint:undo.notYours') });
export const kioskForm = z.object({ code: textInput({ max: 40 }).default('') });
