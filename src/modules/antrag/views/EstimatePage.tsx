import { DateTime } from 'luxon';
import type { ContentPageProps } from '../../forms/index.js';
import { Alert, TableScroll } from '../../../shared/html/components.js';
import { useView } from '../../../shared/html/context.js';
import type { TFunction } from '../../../shared/i18n/index.js';
import type { EstimateData } from '../antrag.service.js';
import { formatEuro, type Step } from '../rules/index.js';

const localeOf = (lang: string) => (lang === 'de' ? 'de-DE' : 'en-GB');
/** Engine keys look like 'antrag.estimate.step.x'; the catalogue holds them below antrag:estimate. */
const catalogueKey = (key: string) => `antrag:${key.replace(/^antrag\./, '')}`;

export function stepText(step: Step, t: TFunction, lang: string): string {
  const locale = localeOf(lang);
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(step.params)) {
    if (name.endsWith('Cents') && typeof value === 'number') params[name.slice(0, -5)] = formatEuro(value, locale);
    else if (name === 'kind') params.kind = t(`antrag:option.income.${value}`);
    else if (name === 'note') params.note = t(catalogueKey(String(value)));
    else if (name === 'basis') params.basis = t(`antrag:estimate.basis.${value}`);
    else if (name === 'percent' && typeof value === 'number') params.percent = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
    else params[name] = value;
  }
  return t(catalogueKey(step.key), params);
}

function StepTable({ steps, caption }: { steps: Step[]; caption: string }) {
  const { t, lang } = useView();
  return (
    <TableScroll label={caption}>
      <table class="kern-table kern-table--small">
        <caption class="kern-title">{caption}</caption>
        <thead class="kern-table__header">
          <tr class="kern-table__row">
            <th class="kern-table__header" scope="col">
              {t('antrag:estimate.colStep')}
            </th>
            <th class="kern-table__header kern-table__header--numeric" scope="col">
              {t('antrag:estimate.colAmount')}
            </th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {steps.map((step, i) => (
            <tr class="kern-table__row" key={i}>
              <td class="kern-table__cell">{stepText(step, t, lang)}</td>
              <td class="kern-table__cell kern-table__cell--numeric">
                {step.sign === '-' ? '− ' : '+ '}
                {formatEuro(step.amountCents, localeOf(lang))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The Orientierungsrechnung: every step, clearly non-binding, unverified parameters named. */
export function EstimatePage({ data }: ContentPageProps) {
  const { t, lang } = useView();
  const d = data as EstimateData;
  const euro = (cents: number) => formatEuro(cents, localeOf(lang));
  return (
    <>
      <Alert type="warning" title={t('antrag:estimate.nonBindingTitle')}>
        <p class="kern-body">{t('antrag:estimate.nonBinding')}</p>
      </Alert>
      {d.result ? (
        <>
          <p class="kern-body">{t('antrag:estimate.basisLine', { ruleSet: d.result.ruleSet.name, month: DateTime.fromISO(`${d.result.month}-01`).setLocale(lang).toFormat('LLLL yyyy') })}</p>
          <StepTable caption={t('antrag:estimate.needHeading')} steps={d.result.steps.filter((s) => s.section === 'bedarf')} />
          <p class="kern-body">{t('antrag:estimate.totalNeed', { amount: euro(d.result.totalNeedCents) })}</p>
          <StepTable caption={t('antrag:estimate.incomeHeading')} steps={d.result.steps.filter((s) => s.section === 'einkommen')} />
          <p class="kern-body">{t('antrag:estimate.countedIncome', { amount: euro(d.result.countedIncomeCents) })}</p>
          <p class="kern-body ww-estimate-total">{t('antrag:estimate.entitlement', { amount: euro(d.result.entitlementCents) })}</p>
          <p class="kern-body">
            {t(d.result.assetCheck.aboveLimit ? 'antrag:estimate.assetsAbove' : 'antrag:estimate.assetsBelow', {
              assets: euro(d.result.assetCheck.assetsCents),
              limit: euro(d.result.assetCheck.limitCents),
            })}
          </p>
          {d.result.warnings.length > 0 ? (
            <>
              <h2 class="kern-heading-medium">{t('antrag:estimate.warningsHeading')}</h2>
              <ul class="kern-list">
                {d.result.warnings.map((w) => (
                  <li key={w}>{t(catalogueKey(w))}</li>
                ))}
              </ul>
            </>
          ) : null}
          {d.unverified.length > 0 ? (
            <>
              <h2 class="kern-heading-medium">{t('antrag:estimate.unverifiedHeading')}</h2>
              <p class="kern-body">{t('antrag:estimate.unverifiedIntro')}</p>
              <ul class="kern-list">
                {d.unverified.map((p) => (
                  <li key={p.id}>
                    <code>{p.id}</code> – {p.source}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : (
        <p class="kern-body">{t(d.missing === 'household' ? 'antrag:estimate.notPossible' : 'antrag:estimate.missing')}</p>
      )}
      {d.limits.length > 0 ? (
        <TableScroll label={t('antrag:estimate.limitsCaption')}>
          <table class="kern-table kern-table--small">
            <caption class="kern-title">{t('antrag:estimate.limitsCaption')}</caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                <th class="kern-table__header" scope="col">{t('antrag:estimate.limitsSize')}</th>
                <th class="kern-table__header kern-table__header--numeric" scope="col">{t('antrag:estimate.limitsRent')}</th>
                <th class="kern-table__header kern-table__header--numeric" scope="col">{t('antrag:estimate.limitsHeating')}</th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {d.limits.map((l) => (
                <tr class="kern-table__row" key={l.householdSize}>
                  <td class="kern-table__cell">{l.householdSize === d.bgSize ? t('antrag:estimate.limitsYours', { size: l.householdSize }) : l.householdSize}</td>
                  <td class="kern-table__cell kern-table__cell--numeric">{euro(l.bruttokaltmieteCents)}</td>
                  <td class="kern-table__cell kern-table__cell--numeric">{l.heizkostenCents === null ? '–' : euro(l.heizkostenCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="kern-body kern-body--small">{t(d.limits.some((l) => l.note === 'demo') ? 'antrag:estimate.limitsDemo' : 'antrag:estimate.limitsNote')}</p>
        </TableScroll>
      ) : null}
    </>
  );
}
