// Household rules of the estimate: which members count, and their age in the month asked about.
import { getParameter, selectRuleSet, type RuleSet } from './rule-sets.js';
import type { EstimateMember } from './types.js';
import type { DateTime } from 'luxon';
import { fromBerlinIso } from '#shared/time.js';

export class EstimateInputError extends Error {
  constructor(readonly code: string) {
    super(`Invalid estimate input: ${code}`);
    this.name = 'EstimateInputError';
  }
}

interface YearMonth {
  year: number;
  month: number;
}

function parseMonth(month: string): YearMonth {
  const dt = fromBerlinIso(`${month}-01`);
  if (!dt.isValid) throw new EstimateInputError('month');
  return { year: dt.year, month: dt.month };
}

function parseBirthDate(birthDate: string): DateTime {
  const dt = fromBerlinIso(birthDate);
  if (!dt.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) throw new EstimateInputError('birthDate');
  return dt;
}

/**
 * Age that counts for the whole month: a birthday anywhere in the month counts from its
 * first day. Assumption (not confirmed against the Fachliche Weisungen): SGB II has no
 * explicit rule; this follows § 1612a Abs. 3 BGB and the reform's "ab dem Monat, in dem die
 * Altersgrenze erreicht wird". It also settles 29 February without day arithmetic.
 */
export function ageInMonth(birthDate: string, month: string): number {
  const birth = parseBirthDate(birthDate);
  const m = parseMonth(month);
  if (birth.year > m.year || (birth.year === m.year && birth.month > m.month)) throw new EstimateInputError('bornAfterMonth');
  return m.year - birth.year - (m.month < birth.month ? 1 : 0);
}

/** Completed years at the start of the month's first day (§ 32 Abs. 3 EStG counts Kindergeld that way). */
export function ageAtStartOfMonth(birthDate: string, month: string): number {
  const birth = parseBirthDate(birthDate);
  const m = parseMonth(month);
  const beforeBirthday = m.month < birth.month || (m.month === birth.month && birth.day > 1);
  return m.year - birth.year - (beforeBirthday ? 1 : 0);
}

export type Regelbedarfsstufe = 1 | 2 | 3 | 4 | 5 | 6;

export interface ClassifiedMember {
  member: EstimateMember;
  age: number;
  /** in the Bedarfsgemeinschaft (§ 7 Abs. 3 SGB II) */
  inBedarfsgemeinschaft: boolean;
  /** inside the Bedarfsgemeinschaft: one of its one or two adults at its head, or a child of theirs */
  bgRole?: 'head' | 'child';
  stufe?: Regelbedarfsstufe;
  /** parameters that decided the Stufe or the membership */
  parameterIds: string[];
}

function childStufe(age: number, ruleSet: RuleSet): { stufe?: Regelbedarfsstufe; parameterIds: string[] } {
  const bands: [string, Regelbedarfsstufe][] = [
    ['regelbedarf.rbs6.ageBelow', 6],
    ['regelbedarf.rbs5.ageBelow', 5],
    ['regelbedarf.rbs4.ageBelow', 4],
    ['bedarfsgemeinschaft.childAgeBelow', 3],
  ];
  for (const [id, stufe] of bands) {
    if (age < getParameter(ruleSet, id).value) return { stufe, parameterIds: [id] };
  }
  return { parameterIds: ['bedarfsgemeinschaft.childAgeBelow'] };
}

function validateRoles(members: readonly EstimateMember[]): void {
  const count = (role: EstimateMember['role']) => members.filter((m) => m.role === role).length;
  if (count('applicant') !== 1) throw new EstimateInputError('exactlyOneApplicant');
  if (count('partner') > 1) throw new EstimateInputError('atMostOnePartner');
  if (count('parent') > 2) throw new EstimateInputError('atMostTwoParents');
  if (new Set(members.map((m) => m.id)).size !== members.length) throw new EstimateInputError('duplicateMemberId');
}

