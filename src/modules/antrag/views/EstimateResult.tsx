// One presentation of an estimate for the Erstantrag's estimate page, the public Rechner and the
// estimate API: every step in words, the rule set with its date, unverified parameters in plain words.
import type { ComponentChildren } from 'preact';
import { useView } from '#shared/html/context.js';
import { formatDateMedium, formatMonthYear } from '#shared/time.js';
import type { TFunction } from '#shared/i18n/index.js';
import type { AntragHousingLimit } from '../antrag.tables.js';
import { formatEuro, type EstimateResult, type Step } from '../rules/index.js';

export const localeOf = (lang: string) => (lang === 'de' ? 'de-DE' : 'en-GB');
/** Engine keys look like 'antrag.estimate.step.x'; the catalogue holds them below antrag:estimate. */
const catalogueKey = (key: string) => `antrag:${key.replace(/^antrag\./, '')}`;

export function stepText(step: Step, t: TFunction, lang: string): string {
  const locale = localeOf(lang);
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(step.params)) {
    if (name.endsWith('Cents') && typeof value === 'number') params[name.slice(0, -5)] = formatEuro(value, locale);
    else if (name === 'kind') params.kind = t(`antrag:option.income.${value}`);
    else if (name === 'basis') params.basis = t(`antrag:estimate.basis.${value}`);
    else if (name === 'percent' && typeof value === 'number') params.percent = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
    else params[name] = value;
  }
  if (typeof step.params.note === 'string') params.note = t(catalogueKey(step.params.note), params);
  return t(catalogueKey(step.key), params);
}

/** The catalogue key (below antrag:estimate.parameter) of a parameter's plain-words label. */
export function parameterLabelKey(id: string): { key: string; params: Record<string, string> } {
  const year = /^altersgrenze\.jahrgang(\d{4})$/.exec(id)?.[1];
  return year ? { key: 'altersgrenze_jahrgang', params: { year } } : { key: id.replaceAll('.', '_'), params: {} };
}

/** A parameter of the rule set in plain words (never its internal key). */
export function parameterLabel(id: string, t: TFunction): string {
  const { key, params } = parameterLabelKey(id);
  return t(`antrag:estimate.parameter.${key}`, params);
}

/**
 * The amount as it counts within its section: needs and income positive, a reduction of a need
 * and an allowance on income negative. The section's steps add up to its total.
 */
export function sectionAmountCents(step: Step): number {
  const deduction = step.section === 'bedarf' ? step.sign === '-' : step.sign === '+';
  return deduction ? -step.amountCents : step.amountCents;
}

export interface PresentedEstimate {
  month: string;
  ruleSet: { id: string; name: string; validFrom: string; unverified: { key: string; label: string }[] };
  eligible: boolean;
  reasons: string[];
  needCents: number;
  countedIncomeCents: number;
  benefitCents: number;
  steps: { section: 'need' | 'income'; label: string; amountCents: number; member?: string }[];
}

/** The estimate in words of the given language (the JSON of the estimate API). */
export function presentEstimate(result: EstimateResult, t: TFunction, lang: string): PresentedEstimate {
  const reasons = [
    ...result.exclusions.flatMap((e) => [t(`antrag:estimate.exclusion.${e.key}`), t(`antrag:estimate.referral.${e.referral}`)]),
    ...result.warnings.map((w) => t(catalogueKey(w))),
  ];
  return {
    month: result.month,
    ruleSet: { ...result.ruleSet, unverified: result.unverifiedParameters.map((key) => ({ key, label: parameterLabel(key, t) })) },
    eligible: result.eligible,
    reasons,
    needCents: result.totalNeedCents,
    countedIncomeCents: result.countedIncomeCents,
    benefitCents: result.entitlementCents,
    steps: result.steps.map((s) => ({
      section: s.section === 'bedarf' ? 'need' : 'income',
      label: stepText(s, t, lang),
      amountCents: sectionAmountCents(s),
      ...(typeof s.params.memberId === 'string' ? { member: s.params.memberId } : {}),
    })),
  };
}

