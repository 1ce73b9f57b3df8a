// The audit words of the coaching module (labels in locales/*/audit.json).
import { auditVocabulary } from '#shared/audit/index.js';

export const coachingAuditVocabulary = auditVocabulary('coaching', {
  actions: [
    'coaching.intake',
    'coaching.referral',
    'coaching.caseload',
    'coaching.caseload.team',
    'coaching.view',
    'coaching.vertraulich.read',
    'coaching.vertraulich.write',
    'coaching.vertraulich.consent',
    'coaching.potenzial.write',
    'coaching.zielberuf.write',
    'coaching.aktivitaet.write',
    'coaching.nachricht.write',
    'coaching.plan.write',
    'coaching.plan.agree',
    'coaching.plan.schlichtung',
    'coaching.kontakt.write',
    'coaching.pruefung.write',
    'coaching.angst.write',
    'coaching.gutschein.write',
    'coaching.termin.book',
    'coaching.termin.move',
    'coaching.termin.cancel',
    'coaching.exit',
    'coaching.nachhaltigkeit',
    'coaching.sprache',
    'coaching.link.issue',
    'coaching.link.reissue',
    'coaching.link.revoke',
    'coaching.link.view',
    'coaching.link.comment',
    'coaching.link.angst',
    'coaching.auskunft',
    'coaching.indicators',
    'coaching.kldb.import',
    'coaching.settings',
    'coaching.retention',
  ],
  objectTypes: ['coaching_teilnehmende', 'coaching_kennzahlen', 'coaching_kldb', 'coaching_einstellungen'],
});

declare module '#shared/audit/vocabulary.js' {
  interface AuditVocabularies {
    coaching: typeof coachingAuditVocabulary;
  }
}
