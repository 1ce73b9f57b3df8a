// Money arithmetic of the estimate in integer cents, rounded per item as in a Bescheid.
const BASIS_POINTS_PER_WHOLE = 10_000;

/**
 * A percentage of an amount in cents, rounded half up to the cent. Every item (each
 * Mehrbedarf, each allowance band) is rounded on its own, as in a Bescheid, so the
 * steps shown add up exactly to the totals.
 */
export function percentOf(amountCents: number, basisPoints: number): number {
  if (amountCents < 0 || basisPoints < 0) throw new RangeError('percentOf expects non-negative values');
  return Math.floor((amountCents * basisPoints + BASIS_POINTS_PER_WHOLE / 2) / BASIS_POINTS_PER_WHOLE);
}

export function basisPointsToPercent(basisPoints: number): number {
  return (basisPoints * 100) / BASIS_POINTS_PER_WHOLE;
}

/** Splits an amount into equal parts (Kopfteile); the leftover cents go to the first parts. */
export function splitEvenly(amountCents: number, parts: number): number[] {
  if (parts <= 0) return [];
  const base = Math.floor(amountCents / parts);
  const rest = amountCents - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < rest ? 1 : 0));
}

/** formatEuro(123456, 'de-DE') → '1.234,56 €' (with a no-break space before the sign). */
export function formatEuro(cents: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100);
}
