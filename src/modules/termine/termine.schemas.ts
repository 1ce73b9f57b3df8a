// zod schemas shared by the HTML forms and the JSON API; messages are i18n keys naming what is wrong.
import { z } from 'zod';
import { isUuid, uuidField, uuidString } from '#shared/ids.js';
import { problemSchema } from '#shared/http/operation.js';
import { textInput } from '#shared/http/text.js';
import { MAX_PERSONS } from './availability.js';

const uuid = (key: string) => uuidField(`termine:errors.${key}`);
export const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'termine:errors.date' });
export const persons = z.coerce.number({ error: 'termine:errors.persons' }).int({ error: 'termine:errors.persons' }).min(1, { error: 'termine:errors.persons' }).max(MAX_PERSONS, { error: 'termine:errors.persons' });
const instant = z.iso.datetime({ offset: true, error: 'termine:errors.startsAt' }).transform((s) => new Date(s));

/** One or several service ids: repeated form fields, a JSON array, or a comma-separated query value. */
const serviceIds = z
  .union([textInput({ max: 200 }), z.array(textInput({ max: 40 })).max(10)], { error: 'termine:errors.unknownService' })
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
  .pipe(
    z
      .array(z.string())
      .min(1, { error: 'termine:errors.chooseService' })
      .max(3, { error: 'termine:errors.tooManyServices' })
      // One message for the whole field rather than one per position.
      .refine((ids) => ids.every(isUuid), { error: 'termine:errors.unknownService' }),
  );

const optionalText = (schema: z.ZodString) =>
  textInput({ max: 40 })
    .transform((v) => (v === '' ? undefined : v))
    .pipe(schema.optional());

export const contactFields = {
  name: textInput({ error: 'termine:errors.name', max: 120 }).min(1, { error: 'termine:errors.name' }),
  email: textInput({ error: 'termine:errors.email', max: 254 })
    .min(1, { error: 'termine:errors.email' })
    .pipe(z.email({ error: 'termine:errors.email' })),
  phone: optionalText(z.string().regex(/^\+?[0-9 ()/-]{5,30}$/, { error: 'termine:errors.phone' })).optional(),
  bgNummer: optionalText(z.string().regex(/^\d{5}\s?BG\s?\d{7}$/i, { error: 'termine:errors.bgNummer' }))
    .transform((v) => v?.replace(/\s/g, '').toUpperCase())
    .optional(),
};

export const contactForm = z.object(contactFields);

// ---- HTML journey ----

export const serviceStep = z.object({ service: serviceIds });
export const locationStep = serviceStep.extend({ location: uuid('chooseLocation') });
export const personsStep = locationStep.extend({ persons });
export const dayStep = personsStep.extend({ month: z.string().regex(/^\d{4}-\d{2}$/).optional() });
export const timeStep = personsStep.extend({ date: localDate });
export const holdForm = personsStep.extend({ startsAt: z.iso.datetime({ offset: true, error: 'termine:errors.chooseTime' }).transform((s) => new Date(s)) });
export const captchaForm = z.object({
  altcha: textInput({ max: 4000 }).optional(),
  captchaToken: textInput({ max: 500 }).optional(),
  captchaAnswer: textInput({ max: 10 }).optional(),
});
/** "Find my appointment": the booking code (any case, with or without hyphen or spaces) and the e-mail address. */
export const findForm = z.object({
  bookingCode: textInput({ error: 'termine:errors.bookingCode', max: 20 })
    .transform((v) => v.replace(/[\s-]/g, '').toUpperCase())
    .pipe(z.string().regex(/^[0-9A-HJKMNP-TV-Z]{8}$/, { error: 'termine:errors.bookingCode' }))
    .transform((v) => `${v.slice(0, 4)}-${v.slice(4)}`),
  email: contactFields.email.transform((v) => v.trim().toLowerCase()),
});

export const moveForm = z.object({ startsAt: z.iso.datetime({ offset: true, error: 'termine:errors.chooseTime' }).transform((s) => new Date(s)) });

// ---- JSON API ----

export const listServicesQuery = z.object({ location: uuid('unknownLocation').optional() });

export const daysQuery = z.object({
  location: uuid('unknownLocation'),
  service: serviceIds,
  from: localDate.optional(),
  to: localDate.optional(),
  persons: persons.default(1),
});

