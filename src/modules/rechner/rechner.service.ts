// The Rechner's use case: the request (page or API) → the rules engine's household → the estimate
// with the tenant's housing limits. Nothing is stored and nothing of the input is logged.
import type { TenantDb } from '#shared/db/tenant-scope.js';
import type { FieldError } from '#shared/http/errors.js';
import { ValidationError } from '#shared/http/errors.js';
import {
  EstimateInputError,
  estimateHousehold,
  ImplausibleInputError,
  NoRuleSetError,
  selectRuleSet,
  type EstimateInput,
  type EstimateMember,
  type HouseholdEstimate,
  type OtherIncomeKind,
} from '../antrag/index.js';
import type { EstimateBody, INCOME_KINDS } from './rechner.schemas.js';

const KIND: Record<(typeof INCOME_KINDS)[number], OtherIncomeKind> = {
  kindergeld: 'kindergeld',
  unterhalt: 'unterhalt',
  unterhaltsvorschuss: 'unterhaltsvorschuss',
  kinderzuschlag: 'kinderzuschlag',
  elterngeld: 'elterngeld',
  alg1: 'alg1',
  rente: 'rente',
  other: 'sonstiges',
};

export const memberId = (index: number) => String(index);

export function toEngineInput(body: EstimateBody, labelOf: (index: number) => string): EstimateInput {
  return {
    members: body.members.map((m, i): EstimateMember => {
      const member: EstimateMember = { id: memberId(i), label: labelOf(i), role: m.role, birthDate: m.birthDate };
      if (m.earnings) member.earnings = m.earnings;
      if (m.otherIncome?.length) member.otherIncome = m.otherIncome.map((o) => ({ kind: KIND[o.kind], amountCents: o.amountCents }));
      if (m.pregnancyWeek !== undefined) member.pregnancyWeek = m.pregnancyWeek;
      if (m.disabilityBenefits !== undefined) member.disabilityParticipationBenefits = m.disabilityBenefits;
      if (m.singleParent !== undefined) member.singleParent = m.singleParent;
      if (m.inEducation !== undefined) member.inSchoolOrTraining = m.inEducation;
      if (m.minorChildElsewhere !== undefined) member.minorChildElsewhere = m.minorChildElsewhere;
      if (m.ableToWork !== undefined) member.ableToWork = m.ableToWork;
      if (m.education !== undefined) member.education = m.education;
      if (m.inInstitution !== undefined) member.inInstitution = m.inInstitution;
      if (m.oldAgePension !== undefined) member.oldAgePension = m.oldAgePension;
      if (m.residence !== undefined) member.residence = m.residence;
      return member;
    }),
    housing: {
      kaltmieteCents: body.housing.rentCents,
      nebenkostenCents: 0,
      heizkostenCents: body.housing.heatingCents,
      decentralHotWater: body.housing.hotWaterDecentral === true,
    },
    assetsCents: body.assetsCents ?? 0,
    karenzzeit: body.firstYear ?? true,
  };
}

/** Checks across fields that the schema cannot express; each error names its field. */
export function crossFieldErrors(body: EstimateBody): FieldError[] {
  const errors: FieldError[] = [];
  try {
    selectRuleSet(body.month);
  } catch (err) {
    if (!(err instanceof NoRuleSetError)) throw err;
    errors.push({ field: 'month', message: 'rechner:errors.noRuleSet' });
  }
  const applicants = body.members.filter((m) => m.role === 'applicant').length;
  if (applicants !== 1) errors.push({ field: 'members', message: applicants === 0 ? 'rechner:errors.noApplicant' : 'rechner:errors.oneApplicant' });
  if (body.members.filter((m) => m.role === 'partner').length > 1) errors.push({ field: 'members', message: 'rechner:errors.onePartner' });
  if (body.members.filter((m) => m.role === 'parent').length > 2) errors.push({ field: 'members', message: 'rechner:errors.twoParents' });
  body.members.forEach((m, i) => {
    if (m.birthDate.slice(0, 7) > body.month) errors.push({ field: `members.${i}.birthDate`, message: 'rechner:errors.bornAfterMonth' });
    if (m.earnings && m.earnings.netCents > m.earnings.grossCents) errors.push({ field: `members.${i}.earnings.netCents`, message: 'rechner:errors.netAboveGross' });
  });
  return errors;
}

const IMPLAUSIBLE_FIELD: Record<ImplausibleInputError['input'], (i?: number) => string> = {
  rent: () => 'housing.rentCents',
  heating: () => 'housing.heatingCents',
  assets: () => 'assetsCents',
  earnings: (i) => `members.${i ?? 0}.earnings.grossCents`,
  otherIncome: (i) => `members.${i ?? 0}.otherIncome`,
};

/** The estimate for a validated request; ValidationError (422) for anything the engine refuses. */
export async function runEstimate(tdb: TenantDb, body: EstimateBody, labelOf: (index: number) => string): Promise<HouseholdEstimate> {
  const errors = crossFieldErrors(body);
  if (errors.length > 0) throw new ValidationError(errors);
  try {
    return await estimateHousehold(tdb, toEngineInput(body, labelOf), body.month);
  } catch (err) {
    if (err instanceof ImplausibleInputError) throw new ValidationError([{ field: IMPLAUSIBLE_FIELD[err.input](err.memberIndex), message: 'rechner:errors.implausible' }]);
    if (err instanceof EstimateInputError) throw new ValidationError([{ field: 'members', message: 'rechner:errors.household' }]);
    throw err;
  }
}
