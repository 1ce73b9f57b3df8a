// Format check of the BG-Nummer (number of the Bedarfsgemeinschaft). Only the format is checked:
// whether a number exists is never revealed; staff match an upload to the case (doc/domain/mitwirkung-und-unterlagen.md).

export interface BgNummerFormat {
  /** Regular expression without anchors, e.g. `[0-9]{5}BG[0-9]{7}`. */
  pattern: string;
  /** Shown in the hint and in the error message. */
  example: string;
}

/** The Bundesagentur's format: 5 digits, "BG", 7 digits. Tenants may set their own. */
export const baFormat: BgNummerFormat = { pattern: '[0-9]{5}BG[0-9]{7}', example: '12345BG0012345' };

/** Upper case without spaces, so "12345 bg 0012345" is accepted as typed from a letter. */
export function normalizeBgNummer(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

export function isValidBgNummer(input: string, format: BgNummerFormat): boolean {
  const value = normalizeBgNummer(input);
  if (value.length === 0 || value.length > 40) return false;
  return new RegExp(`^(?:${format.pattern})$`, 'u').test(value);
}
