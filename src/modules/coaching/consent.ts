// The informed-consent text shown at intake (what, who, how long; § 67a SGB X, Art. 7 and 9 DSGVO). The version and
// the exact text are stored with each participant, so a later change of wording never rewrites what someone agreed to.
export const CONSENT_VERSION = 'coaching-einwilligung-2026-12';

export const CONSENT_TEXT = [
  'Ich willige ein, dass das Jobcenter für das Coaching Aus- und Weiterbildung meine Angaben zu Person, Kontakt, Sprachen,',
  'Ausbildung, Berufserfahrung, Stärken, Zielen und Rahmenbedingungen verarbeitet. Die Angaben erhebe ich selbst im Gespräch.',
  'Gesundheit, Sucht, Schulden und familiäre Belastungen werden nur aufgenommen, wenn ich sie selbst nenne; sie sieht nur',
  'mein Coach, jeder Zugriff wird protokolliert, und sie werden nur mit meiner Einwilligung im Einzelfall weitergegeben.',
  'Meine Sachbearbeitung sieht den Stand des Coachings und den vereinbarten Kooperationsplan.',
  'Die Angaben werden nach dem Ende des Coachings gelöscht (vertrauliche Notizen früher). Ich kann die Einwilligung',
  'jederzeit für die Zukunft widerrufen; Nachteile bei meinen Leistungen entstehen dadurch nicht.',
].join(' ');
