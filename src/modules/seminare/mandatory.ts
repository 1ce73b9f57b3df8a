// Who a mandatory training applies to: a rule shared by the training account, the reminders and the reports.
import type { Seminar } from './seminare.tables.js';

/** Whether a seminar is mandatory for someone with these roles in these teams. */
export function isMandatoryFor(seminar: Pick<Seminar, 'mandatoryForRoles' | 'mandatoryForTeams'>, roles: readonly string[], teamIds: readonly string[]): boolean {
  return seminar.mandatoryForRoles.some((r) => roles.includes(r)) || seminar.mandatoryForTeams.some((t) => teamIds.includes(t));
}
