import { describe, expect, it } from 'vitest';
import type { FlowDefinition } from '../forms/index.js';
import { getI18n } from '#shared/i18n/index.js';
import { ESTIMATE_EXCLUSION_KEYS, ESTIMATE_NOTE_KEYS, ESTIMATE_REFERRAL_KEYS, ESTIMATE_STEP_KEYS, ESTIMATE_WARNING_KEYS } from './rules/index.js';
import { antragFlows } from './flows/index.js';

/** Every i18n key a flow definition refers to (titles, labels, hints, options). */
function flowKeys(flow: FlowDefinition): string[] {
  const keys = [flow.titleKey, flow.declarationKey];
  for (const section of flow.sections) {
    keys.push(section.titleKey);
    for (const node of section.nodes) {
      const pages = node.kind === 'group' ? node.pages : node.kind === 'forEach' ? node.pages : [node];
      if (node.kind === 'group') keys.push(node.titleKey, node.listTitleKey, node.addFirstKey, node.addAnotherKey, ...(node.introKey ? [node.introKey] : []));
      for (const page of pages) {
        keys.push(page.titleKey);
        if (page.kind !== 'question') continue;
        if (page.introKey) keys.push(page.introKey);
        for (const field of page.fields) {
          keys.push(field.labelKey, ...(field.hintKey ? [field.hintKey] : []), ...(field.options ?? []).flatMap((o) => [o.labelKey, ...(o.hintKey ? [o.hintKey] : [])]));
        }
      }
    }
  }
  return [...new Set(keys)];
}

describe('antrag catalogue', () => {
  const i18n = getI18n();
  for (const lang of ['de', 'en']) {
    it(`has a ${lang} text for every key of every flow`, () => {
      const missing = antragFlows.flatMap(flowKeys).filter((key) => !i18n.exists(key, { lng: lang, fallbackLng: [] }));
      expect(missing).toEqual([]);
    });

    it(`has a ${lang} text for every step, warning and note of the rules engine`, () => {
      const keys = [
        ...[...ESTIMATE_STEP_KEYS, ...ESTIMATE_WARNING_KEYS, ...ESTIMATE_NOTE_KEYS].map((k) => `antrag:${k.replace(/^antrag\./, '')}`),
        ...ESTIMATE_EXCLUSION_KEYS.map((k) => `antrag:estimate.exclusion.${k}`),
        ...ESTIMATE_REFERRAL_KEYS.map((k) => `antrag:estimate.referral.${k}`),
      ];
      expect(keys.filter((key) => !i18n.exists(key, { lng: lang, fallbackLng: [] }))).toEqual([]);
    });
  }
});
