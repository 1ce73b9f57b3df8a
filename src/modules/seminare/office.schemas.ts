// Input of the training office's forms: a seminar (catalogue entry) and a session with its days. Dates and
// times are Berlin wall-clock values as typed ('2027-03-12', '09:00'); a form has up to DAY_ROWS day rows, empty
// rows are ignored (the form works without JavaScript).
import { z } from 'zod';
import { uuidField } from '#shared/ids.js';
import { multilineText, textInput } from '#shared/http/text.js';
import { fromBerlinIso } from '#shared/time.js';
import { roles } from '../staff/index.js';
import type { SeminarInput, SessionInput } from './catalogue.service.js';
import { localDateInput } from '#shared/http/validation.js';

export const DAY_ROWS = 5;

const blank = (v: unknown) => (v === '' || v === null ? undefined : v);
const list = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);
const checkbox = z.preprocess((v) => v === 'on' || v === 'true', z.boolean());
const int = (min: number, max: number, error?: string) => z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
/** A person or team picked from the form's list. */
const choice = uuidField('common:validation.choice');
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** "120", "120,50" or "120.50" euro → cents. */
const euro = z
  .string()
  .trim()
  .regex(/^\d{1,6}([.,]\d{1,2})?$/, { error: 'seminare:office.feeFormat' })
  .transform((v) => Math.round(Number(v.replace(',', '.')) * 100));

export const seminarFormSchema = z
  .object({
    title: textInput({ min: 1, max: 200 }),
    description: multilineText({ max: 4000 }).optional().default(''),
    categoryId: uuidField('seminare:catalogue.categoryRequired'),
    ue: int(0, 200, 'seminare:office.ueRange'),
    trainerUserId: z.preprocess(blank, choice.optional()),
    externalTrainer: z.preprocess(blank, textInput({ max: 200 }).optional()),
    fee: z.preprocess((v) => blank(v) ?? '0', euro),
    prerequisites: multilineText({ max: 1000 }).optional().default(''),
    targetRoles: z.preprocess(list, z.array(z.enum(roles))),
    targetTeams: z.preprocess(list, z.array(choice)),
    mandatoryForRoles: z.preprocess(list, z.array(z.enum(roles))),
    mandatoryForTeams: z.preprocess(list, z.array(choice)),
    validityMonths: z.preprocess(blank, int(1, 120, 'seminare:office.validityRange').optional()),
    attendanceThresholdPercent: int(1, 100, 'seminare:office.thresholdRange'),
    active: checkbox.optional().default(false),
  })
  .refine((v) => !(v.trainerUserId && v.externalTrainer), { path: ['externalTrainer'], message: 'seminare:office.oneTrainer' });

export function seminarInputOf(form: z.output<typeof seminarFormSchema>): SeminarInput & { active: boolean } {
  const { fee, trainerUserId, externalTrainer, validityMonths, ...rest } = form;
  return { ...rest, feeCents: fee, trainerUserId: trainerUserId ?? null, externalTrainer: externalTrainer ?? null, validityMonths: validityMonths ?? null };
}

const localDate = localDateInput('seminare:office.dateFormat');
const dayRow = (n: number) => ({
  [`day${n}Date`]: z.preprocess(blank, localDate.optional()),
  [`day${n}From`]: z.preprocess(blank, z.string().regex(TIME, { error: 'seminare:office.timeFormat' }).optional()),
  [`day${n}To`]: z.preprocess(blank, z.string().regex(TIME, { error: 'seminare:office.timeFormat' }).optional()),
});

export const sessionFormSchema = z
  .object({
    room: z.preprocess(blank, textInput({ max: 200 }).optional()),
    onlineUrl: z.preprocess(blank, z.url({ protocol: /^https?$/, error: 'seminare:office.urlFormat' }).max(500).optional()),
    seats: int(1, 1000, 'seminare:office.seatsRange'),
    minParticipants: z.preprocess((v) => blank(v) ?? '0', int(0, 1000, 'seminare:office.minRange')),
    enrolmentDeadline: localDate,
    cancellationDeadline: localDate,
    ...Object.assign({}, ...Array.from({ length: DAY_ROWS }, (_, i) => dayRow(i + 1))),
  })
  .superRefine((v, ctx) => {
    const values = v as Record<string, string | undefined>;
    for (let n = 1; n <= DAY_ROWS; n++) {
      const filled = [values[`day${n}Date`], values[`day${n}From`], values[`day${n}To`]].filter(Boolean).length;
      if (filled > 0 && filled < 3) ctx.addIssue({ code: 'custom', path: [`day${n}Date`], message: 'seminare:office.dayIncomplete' });
    }
    // The service checks these too; here they join the other field errors, so one submit names every missing field.
    const anyDay = Array.from({ length: DAY_ROWS }, (_, i) => values[`day${i + 1}Date`] ?? values[`day${i + 1}From`] ?? values[`day${i + 1}To`]).some(Boolean);
    if (!anyDay) ctx.addIssue({ code: 'custom', path: ['day1Date'], message: 'seminare:session.daysRequired' });
    if (!values.room && !values.onlineUrl) ctx.addIssue({ code: 'custom', path: ['room'], message: 'seminare:session.placeRequired' });
    // Also when a field above is invalid (zod skips refinements then), so no error waits for a second submit.
  }, { when: (payload) => typeof payload.value === 'object' && payload.value !== null });

/** The end of a local date in Berlin (a deadline "until 12 March" includes that day). */
const endOfDay = (date: string) => fromBerlinIso(date).endOf('day').toJSDate();

interface SessionForm {
  room?: string;
  onlineUrl?: string;
  seats: number;
  minParticipants: number;
  enrolmentDeadline: string;
  cancellationDeadline: string;
}

export function sessionInputOf(parsed: z.output<typeof sessionFormSchema>): SessionInput {
  const values = parsed as Record<string, unknown>;
  const form = parsed as unknown as SessionForm;
  const days: SessionInput['days'] = [];
  for (let n = 1; n <= DAY_ROWS; n++) {
    const date = values[`day${n}Date`] as string | undefined;
    if (!date) continue;
    days.push({ startsAt: fromBerlinIso(`${date}T${values[`day${n}From`] as string}`).toJSDate(), endsAt: fromBerlinIso(`${date}T${values[`day${n}To`] as string}`).toJSDate() });
  }
  days.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return {
    room: form.room ?? null,
    onlineUrl: form.onlineUrl ?? null,
    seats: form.seats,
    minParticipants: form.minParticipants,
    enrolmentDeadline: endOfDay(form.enrolmentDeadline),
    cancellationDeadline: endOfDay(form.cancellationDeadline),
    days,
  };
}

export const cancelSessionSchema = z.object({ confirm: z.literal('on', { error: 'seminare:office.confirmCancel' }) });
