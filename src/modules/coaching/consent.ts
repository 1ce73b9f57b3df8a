// The informed-consent text shown at intake (what, who, how long; § 67a SGB X, Art. 7 and 9 DSGVO). The wording lives
// in the catalogues (coaching:intake.consentText, de and en). The version and the exact text in the language the
// form was shown in are stored with each participant, so a later change of wording never rewrites what someone
// agreed to; a change of wording in either language needs a new version.
import { fixedT } from '#shared/i18n/index.js';

export const CONSENT_VERSION = 'coaching-einwilligung-2026-12';

/** The consent text as the intake form shows it in `lang`. */
export function consentText(lang: string): string {
  return fixedT(lang)('coaching:intake.consentText');
}