export const timesQuery = z.object({
  location: uuid('unknownLocation'),
  service: serviceIds,
  date: localDate,
  persons: persons.default(1),
});

export const holdBody = z
  .object({
    location: uuid('unknownLocation'),
    /** One or more service ids (array or comma-separated). */
    service: serviceIds,
    persons: persons.default(1),
    startsAt: instant,
  })
  .meta({ id: 'TerminHold' });

export const bookBody = z
  .object({
    holdId: textInput({ max: 100 }).optional(),
    location: uuid('unknownLocation').optional(),
    service: serviceIds.optional(),
    persons: persons.optional(),
    startsAt: instant.optional(),
    ...contactFields,
    /** altcha payload (base64 JSON of challenge and solution), from GET /captcha. */
    captcha: textInput({ max: 4000 }).optional(),
    language: z.enum(['de', 'en']).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.holdId) return;
    for (const field of ['location', 'service', 'startsAt'] as const) {
      if (body[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'termine:errors.holdOrSlot' });
    }
  })
  .meta({ id: 'TerminBooking', description: 'Either `holdId`, or `location`, `service` and `startsAt`; plus the contact' });

export const rescheduleBody = z.object({ startsAt: instant }).meta({ id: 'TerminReschedule' });
export const appointmentParams = { id: uuidField('termine:errors.linkInvalid') };

const address = z.object({ street: z.string(), postalCode: z.string(), city: z.string() });

export const locationOut = z
  .object({
    id: uuidString,
    name: z.string(),
    address,
    phone: z.string().nullable(),
    directions: z.string(),
    accessibility: z.string(),
    slotMinutes: z.number().int(),
    horizonDays: z.number().int(),
    services: z.array(uuidString),
  })
  .meta({ id: 'TerminLocation' });

export const serviceOut = z
  .object({
    id: uuidString,
    name: z.string(),
    description: z.string(),
    durationMinutes: z.number().int(),
    bring: z.array(z.string()),
  })
  .meta({ id: 'TerminService' });

export const daysOut = z
  .object({
    days: z.array(z.object({ date: z.string(), freeTimes: z.number().int() })),
    nextFreeDate: z.string().nullable(),
  })
  .meta({ id: 'TerminAvailableDays' });

export const freeTimeOut = z.object({ time: z.string(), startsAt: z.string(), endsAt: z.string(), freeSeats: z.number().int() }).meta({ id: 'TerminFreeTime' });
export const timesOut = z.object({ date: z.string(), times: z.array(freeTimeOut) }).meta({ id: 'TerminAvailableTimes' });
export const holdOut = z.object({ holdId: z.string(), expiresAt: z.string(), startsAt: z.string(), endsAt: z.string() }).meta({ id: 'TerminHeldSlot' });

export const appointmentOut = z
  .object({
    id: uuidString,
    status: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    persons: z.number().int(),
    location: z.object({ id: uuidString, name: z.string(), address }),
    services: z.array(z.object({ id: uuidString, name: z.string() })),
    bring: z.array(z.string()),
    confirmBy: z.string().nullable(),
    /** Code for the Servicepoint check-in (kiosk or desk); only while the appointment is booked. */
    bookingCode: z.string().optional(),
    manageToken: z.string().optional(),
  })
  .meta({ id: 'TerminAppointment' });

/** 409 of holdSlot, bookAppointment and rescheduleAppointment: the problem plus the next free times. */
export const slotTakenProblem = problemSchema
  .extend({ nextFreeTimes: z.array(freeTimeOut.extend({ date: z.string() })).optional() })
  .meta({ id: 'TerminSlotTakenProblem', description: 'The time is taken (or the hold used); `nextFreeTimes` offers others' });

export const captchaOut = z
  .object({
    parameters: z.object({
      algorithm: z.string(),
      nonce: z.string(),
      salt: z.string(),
      cost: z.number(),
      keyLength: z.number(),
      keyPrefix: z.string(),
      keySignature: z.string().optional(),
      expiresAt: z.number().optional(),
      data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
    }),
    signature: z.string().optional(),
  })
  .meta({ id: 'CaptchaChallenge', description: 'altcha v2 challenge (SHA-256). Answer with base64(JSON {challenge, solution}) in `captcha`.' });
