// zod schemas of the tenant administration: HTML forms (flat strings) and the staff JSON API map to the same inputs.
import { z } from 'zod';
import { uuidField, uuidString } from '#shared/ids.js';
import { textInput, multilineText } from '#shared/http/text.js';
import { specialDayPolicies } from './termine.tables.js';
import type { LocationInput, ServiceInput } from './config.service.js';
import { fromBerlinIso } from '#shared/time.js';
import { localDateInput } from '#shared/http/validation.js';

const count = (min: number, max: number) => z.coerce.number({ error: 'common:validation.invalidType' }).int().min(min).max(max);
const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());
const text = (max: number) => textInput({ max }).default('');
const paragraphs = (max: number) => multilineText({ max }).default('');
const required = (max: number) => textInput({ max }).min(1);
const time = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export const settingsForm = z.object({
  holdMinutes: count(1, 60),
  doubleOptIn: checkbox,
  confirmMinutes: count(10, 1440),
  reminderHours: count(0, 168),
  maxFutureAppointmentsPerEmail: count(1, 50),
  retentionDays: count(1, 365),
  holdsPerIpHour: count(1, 1_000_000),
  bookingsPerIpHour: count(1, 1_000_000),
  bookingsPerEmailDay: count(1, 1_000_000),
  heiligabend: z.enum(specialDayPolicies),
  silvester: z.enum(specialDayPolicies),
});

const locationCommon = {
  name: required(120),
  street: required(120),
  postalCode: z.string().trim().regex(/^\d{5}$/, { error: 'termine:admin.errors.postalCode' }),
  city: required(80),
  phone: text(40).transform((v) => v || null),
  slotMinutes: count(5, 240),
  seatsTotal: count(1, 50),
  seatsOnline: count(0, 50),
  horizonDays: count(0, 365),
  minNoticeKind: z.enum(['hours', 'nextWorkingDay']),
  minNoticeHours: count(0, 168).default(0),
  active: checkbox,
};

/** "08:00-12:00, 13:00-15:30" → ranges; an empty field means closed that day. */
function parseRanges(value: string): { opensAt: string; closesAt: string }[] | null {
  if (value.trim() === '') return [];
  const ranges = value.split(/[,;]/).map((part) => /^\s*(\d{2}:\d{2})\s*[-–]\s*(\d{2}:\d{2})\s*$/.exec(part));
  if (ranges.some((m) => !m || !time.test(m[1]!) || !time.test(m[2]!))) return null;
  return ranges.map((m) => ({ opensAt: m![1]!, closesAt: m![2]! }));
}

const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;
const hourFields = Object.fromEntries(weekdays.map((d) => [`hours${d}`, textInput({ max: 100 }).default('')])) as Record<`hours${(typeof weekdays)[number]}`, z.ZodDefault<z.ZodString>>;

export const locationForm = z
  .object({
    ...locationCommon,
    ...hourFields,
    directionsDe: paragraphs(1000),
    directionsEn: paragraphs(1000),
    accessibilityDe: paragraphs(1000),
    accessibilityEn: paragraphs(1000),
  })
  .transform((f, ctx): LocationInput => {
    const hours: LocationInput['hours'] = [];
    for (const weekday of weekdays) {
      const ranges = parseRanges(f[`hours${weekday}`]);
      if (!ranges) ctx.addIssue({ code: 'custom', path: [`hours${weekday}`], message: 'termine:admin.errors.hoursFormat' });
      for (const r of ranges ?? []) hours.push({ weekday, ...r });
    }
    return {
      name: f.name,
      street: f.street,
      postalCode: f.postalCode,
      city: f.city,
      phone: f.phone,
      slotMinutes: f.slotMinutes,
      seatsTotal: f.seatsTotal,
      seatsOnline: f.seatsOnline,
      horizonDays: f.horizonDays,
      minNoticeKind: f.minNoticeKind,
      minNoticeHours: f.minNoticeHours,
      active: f.active,
      directions: { de: f.directionsDe, ...(f.directionsEn ? { en: f.directionsEn } : {}) },
      accessibility: { de: f.accessibilityDe, ...(f.accessibilityEn ? { en: f.accessibilityEn } : {}) },
      hours,
    };
  });

const localizedText = z.object({ de: multilineText({ max: 1000 }) }).catchall(multilineText({ max: 1000 }));
const localizedList = z.object({ de: z.array(textInput({ max: 200 })).max(30) }).catchall(z.array(textInput({ max: 200 })).max(30));

export const locationBody = z.object({
  ...locationCommon,
  phone: textInput({ max: 40 }).nullable().default(null),
  active: z.boolean().default(true),
  directions: localizedText,
  accessibility: localizedText,
  hours: z.array(z.object({ weekday: z.number().int().min(1).max(7), opensAt: z.string().regex(time), closesAt: z.string().regex(time) })).max(30),
});