function StepList({ steps, heading, total }: { steps: Step[]; heading: string; total: string }) {
  const { t, lang } = useView();
  return (
    <section class="ww-estimate-section">
      <h2 class="kern-heading-small">{heading}</h2>
      <ul class="ww-estimate-steps">
        {steps.map((step, i) => {
          const cents = sectionAmountCents(step);
          return (
            <li key={i}>
              <span>{stepText(step, t, lang)}</span>
              <span class="ww-estimate-amount">{`${cents < 0 ? '− ' : ''}${formatEuro(Math.abs(cents), localeOf(lang))}`}</span>
            </li>
          );
        })}
        <li class="ww-estimate-sum">{total}</li>
      </ul>
    </section>
  );
}

export interface EstimateViewProps {
  result: EstimateResult;
  limits: readonly AntragHousingLimit[];
  bgSize: number;
  /** what to do next (the Rechner links to the application, appointments and documents) */
  next?: ComponentChildren;
}

/** The estimate: eligibility first, then every step with its subtotal, the result, the rule set used, warnings and unverified values. */
export function EstimateView({ result, limits, bgSize, next }: EstimateViewProps) {
  const { t, lang } = useView();
  const euro = (cents: number) => formatEuro(cents, localeOf(lang));
  const month = formatMonthYear(result.month, lang);
  const validFrom = formatDateMedium(result.ruleSet.validFrom, lang);
  const limit = limits.find((l) => l.householdSize === bgSize);
  return (
    <div class="ww-estimate">
      <p class="kern-body">{t('antrag:estimate.basisLine', { ruleSet: result.ruleSet.name, month, validFrom })}</p>
      {result.exclusions.length > 0 ? (
        <section>
          <h2 class="kern-heading-medium">{t('antrag:estimate.exclusionHeading')}</h2>
          <ul class="kern-list kern-list--bullet">
            {result.exclusions.map((e) => (
              <li key={e.key}>
                {t(`antrag:estimate.exclusion.${e.key}`)} {t(`antrag:estimate.referral.${e.referral}`)}
              </li>
            ))}
          </ul>
          <p class="kern-body">{t('antrag:estimate.exclusionNote')}</p>
        </section>
      ) : (
        <>
          <StepList heading={t('antrag:estimate.needHeading')} steps={result.steps.filter((s) => s.section === 'bedarf')} total={t('antrag:estimate.totalNeed', { amount: euro(result.totalNeedCents) })} />
          <StepList heading={t('antrag:estimate.incomeHeading')} steps={result.steps.filter((s) => s.section === 'einkommen')} total={t('antrag:estimate.countedIncome', { amount: euro(result.countedIncomeCents) })} />
          <p class="kern-body ww-estimate-total">{t('antrag:estimate.entitlement', { amount: euro(result.entitlementCents) })}</p>
          <p class="kern-body">
            {t(result.assetCheck.aboveLimit ? 'antrag:estimate.assetsAbove' : 'antrag:estimate.assetsBelow', {
              assets: euro(result.assetCheck.assetsCents),
              limit: euro(result.assetCheck.limitCents),
            })}
          </p>
        </>
      )}
      {limit ? (
        <p class="kern-body">
          {t('antrag:estimate.limitLine', { size: bgSize, rent: euro(limit.bruttokaltmieteCents) })}{' '}
          {limit.heizkostenCents === null ? null : t('antrag:estimate.limitHeating', { heating: euro(limit.heizkostenCents) })}{' '}
          {t(limit.note === 'demo' ? 'antrag:estimate.limitsDemo' : 'antrag:estimate.limitsNote')}
        </p>
      ) : null}
      {result.warnings.length > 0 ? (
        <>
          <h2 class="kern-heading-medium">{t('antrag:estimate.warningsHeading')}</h2>
          <ul class="kern-list kern-list--bullet">
            {result.warnings.map((w) => (
              <li key={w}>{t(catalogueKey(w))}</li>
            ))}
          </ul>
        </>
      ) : null}
      {result.unverifiedParameters.length > 0 ? (
        <>
          <h2 class="kern-heading-medium">{t('antrag:estimate.unverifiedHeading')}</h2>
          <p class="kern-body">{t('antrag:estimate.unverifiedIntro')}</p>
          <ul class="kern-list kern-list--bullet">
            {result.unverifiedParameters.map((id) => (
              <li key={id}>{parameterLabel(id, t)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {next}
    </div>
  );
}
