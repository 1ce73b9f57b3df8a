// Household rules of the estimate: which members count, and their age in the month asked about.
import { getParameter, type RuleSet } from './ruleSets.js';
import type { EstimateMember } from './types.js';
import type { DateTime } from 'luxon';
import { fromBerlinIso } from '../../../shared/time.js';

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

/**
 * Sorts the household into the Bedarfsgemeinschaft and gives each member a Regelbedarfsstufe:
 * single adult or single parent 1; two adult partners 2 each (§ 20 Abs. 4); with a minor
 * partner the adult gets 1 and the minor 4; children by age 6/5/4, and 3 from 18 to 24.
 * Children aged 25 or more and members with role 'other' live in the household but outside
 * the Bedarfsgemeinschaft.
 */
export function classifyHousehold(members: readonly EstimateMember[], month: string, ruleSet: RuleSet): ClassifiedMember[] {
  const applicants = members.filter((m) => m.role === 'applicant');
  const partners = members.filter((m) => m.role === 'partner');
  if (applicants.length !== 1) throw new EstimateInputError('exactlyOneApplicant');
  if (partners.length > 1) throw new EstimateInputError('atMostOnePartner');
  if (new Set(members.map((m) => m.id)).size !== members.length) throw new EstimateInputError('duplicateMemberId');

  const ages = new Map(members.map((m) => [m.id, ageInMonth(m.birthDate, month)]));
  const ageOf = (m: EstimateMember) => ages.get(m.id) ?? 0;
  const partnerMinAge = getParameter(ruleSet, 'regelbedarf.rbs2.partnerMinAge').value;
  const partner = partners[0];
  const applicant = applicants[0];
  const adultCouple =
    applicant !== undefined && partner !== undefined && ageOf(applicant) >= partnerMinAge && ageOf(partner) >= partnerMinAge;

  return members.map((member): ClassifiedMember => {
    const age = ageOf(member);
    switch (member.role) {
      case 'applicant':
      case 'partner': {
        if (adultCouple) return { member, age, inBedarfsgemeinschaft: true, stufe: 2, parameterIds: ['regelbedarf.rbs2.partnerMinAge'] };
        const minorPartner = partner !== undefined && age < partnerMinAge;
        return {
          member,
          age,
          inBedarfsgemeinschaft: true,
          stufe: minorPartner ? 4 : 1,
          parameterIds: partner === undefined ? [] : ['regelbedarf.rbs2.partnerMinAge'],
        };
      }
      case 'child': {
        const { stufe, parameterIds } = childStufe(age, ruleSet);
        return stufe === undefined
          ? { member, age, inBedarfsgemeinschaft: false, parameterIds }
          : { member, age, inBedarfsgemeinschaft: true, stufe, parameterIds };
      }
      case 'other':
        return { member, age, inBedarfsgemeinschaft: false, parameterIds: [] };
    }
  });
}
