// The Rechner's HTML form: field names, parsing of German amounts and dates into the API's request,
// and the way back from an API field path to the form field that shows the error.
import type { FieldError } from '#shared/http/errors.js';
import { parseDate, parseEuroToCents } from '../forms/index.js';
import { EDUCATION, INCOME_KINDS, RESIDENCE, ROLES, type EstimateBody } from './rechner.schemas.js';

/** The applicant and up to this many further people; empty slots are ignored (no JavaScript needed). */
export const FURTHER_PEOPLE = 6;
export const FURTHER_ROLES = ROLES.filter((r) => r !== 'applicant');

export type FormValues = Record<string, string>;

/** The form's values as strings (a repeated name keeps its last value). */
export function formValues(body: unknown): FormValues {
  const out: FormValues = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) {
      const value = Array.isArray(v) ? v.at(-1) : v;
      if (typeof value === 'string') out[k] = value;
    }
  }
  return out;
}

type Member = EstimateBody['members'][number];

/**
 * Builds the request from the form. Returns the errors of fields that cannot be read (amount,
 * date, week); the request itself is then validated like the API's.
 */
export function bodyFromForm(v: FormValues): { body: unknown; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const money = (name: string): number | undefined => {
    const raw = (v[name] ?? '').trim();
    if (raw === '') return undefined;
    const parsed = parseEuroToCents(raw.replace(/^-/, ''));
    if (!parsed.ok || raw.startsWith('-')) {
      errors.push({ field: name, message: parsed.ok ? 'rechner:errors.negative' : parsed.reason === 'tooBig' ? 'rechner:errors.implausible' : 'rechner:errors.amount' });
      return undefined;
    }
    return parsed.cents;
  };
  const whole = (name: string): number | undefined => {
    const raw = (v[name] ?? '').trim();
    if (raw === '') return undefined;
    if (!/^\d{1,2}$/.test(raw)) errors.push({ field: name, message: 'rechner:errors.week' });
    return /^\d{1,2}$/.test(raw) ? Number(raw) : undefined;
  };
  const date = (name: string): string => {
    const raw = (v[name] ?? '').trim();
    if (raw === '') {
      errors.push({ field: name, message: 'rechner:errors.birthDateMissing' });
      return '';
    }
    const parsed = parseDate(raw);
    if (!parsed.ok) errors.push({ field: name, message: 'rechner:errors.date' });
    return parsed.ok ? parsed.iso : '';
  };
  const pick = <T extends string>(name: string, values: readonly T[]): T | undefined => values.find((x) => x === v[name]);

  const member = (i: number, role: Member['role']): Member => {
    const p = `m${i}.`;
    const m: Member = { role, birthDate: date(`${p}birthDate`) };
    const gross = money(`${p}gross`);
    const net = money(`${p}net`);
    if (gross !== undefined || net !== undefined) m.earnings = { grossCents: gross ?? net ?? 0, netCents: net ?? gross ?? 0 };
    const income = money(`${p}income`);
    const kind = pick(`${p}incomeKind`, INCOME_KINDS) ?? 'other';
    if (income !== undefined && income > 0) m.otherIncome = [{ kind, amountCents: income }];
    const week = whole(`${p}pregnancyWeek`);
    if (week !== undefined) m.pregnancyWeek = week;
    if (v[`${p}disability`] === 'yes') m.disabilityBenefits = true;
    if (v[`${p}inEducation`] === 'yes') m.inEducation = true;
    return m;
  };

  const applicant = member(0, 'applicant');
  if (v['m0.ableToWork'] === 'no') applicant.ableToWork = false;
  const education = pick('m0.education', EDUCATION);
  if (education) applicant.education = education;
  if (v['m0.oldAgePension'] === 'yes') applicant.oldAgePension = true;
  if (v['m0.inInstitution'] === 'yes') applicant.inInstitution = true;
  if (v['m0.minorChildElsewhere'] === 'yes') applicant.minorChildElsewhere = true;
  const residence = pick('m0.residence', RESIDENCE);
  if (residence) applicant.residence = residence;

  const members: Member[] = [applicant];
  for (let i = 1; i <= FURTHER_PEOPLE; i++) {
    const role = pick(`m${i}.role`, FURTHER_ROLES);
    if (role) members.push(member(i, role));
  }
  const body = {
    month: v.month ?? '',
    members,
    housing: { rentCents: money('rent') ?? 0, heatingCents: money('heating') ?? 0, ...(v.hotWater === 'yes' ? { hotWaterDecentral: true } : {}) },
    assetsCents: money('assets') ?? 0,
    ...(v.firstYear === 'no' ? { firstYear: false } : {}),
  };
  return { body, errors };
}

/** Indices of the form slots that were filled, in the order of the request's members. */
export function slotsOf(v: FormValues): number[] {
  const slots = [0];
  for (let i = 1; i <= FURTHER_PEOPLE; i++) if (FURTHER_ROLES.some((r) => r === v[`m${i}.role`])) slots.push(i);
  return slots;
}

const MEMBER_FIELD: Record<string, string> = {
  birthDate: 'birthDate',
  'earnings.grossCents': 'gross',
  'earnings.netCents': 'net',
  otherIncome: 'income',
  pregnancyWeek: 'pregnancyWeek',
};

/** An error of the request (API path) as an error of the form field that holds the value. */
export function toFormError(error: FieldError, slots: readonly number[]): FieldError {
  const top: Record<string, string> = { 'housing.rentCents': 'rent', 'housing.heatingCents': 'heating', assetsCents: 'assets', month: 'month' };
  if (top[error.field]) return { ...error, field: top[error.field]! };
  const m = /^members\.(\d+)\.(.+)$/.exec(error.field);
  if (m) {
    const slot = slots[Number(m[1])] ?? 0;
    const rest = Object.keys(MEMBER_FIELD).find((k) => m[2]!.startsWith(k));
    return { ...error, field: `m${slot}.${rest ? MEMBER_FIELD[rest] : 'role'}` };
  }
  return { ...error, field: 'members' };
}
