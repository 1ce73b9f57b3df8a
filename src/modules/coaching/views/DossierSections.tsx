import { Button, CsrfField, DateField, SelectField, TextArea, TextField } from '#shared/html/components.js';
import { useT, useView } from '#shared/html/context.js';
import { labourMarketFigures } from '../../presse/index.js';
import { berufByKldb, berufe, niveauOf, wegeZu } from '../berufe.js';
import { anerkennungsStaende, kontaktKanaele, potenzialBereiche, type PotenzialBereich } from '../coaching.tables.js';
import { externenpruefungMoeglich, umschulungMonate } from '../rules.js';
import { formFor, type DossierPageProps } from './dossier-form.js';
import { Badge, LocalDate } from './parts.js';

/** Strengths first: the four competence classes, then history and qualifications, then what the plan must respect. */
const order: PotenzialBereich[] = ['persoenlich', 'sozial', 'methodisch', 'fachlich', 'werdegang', 'abschluss', 'rahmen'];

export function PotenzialSection({ dossier: d, base, form }: DossierPageProps) {
  const t = useT();
  const { csrfToken } = useView();
  const f = formFor(form, 'potenzial');
  const coach = d.zugang === 'coach';
  return (
    <section class="ww-section" id="potenzial" aria-labelledby="potenzial-heading">
      <h2 class="kern-heading-medium" id="potenzial-heading">
        {t('coaching:potenzial.title')}
      </h2>
      <p class="kern-body">{t('coaching:potenzial.lead')}</p>
      <div class="ww-potenzial">
        {order.map((bereich) => {
          const items = d.potenzial.filter((p) => p.bereich === bereich);
          return (
            <div class={`ww-potenzial__group ww-potenzial__group--${bereich}`} key={bereich}>
              <h3 class="kern-heading-small">{t(`coaching:potenzial.bereiche.${bereich}`)}</h3>
              {items.length === 0 ? (
                <p class="kern-body ww-muted">{t('coaching:potenzial.none')}</p>
              ) : (
                <ul class="kern-list kern-list--bullet">
                  {items.map((p) => (
                    <li key={p.id} class="ww-pre-line">
                      {p.text}
                      {p.anerkennung ? (
                        <>
                          {' '}
                          <Badge kind={p.anerkennung === 'voll' ? 'success' : 'info'}>{t(`coaching:potenzial.anerkennung.${p.anerkennung}`)}</Badge>
                        </>
                      ) : null}
                      {p.dqr ? ` · DQR ${p.dqr}` : null}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          );
        })}
      </div>
      {coach ? (
        <details class="ww-details" open={f.errors.length > 0}>
          <summary class="kern-link">{t('coaching:potenzial.add')}</summary>
          <form method="post" action={`${base}/${d.tn.id}/potenzial`} novalidate>
            <CsrfField token={csrfToken} />
            <SelectField name="bereich" label={t('coaching:potenzial.bereich')} value={f.values.bereich} error={f.err('bereich')} options={potenzialBereiche.map((b) => ({ value: b, label: t(`coaching:potenzial.bereiche.${b}`) }))} />
            <TextArea name="text" label={t('coaching:potenzial.text')} hint={t('coaching:potenzial.textHint')} value={f.values.text} error={f.err('text')} rows={3} />
            <SelectField
              name="anerkennung"
              label={t('coaching:potenzial.anerkennungLabel')}
              hint={t('coaching:potenzial.anerkennungHint')}
              value={f.values.anerkennung}
              error={f.err('anerkennung')}
              options={[{ value: '', label: '–' }, ...anerkennungsStaende.map((a) => ({ value: a, label: t(`coaching:potenzial.anerkennung.${a}`) }))]}
              optional
            />
            <TextField name="dqr" type="number" inputmode="numeric" width={2} label={t('coaching:potenzial.dqr')} value={f.values.dqr} error={f.err('dqr')} optional />
            <Button variant="secondary">{t('coaching:potenzial.save')}</Button>
          </form>
        </details>
      ) : null}
    </section>
  );
}

/** Target occupations with the level, local demand and the training paths that lead there. */
export function ZielberufeSection({ dossier: d, base, form, district }: DossierPageProps) {
  const t = useT();
  const { csrfToken, lang } = useView();
  const f = formFor(form, 'zielberufe');
  return (
    <section class="ww-section" id="zielberufe" aria-labelledby="zielberufe-heading">
      <h2 class="kern-heading-medium" id="zielberufe-heading">
        {t('coaching:zielberufe.title')}
      </h2>
      {district ? (
        <p class="kern-body">
          {/* Without an imported count of unemployed people the sentence leaves the count out (not "– unemployed"). */}
          {t(district.unemployed === null ? 'coaching:zielberufe.districtWithoutCount' : 'coaching:zielberufe.district', {
            district: district.districtName,
            rate: labourMarketFigures.rate(district.rateTenths, lang),
            month: labourMarketFigures.monthName(district.month, lang),
            unemployed: labourMarketFigures.count(district.unemployed, lang),
            region: district.comparisonName,
            regionRate: district.comparisonRateTenths === null ? '–' : labourMarketFigures.rate(district.comparisonRateTenths, lang),
          })}{' '}
          <span class="kern-body--small">{t('coaching:zielberufe.districtSource')}</span>
        </p>
      ) : null}
      {d.zielberufe.length === 0 ? <p class="kern-body">{t('coaching:zielberufe.none')}</p> : null}
      {d.zielberufe.map((kldb) => {
        const beruf = berufByKldb(kldb);
        const markt = d.arbeitsmarkt.find((a) => a.kldb === kldb);
        if (!beruf) return <ImportedOccupation key={kldb} kldb={kldb} title={d.berufTitel.get(kldb)} />;
        const extern = beruf.trainingMonths ? externenpruefungMoeglich(0, beruf.trainingMonths) : null;
        return (
          <article class="ww-card" key={kldb} aria-labelledby={`beruf-${kldb}`}>
            <h3 class="kern-heading-small" id={`beruf-${kldb}`}>
              {beruf.title} <span class="kern-body kern-body--small">(KldB {kldb}, {t(`coaching:niveau.${niveauOf(kldb)}`)})</span>
            </h3>
            <p class="kern-body">
              {markt ? (
                <>
                  {t('coaching:zielberufe.demand')}: <Badge kind={markt.nachfrage === 'hoch' ? 'success' : markt.nachfrage === 'mittel' ? 'info' : 'warning'}>{t(`coaching:zielberufe.nachfrage.${markt.nachfrage}`)}</Badge>
                  {markt.offeneStellen !== null ? ` · ${t('coaching:zielberufe.vacancies', { count: markt.offeneStellen })}` : null}
                  {markt.note ? ` · ${markt.note}` : null}
                </>
              ) : (
                t('coaching:zielberufe.noDemandData')
              )}
            </p>
            <h4 class="kern-body kern-body--bold">{t('coaching:wege.title')}</h4>
            <ul class="kern-list kern-list--bullet">
              {wegeZu(beruf).map((weg) => (
                <li key={weg}>
                  <strong>{t(`coaching:wege.${weg}.name`)}</strong>: {t(`coaching:wege.${weg}.text`, { months: beruf.trainingMonths, umschulung: beruf.trainingMonths ? umschulungMonate(beruf.trainingMonths) : 0, needed: extern?.needed ?? 0 })}
                </li>
              ))}
            </ul>
          </article>
        );
      })}
      {d.zugang === 'coach' ? (
        <form method="post" action={`${base}/${d.tn.id}/zielberufe`} class="ww-inline-form" novalidate>
          <CsrfField token={csrfToken} />
          <SelectField
            name="kldb"
            label={t('coaching:zielberufe.add')}
            value={f.values.kldb}
            error={f.err('kldb')}
            options={[{ value: '', label: t('coaching:intake.choose') }, ...berufe.map((b) => ({ value: b.kldb, label: `${b.title} (${b.kldb})` }))]}
          />
          {d.kldbImportiert > 0 ? (
            <TextField name="kldbCode" label={t('coaching:zielberufe.code')} hint={t('coaching:zielberufe.codeHint', { count: d.kldbImportiert })} value={f.values.kldbCode} inputmode="numeric" width={4} optional />
          ) : null}
          <Button variant="secondary">{t('coaching:zielberufe.save')}</Button>
        </form>
      ) : null}
    </section>
  );
}

/** A target occupation from the tenant's imported KldB 2010: code, level and title; no training data of its own. */
function ImportedOccupation({ kldb, title }: { kldb: string; title: string | undefined }) {
  const t = useT();
  return (
    <article class="ww-card" aria-labelledby={`beruf-${kldb}`}>
      <h3 class="kern-heading-small" id={`beruf-${kldb}`}>
        {title ?? kldb} <span class="kern-body kern-body--small">(KldB {kldb}, {t(`coaching:niveau.${niveauOf(kldb)}`)})</span>
      </h3>
      <p class="kern-body">{t('coaching:zielberufe.importedOnly')}</p>
    </article>
  );
}

/** Contact log of the intensive follow-up, newest first, with the next contact date. */
export function ContactsSection({ dossier: d, base, form }: DossierPageProps) {
  const t = useT();
  const { csrfToken } = useView();
  const f = formFor(form, 'kontakte');
  return (
    <section class="ww-section" id="kontakte" aria-labelledby="kontakte-heading">
      <h2 class="kern-heading-medium" id="kontakte-heading">
        {t('coaching:kontakte.title')}
      </h2>
      {d.kontakte.length === 0 ? (
        <p class="kern-body">{t('coaching:kontakte.none')}</p>
      ) : (
        <ol class="ww-timeline">
          {d.kontakte.map((k) => (
            <li key={k.id}>
              <p class="kern-body">
                <strong>
                  <LocalDate value={k.contactOn} />, {t(`coaching:kontakte.kanaele.${k.kanal}`)}
                </strong>
              </p>
              <p class="kern-body ww-pre-line">{k.summary}</p>
            </li>
          ))}
        </ol>
      )}
      {d.zugang === 'coach' ? (
        <details class="ww-details" open={f.errors.length > 0}>
          <summary class="kern-link">{t('coaching:kontakte.add')}</summary>
          <form method="post" action={`${base}/${d.tn.id}/kontakte`} novalidate>
            <CsrfField token={csrfToken} />
            <SelectField name="kanal" label={t('coaching:kontakte.kanal')} value={f.values.kanal} error={f.err('kanal')} options={kontaktKanaele.map((k) => ({ value: k, label: t(`coaching:kontakte.kanaele.${k}`) }))} />
            <DateField name="contactOn" label={t('coaching:kontakte.on')} value={f.values.contactOn ?? d.today} error={f.err('contactOn')} />
            <TextArea name="summary" label={t('coaching:kontakte.summary')} value={f.values.summary} error={f.err('summary')} rows={3} />
            <DateField name="nextContactOn" label={t('coaching:kontakte.next')} value={f.values.nextContactOn} error={f.err('nextContactOn')} optional />
            <Button variant="secondary">{t('coaching:kontakte.save')}</Button>
          </form>
        </details>
      ) : null}
    </section>
  );
}
