// Plausibility limits of the estimate's input. They are not law: they catch typing errors (a rent
// of 95,000 € instead of 950 €) so that the estimate asks to check instead of printing a five-figure
// entitlement. Every limit is far above what a household asking for SGB II would have.
import { EstimateInputError } from './household.js';
import type { EstimateInput } from './types.js';

export const PLAUSIBLE_MAX_CENTS = {
  /** rent including service charges, per month */
  rent: 1_000_000,
  /** heating per month */
  heating: 200_000,
  /** gross earnings of one member per month */
  earnings: 5_000_000,
  /** one other income of one member per month */
  otherIncome: 2_000_000,
  /** assets of the household */
  assets: 100_000_000_000,
} as const;

export class ImplausibleInputError extends EstimateInputError {
  constructor(
    /** which input, e.g. 'rent' (see PLAUSIBLE_MAX_CENTS) */
    readonly input: keyof typeof PLAUSIBLE_MAX_CENTS,
    /** index of the member, for member inputs */
    readonly memberIndex?: number,
  ) {
    super(`implausible.${input}`);
    this.name = 'ImplausibleInputError';
  }
}

export function checkPlausibility(input: EstimateInput): void {
  const h = input.housing;
  if (h.kaltmieteCents + h.nebenkostenCents > PLAUSIBLE_MAX_CENTS.rent) throw new ImplausibleInputError('rent');
  if (h.heizkostenCents > PLAUSIBLE_MAX_CENTS.heating) throw new ImplausibleInputError('heating');
  if (input.assetsCents > PLAUSIBLE_MAX_CENTS.assets) throw new ImplausibleInputError('assets');
  input.members.forEach((m, i) => {
    if ((m.earnings?.grossCents ?? 0) > PLAUSIBLE_MAX_CENTS.earnings) throw new ImplausibleInputError('earnings', i);
    if ((m.otherIncome ?? []).some((o) => o.amountCents > PLAUSIBLE_MAX_CENTS.otherIncome)) throw new ImplausibleInputError('otherIncome', i);
  });
}