/**
 * Whether the applicant belongs to the Bedarfsgemeinschaft of a parent (§ 7 Abs. 3 Nr. 2, 4 SGB II):
 * unmarried (no partner), under 25, living with a parent and without a child of their own.
 */
export function livesInParentsBedarfsgemeinschaft(members: readonly EstimateMember[], applicantAge: number, ruleSet: RuleSet): boolean {
  return (
    applicantAge < getParameter(ruleSet, 'bedarfsgemeinschaft.childAgeBelow').value &&
    members.some((m) => m.role === 'parent') &&
    !members.some((m) => m.role === 'partner' || m.role === 'child')
  );
}

/**
 * Sorts the household into the Bedarfsgemeinschaft and gives each member a Regelbedarfsstufe.
 * The head is the applicant with a partner, or, for an unmarried applicant under 25 living with
 * a parent and without a child of their own, the parent or parents (§ 7 Abs. 3 Nr. 2, 4): the
 * applicant and siblings under 25 are then the parents' children. A single head gets 1, two adult
 * heads 2 each (§ 20 Abs. 4), a minor head next to an adult 4; children by age 6/5/4, and 3 from
 * 18 to 24. Children aged 25 or more, foster children (§ 7 Abs. 3 Nr. 4 covers only the members'
 * own children) and everyone else live in the household but outside the Bedarfsgemeinschaft.
 */
export function classifyHousehold(members: readonly EstimateMember[], month: string, ruleSet: RuleSet): ClassifiedMember[] {
  validateRoles(members);
  const ages = new Map(members.map((m) => [m.id, ageInMonth(m.birthDate, month)]));
  const ageOf = (m: EstimateMember) => ages.get(m.id) ?? 0;
  const applicant = members.find((m) => m.role === 'applicant');
  if (!applicant) throw new EstimateInputError('exactlyOneApplicant');
  const withParents = livesInParentsBedarfsgemeinschaft(members, ageOf(applicant), ruleSet);
  const headRoles: EstimateMember['role'][] = withParents ? ['parent'] : ['applicant', 'partner'];
  const childRoles: EstimateMember['role'][] = withParents ? ['applicant', 'sibling'] : ['child'];
  const heads = members.filter((m) => headRoles.includes(m.role));
  const partnerMinAge = getParameter(ruleSet, 'regelbedarf.rbs2.partnerMinAge').value;
  const adultCouple = heads.length === 2 && heads.every((m) => ageOf(m) >= partnerMinAge);
  const membership = withParents ? ['bedarfsgemeinschaft.childAgeBelow'] : [];

  return members.map((member): ClassifiedMember => {
    const age = ageOf(member);
    if (headRoles.includes(member.role)) {
      const parameterIds = heads.length === 2 ? ['regelbedarf.rbs2.partnerMinAge', ...membership] : membership;
      const stufe: Regelbedarfsstufe = adultCouple ? 2 : heads.length === 2 && age < partnerMinAge ? 4 : 1;
      return { member, age, inBedarfsgemeinschaft: true, bgRole: 'head', stufe, parameterIds };
    }
    if (childRoles.includes(member.role)) {
      const { stufe, parameterIds } = childStufe(age, ruleSet);
      return stufe === undefined
        ? { member, age, inBedarfsgemeinschaft: false, parameterIds }
        : { member, age, inBedarfsgemeinschaft: true, bgRole: 'child', stufe, parameterIds: [...parameterIds, ...membership] };
    }
    return { member, age, inBedarfsgemeinschaft: false, parameterIds: [] };
  });
}

/** Size of the Bedarfsgemeinschaft in the month (it picks the tenant's housing limit). */
export function bedarfsgemeinschaftSize(members: readonly EstimateMember[], month: string): number {
  return classifyHousehold(members, month, selectRuleSet(month)).filter((c) => c.inBedarfsgemeinschaft).length;
}