const lines = (v: string) =>
  v
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

export const serviceForm = z
  .object({
    nameDe: required(120),
    nameEn: text(120),
    descriptionDe: paragraphs(500),
    descriptionEn: paragraphs(500),
    durationMinutes: count(5, 480),
    bringDe: paragraphs(3000),
    bringEn: paragraphs(3000),
    onlineBookable: checkbox,
    active: checkbox,
    locationIds: z.union([textInput({ max: 40 }), z.array(textInput({ max: 40 })).max(200)]).default([]).transform((v) => (Array.isArray(v) ? v : [v])),
  })
  .transform(
    (f): ServiceInput => ({
      name: { de: f.nameDe, ...(f.nameEn ? { en: f.nameEn } : {}) },
      description: { de: f.descriptionDe, ...(f.descriptionEn ? { en: f.descriptionEn } : {}) },
      bringList: { de: lines(f.bringDe), ...(f.bringEn ? { en: lines(f.bringEn) } : {}) },
      durationMinutes: f.durationMinutes,
      onlineBookable: f.onlineBookable,
      active: f.active,
      locationIds: f.locationIds,
    }),
  );

export const serviceBody = z.object({
  name: localizedText,
  description: localizedText,
  bringList: localizedList,
  durationMinutes: count(5, 480),
  onlineBookable: z.boolean().default(true),
  active: z.boolean().default(true),
  locationIds: z.array(uuidField('termine:errors.unknownLocation')).max(50),
});

/** A closure on one local date: whole day without times, otherwise from–to (Europe/Berlin). */
export const closureForm = z
  .object({
    date: localDateInput('termine:errors.date'),
    from: z.string().trim().regex(time, { error: 'termine:admin.errors.time' }).or(z.literal('')).default(''),
    to: z.string().trim().regex(time, { error: 'termine:admin.errors.time' }).or(z.literal('')).default(''),
    reason: text(200),
  })
  .transform((f, ctx) => {
    const day = fromBerlinIso(f.date);
    if (!day.isValid) ctx.addIssue({ code: 'custom', path: ['date'], message: 'termine:errors.date' });
    const at = (hhmm: string) => day.set({ hour: Number(hhmm.slice(0, 2)), minute: Number(hhmm.slice(3)) }).toJSDate();
    const startsAt = f.from ? at(f.from) : day.toJSDate();
    const endsAt = f.to ? (f.to === '24:00' ? day.plus({ days: 1 }).toJSDate() : at(f.to)) : day.plus({ days: 1 }).toJSDate();
    if (endsAt <= startsAt) ctx.addIssue({ code: 'custom', path: ['to'], message: 'termine:errors.closureRange' });
    return { startsAt, endsAt, reason: f.reason };
  });

export const closureBody = z.object({
  startsAt: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
  endsAt: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
  reason: textInput({ max: 200 }).default(''),
});

// ---- responses of the staff JSON API ----

const int = z.number().int();
const localizedOut = z.record(z.string(), z.string());

export const settingsOut = z
  .object({
    holdMinutes: int,
    doubleOptIn: z.boolean(),
    confirmMinutes: int,
    reminderHours: int,
    maxFutureAppointmentsPerEmail: int,
    retentionDays: int,
    holdsPerIpHour: int,
    bookingsPerIpHour: int,
    bookingsPerEmailDay: int,
    heiligabend: z.enum(specialDayPolicies),
    silvester: z.enum(specialDayPolicies),
  })
  .meta({ id: 'TermineSettings' });

/** The stored rows; further columns may be added within /api/v1 (doc/api-versioning.md), hence loose objects. */
export const configurationOut = z
  .object({
    settings: settingsOut,
    locations: z.array(z.looseObject({ id: uuidString, name: z.string(), street: z.string(), postalCode: z.string(), city: z.string(), active: z.boolean(), directions: localizedOut, accessibility: localizedOut })),
    services: z.array(z.looseObject({ id: uuidString, name: localizedOut, durationMinutes: int, onlineBookable: z.boolean(), active: z.boolean() })),
    pairs: z.array(z.object({ locationId: uuidString, serviceId: uuidString })),
  })
  .meta({ id: 'TermineConfiguration' });

export const createdOut = z.object({ id: uuidString }).meta({ id: 'Created' });
export const closureOut = z.object({ id: uuidString, affected: int.meta({ description: 'Appointments cancelled; the citizens are told by e-mail' }) }).meta({ id: 'TerminClosureCreated' });
export const saved = z.null().meta({ description: 'Saved' });
