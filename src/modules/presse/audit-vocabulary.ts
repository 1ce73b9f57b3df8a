// The audit words of the presse module (labels in locales/*/audit.json).
import { auditVocabulary } from '#shared/audit/index.js';

export const presseAuditVocabulary = auditVocabulary('presse', {
  actions: [
    'presse.release.create',
    'presse.release.update',
    'presse.release.submit',
    'presse.release.reopen',
    'presse.release.approve',
    'presse.release.publish',
    'presse.release.correct',
    'presse.release.withdraw',
    'presse.release.image.add',
    'presse.release.image.move',
    'presse.release.image.remove',
    'presse.release.attachment.add',
    'presse.release.attachment.remove',
    'presse.counter.preset',
    'presse.presslist.subscribe',
    'presse.presslist.confirm',
    'presse.presslist.unsubscribe',
    'presse.presslist.send',
    'presse.figures.import',
    'presse.figures.manual',
    'presse.settings.update',
  ],
  objectTypes: ['press_release', 'press_counter', 'press_subscriber', 'press_settings', 'labour_market_figures'],
});

declare module '#shared/audit/vocabulary.js' {
  interface AuditVocabularies {
    presse: typeof presseAuditVocabulary;
  }
}
