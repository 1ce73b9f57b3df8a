import { describe, expect, it } from 'vitest';
import { canMove, canRequestDocuments, nextStatuses } from './status.js';

describe('application status', () => {
  it('moves forward from received to processing to decided, with document requests in between', () => {
    expect(nextStatuses('eingegangen')).toEqual(['in_bearbeitung']);
    expect(canMove('in_bearbeitung', 'unterlagen_angefordert')).toBe(true);
    expect(canMove('unterlagen_angefordert', 'in_bearbeitung')).toBe(true);
    expect(canMove('in_bearbeitung', 'entschieden')).toBe(true);
  });

  it('does not go back to received, skip processing, or change a decision', () => {
    expect(canMove('in_bearbeitung', 'eingegangen')).toBe(false);
    expect(canMove('eingegangen', 'entschieden')).toBe(false);
    expect(nextStatuses('entschieden')).toEqual([]);
    expect(canRequestDocuments('entschieden')).toBe(false);
    expect(canRequestDocuments('eingegangen')).toBe(true);
  });
});
