// Who may receive SGB II at all (§§ 7, 7a, 8 SGB II), checked before any amount is computed.
import type { ClassifiedMember } from './household.js';
import { getParameter, type RuleSet } from './rule-sets.js';
import type { EstimateMember, Exclusion } from './types.js';

/** The month in which the Altersgrenze of § 7a SGB II is reached, as months since year 0, with its parameters. */
function pensionAgeMonth(birthDate: string, ruleSet: RuleSet): { month: number; parameterIds: string[] } {
  const [year = 0, month = 1] = birthDate.split('-').map(Number);
  const base = getParameter(ruleSet, 'altersgrenze.basis').value;
  let ageMonths = base * 12;
  const parameterIds = ['altersgrenze.basis'];
  if (year >= 1964) {
    ageMonths = getParameter(ruleSet, 'altersgrenze.ab1964').value * 12;
    parameterIds.splice(0, 1, 'altersgrenze.ab1964');
  } else if (year >= 1947) {
    ageMonths += getParameter(ruleSet, `altersgrenze.jahrgang${year}`).value;
    parameterIds.push(`altersgrenze.jahrgang${year}`);
  }
  return { month: year * 12 + (month - 1) + ageMonths, parameterIds };
}

const exclusion = (key: string, referral: string, parameterIds: string[] = []): Exclusion => ({ key, referral, parameterIds });

/**
 * Exclusions of the person the estimate is for: the applicant, or in the parents'
 * Bedarfsgemeinschaft still the applicant. The Altersgrenze is reached at the end of the month
 * of the birthday (§ 7a Satz 1); an ability to work of less than three hours a day excludes only
 * when nobody else in the Bedarfsgemeinschaft can work (then the others' Sozialgeld carries the
 * household, § 19 Abs. 1 Satz 2). Training: § 7 Abs. 5 with the exception of § 7 Abs. 6 Nr. 2 for
 * trainees and students living with their parents; pupils of general schools are not excluded.
 */
export function exclusionsOf(bg: readonly ClassifiedMember[], members: readonly EstimateMember[], month: string, ruleSet: RuleSet): Exclusion[] {
  const applicant = bg.find((c) => c.member.role === 'applicant');
  if (!applicant) return [];
  const a = applicant.member;
  const value = (id: string) => getParameter(ruleSet, id).value;
  const found: Exclusion[] = [];
  const [y = 0, m = 1] = month.split('-').map(Number);
  const monthIndex = y * 12 + (m - 1);

  if (applicant.age < value('alter.mindestalter')) found.push(exclusion('tooYoung', 'sozialgeld', ['alter.mindestalter']));
  const pension = pensionAgeMonth(a.birthDate, ruleSet);
  if (monthIndex > pension.month) found.push(exclusion('pensionAge', 'grundsicherungAlter', pension.parameterIds));
  if (a.oldAgePension === true) found.push(exclusion('oldAgePension', 'grundsicherungAlter'));
  if (a.inInstitution === true) found.push(exclusion('institution', 'hilfeZumLebensunterhalt', ['ausschluss.einrichtung.monate']));

  const canWork = (c: ClassifiedMember) =>
    c.member.ableToWork !== false && c.age >= value('alter.mindestalter') && monthIndex <= pensionAgeMonth(c.member.birthDate, ruleSet).month;
  if (a.ableToWork === false && !bg.some((c) => c !== applicant && canWork(c))) {
    found.push(exclusion('notAbleToWork', applicant.age >= value('alter.volljaehrigkeit') ? 'grundsicherungErwerbsminderung' : 'hilfeZumLebensunterhalt'));
  }

  const livesWithParents = members.some((x) => x.role === 'parent');
  if ((a.education === 'studies' || a.education === 'vocationalTraining') && !livesWithParents) {
    found.push(exclusion(a.education === 'studies' ? 'studies' : 'training', a.education === 'studies' ? 'bafoeg' : 'bab'));
  }

  switch (a.residence) {
    case 'firstThreeMonths':
      found.push(exclusion('firstThreeMonths', 'ueberbrueckung'));
      break;
    case 'jobSeeking':
      found.push(exclusion('jobSeeking', 'ueberbrueckung'));
      break;
    case 'asylum':
      found.push(exclusion('asylum', 'asylblg'));
      break;
    default:
      break;
  }
  return found;
}
