// The explained steps of one estimate and their running totals.
import type { Step } from './types.js';

/**
 * Collects the steps of one estimate and keeps the running totals, the need per member
 * (for the child-income rule) and every parameter the calculation touched.
 */
export class StepCollector {
  readonly steps: Step[] = [];
  readonly usedParameterIds = new Set<string>();
  needCents = 0;
  incomeCents = 0;
  private readonly needByMember = new Map<string, number>();

  /** A need, or with sign '-' a reduction of a need; memberId books it to one member. */
  need(step: Omit<Step, 'section'>, memberId?: string): void {
    const delta = step.sign === '+' ? step.amountCents : -step.amountCents;
    this.needCents += delta;
    if (memberId !== undefined) this.needByMember.set(memberId, this.memberNeedCents(memberId) + delta);
    this.push({ ...step, section: 'bedarf' });
  }

  /** Income ('-') or a part of it that is not counted ('+'). */
  income(step: Omit<Step, 'section'>): void {
    this.incomeCents += step.sign === '-' ? step.amountCents : -step.amountCents;
    this.push({ ...step, section: 'einkommen' });
  }

  /** Books part of a need already counted in the totals to one member. */
  bookMemberNeed(memberId: string, cents: number): void {
    this.needByMember.set(memberId, this.memberNeedCents(memberId) + cents);
  }

  use(parameterIds: readonly string[]): void {
    for (const id of parameterIds) this.usedParameterIds.add(id);
  }

  memberNeedCents(memberId: string): number {
    return this.needByMember.get(memberId) ?? 0;
  }

  private push(step: Step): void {
    this.use(step.parameterIds);
    this.steps.push(step);
  }
}
