import { useT, useTenantBase, useView } from '#shared/html/context.js';
import { ChartPicture } from '#shared/html/chart-picture.js';
import { Layout } from '#shared/html/Layout.js';
import { count, rate, signedCount, signedRate } from '../format.js';
import { formatMonthYear } from '#shared/time.js';
import type { FiguresView } from '../figures.service.js';
import type { LabourMarketFigure } from '../presse.tables.js';

function Value({ figure, render }: { figure: LabourMarketFigure | undefined; render: (f: LabourMarketFigure) => string }) {
  const t = useT();
  if (!figure) return <>–</>;
  return (
    <>
      {render(figure)}
      {figure.source === 'demo' ? (
        <sup>
          <abbr title={t('presse:figures.demoValue')}>*</abbr>
        </sup>
      ) : null}
    </>
  );
}

function KeyFacts({ view }: { view: FiguresView }) {
  const { lang } = useView();
  const t = useT();
  const latest = view.latest;
  if (!latest) return <p class="kern-body">{t('presse:figures.none')}</p>;
  const d = latest.district;
  return (
    <section aria-labelledby="pr-latest" class="pr-keyfacts">
      <h2 id="pr-latest" class="kern-heading-medium">
        {t('presse:figures.latest', { month: formatMonthYear(latest.month, lang) })}
      </h2>
      <ul class="kern-body">
        <li>{t('presse:figures.rateSentence', { region: view.districtName, rate: rate(d.rateTenths, lang) })}</li>
        {latest.rateChangeMonthTenths !== null ? <li>{t('presse:figures.changeMonth', { change: signedRate(latest.rateChangeMonthTenths, lang) })}</li> : null}
        {latest.rateChangeYearTenths !== null ? <li>{t('presse:figures.changeYear', { change: signedRate(latest.rateChangeYearTenths, lang) })}</li> : null}
        {latest.comparison ? <li>{t('presse:figures.comparisonSentence', { region: view.comparisonName, rate: rate(latest.comparison.rateTenths, lang) })}</li> : null}
        {d.unemployed !== null ? <li>{t('presse:figures.unemployedSentence', { count: count(d.unemployed, lang), sgb2: count(d.unemployedSgb2, lang) })}</li> : null}
        {latest.unemployedChangeYear !== null ? <li>{t('presse:figures.unemployedChangeYear', { change: signedCount(latest.unemployedChangeYear, lang) })}</li> : null}
      </ul>
      <p class="kern-body kern-body--small">{t('presse:figures.ownCalculation')}</p>
    </section>
  );
}

export function FiguresPage({ view }: { view: FiguresView }) {
  const { lang } = useView();
  const t = useT();
  const base = useTenantBase();
  const hasDemo = view.months.some((m) => m.district?.source === 'demo' || m.comparison?.source === 'demo');
  return (
    <Layout title={t('presse:figures.title')} wide>
      <h1 class="kern-heading-large">{t('presse:figures.title')}</h1>
      <p class="kern-body">{t('presse:figures.intro', { district: view.districtName, comparison: view.comparisonName })}</p>
      <KeyFacts view={view} />
      {view.months.length ? (
        <section aria-labelledby="pr-series" class="pr-series">
          <h2 id="pr-series" class="kern-heading-medium">
            {t('presse:figures.seriesTitle')}
          </h2>
          <figure class="pr-chart">
            {/* A phone gets a drawing made for its width: the desk drawing scaled down to 360 px has 6 px labels. */}
            <ChartPicture
              src={`${base}/arbeitsmarkt.svg`}
              alt={t('presse:figures.chartAlt', { district: view.districtName, comparison: view.comparisonName })}
              wide={{ width: 700, height: 380 }}
              narrow={{ width: 390, height: 400 }}
            />
            <figcaption class="kern-body kern-body--small">{t('presse:figures.source')}</figcaption>
          </figure>
          <p class="kern-body">
            <a class="kern-link" href={`${base}/arbeitsmarkt.csv`} download>
              {t('presse:figures.csv')}
            </a>
          </p>
          <div class="ww-table-wrap" tabindex={0} role="region" aria-labelledby="pr-table-caption">
            <table class="kern-table">
              <caption id="pr-table-caption" class="kern-body">{t('presse:figures.tableCaption', { district: view.districtName, comparison: view.comparisonName })}</caption>
              <thead class="kern-table__head">
                <tr class="kern-table__row">
                  <th scope="col" class="kern-table__header">{t('presse:figures.columns.month')}</th>
                  <th scope="col" class="kern-table__header">{t('presse:figures.columns.rate', { region: view.districtName })}</th>
                  <th scope="col" class="kern-table__header">{t('presse:figures.columns.rate', { region: view.comparisonName })}</th>
                  <th scope="col" class="kern-table__header">{t('presse:figures.columns.unemployed', { region: view.districtName })}</th>
                  <th scope="col" class="kern-table__header">{t('presse:figures.columns.sgb2')}</th>
                  <th scope="col" class="kern-table__header">{t('presse:figures.columns.sgb3')}</th>
                </tr>
              </thead>
              <tbody class="kern-table__body">
                {[...view.months].reverse().map(({ month, district, comparison }) => (
                  <tr class="kern-table__row" key={month}>
                    <th scope="row" class="kern-table__header">{formatMonthYear(month, lang)}</th>
                    <td class="kern-table__cell"><Value figure={district} render={(f) => `${rate(f.rateTenths, lang)} %`} /></td>
                    <td class="kern-table__cell"><Value figure={comparison} render={(f) => `${rate(f.rateTenths, lang)} %`} /></td>
                    <td class="kern-table__cell"><Value figure={district} render={(f) => count(f.unemployed, lang)} /></td>
                    <td class="kern-table__cell"><Value figure={district} render={(f) => count(f.unemployedSgb2, lang)} /></td>
                    <td class="kern-table__cell"><Value figure={district} render={(f) => count(f.unemployedSgb3, lang)} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p class="kern-body kern-body--small">{t('presse:figures.source')}</p>
          {hasDemo ? <p class="kern-body kern-body--small">* {t('presse:figures.demoNote')}</p> : null}
        </section>
      ) : null}
    </Layout>
  );
}
