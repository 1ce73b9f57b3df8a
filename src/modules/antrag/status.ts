// The processing states of a submitted application and the moves a caseworker may make.
import type { SubmissionStatus } from '../forms/index.js';

const transitions: Record<SubmissionStatus, SubmissionStatus[]> = {
  eingegangen: ['in_bearbeitung'],
  in_bearbeitung: ['unterlagen_angefordert', 'entschieden'],
  unterlagen_angefordert: ['in_bearbeitung', 'entschieden'],
  entschieden: [],
};

export function nextStatuses(current: SubmissionStatus): SubmissionStatus[] {
  return transitions[current];
}

export function canMove(from: SubmissionStatus, to: SubmissionStatus): boolean {
  return transitions[from].includes(to);
}

/** Documents can be requested until a decision is made; the request itself sets "Unterlagen angefordert". */
export function canRequestDocuments(current: SubmissionStatus): boolean {
  return current !== 'entschieden';
}
