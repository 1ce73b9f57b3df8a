export type { FormState } from './dossier-form.js';
import { Alert, SummaryList } from '#shared/html/components.js';
import { ErrorSummary } from '#shared/html/form-errors.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import { StaffLayout } from '../../staff/index.js';
import { type DossierPageProps } from './dossier-form.js';
import { formatDayShort } from '#shared/time.js';
import { isOverdue } from '../rules.js';
import { ActivitiesSection, ExitSection, LinkSection, PlanSection, PlanSteps } from './DossierPlan.js';
import { GutscheineSection, PruefungSection } from './DossierPruefung.js';
import { ContactsSection, PotenzialSection, ZielberufeSection } from './DossierSections.js';
import { TermineSection } from './DossierTermine.js';
import { Badge, CoachingAssets, LocalDate, PhaseBadge } from './parts.js';

/** One participant: the coach's working page (analysis, paths, plan, dialogue, follow-up, exit), or the caseworker's status view. */
export function DossierPage(props: DossierPageProps) {
  const t = useT();
  const { lang } = useView();
  const { dossier: d } = props;
  const { tn } = d;
  const staffBase = `${useTenantBase()}/staff`;
  const name = `${tn.givenName} ${tn.familyName}`;
  const coach = d.zugang === 'coach';
  return (
    <StaffLayout title={name} wide>
      <CoachingAssets />
      <p class="ww-back">
        <a class="kern-link" href={d.zugang === 'caseworker' ? staffBase : `${props.base}${d.zugang === 'team' ? '/team' : ''}`}>
          {t('coaching:dossier.back')}
        </a>
      </p>
      <h1 class="kern-heading-large">
        {name} <PhaseBadge phase={tn.phase} />
      </h1>
      {props.notice === 'referred' ? <Alert type="success" title={t('coaching:dossier.referred')} /> : null}
      {props.form ? <ErrorSummary errors={props.form.errors} /> : null}
      <SummaryList
        rows={[
          { key: t('coaching:intake.birthDate'), value: <LocalDate value={tn.birthDate} /> },
          ...(d.zugang !== 'caseworker'
            ? [
                { key: t('coaching:dossier.contact'), value: [tn.email, tn.phone].filter(Boolean).join(', ') || '–' },
                { key: t('coaching:intake.languages'), value: tn.languages.map((l) => `${l.name} (${t(`coaching:cefr.${l.level}`, { defaultValue: l.level })})`).join(', ') || '–' },
              ]
            : []),
          { key: t('coaching:intake.bgNummer'), value: tn.bgNummer ?? '–' },
          { key: t('coaching:intake.rechtsgrundlage'), value: d.rechtsgrundlage?.label ?? '–' },
          { key: t('coaching:intake.startOn'), value: <LocalDate value={tn.startOn} /> },
          { key: t('coaching:dossier.consent'), value: t('coaching:dossier.consentValue', { version: tn.consentVersion, date: formatDayShort(tn.consentGivenOn, lang) }) },
          {
            key: t('coaching:caseload.nextContact'),
            value: (
              <>
                <LocalDate value={tn.nextContactOn} />
                {isOverdue(tn, d.today) ? (
                  <>
                    {' '}
                    <Badge kind="danger">{t('coaching:caseload.overdue')}</Badge>
                  </>
                ) : null}
              </>
            ),
          },
          ...(tn.exitReason ? [{ key: t('coaching:exit.reason'), value: `${t(`coaching:exit.reasons.${tn.exitReason}`)} (${tn.exitOn ? formatDayShort(tn.exitOn, lang) : '–'})` }] : []),
        ]}
      />
      {d.zugang === 'caseworker' ? (
        <CaseworkerView {...props} />
      ) : (
        <>
          <nav aria-label={t('coaching:dossier.sections')} class="ww-toc">
            <ul class="ww-inline-list">
              {['potenzial', 'zielberufe', 'plan', 'aktivitaeten', 'termine', 'pruefung', 'gutscheine', 'kontakte', 'link', 'austritt'].map((id) => (
                <li key={id}>
                  <a class="kern-link" href={`#${id}`}>
                    {t(`coaching:dossier.toc.${id}`)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {coach ? (
            <section class="ww-section ww-restricted" aria-labelledby="restricted-heading">
              <h2 class="kern-heading-small" id="restricted-heading">
                {t('coaching:restricted.title')}
              </h2>
              <p class="kern-body">{t('coaching:restricted.teaser')}</p>
              <p class="kern-body">
                <a class="kern-link" href={`${props.base}/${tn.id}/vertraulich`}>
                  {t('coaching:restricted.open')}
                </a>
              </p>
            </section>
          ) : null}
          <PotenzialSection {...props} />
          <ZielberufeSection {...props} />
          <PlanSection {...props} />
          <ActivitiesSection {...props} />
          <TermineSection {...props} />
          <PruefungSection {...props} />
          <GutscheineSection {...props} />
          <ContactsSection {...props} />
          {coach ? <LinkSection {...props} /> : null}
          <ExitSection {...props} />
        </>
      )}
    </StaffLayout>
  );
}

/** The caseworker sees the status and the agreed plan, nothing of the analysis, the dialogue or the restricted notes. */
function CaseworkerView({ dossier: d }: DossierPageProps) {
  const t = useT();
  return (
    <section class="ww-section" aria-labelledby="agreed-plan">
      <h2 class="kern-heading-medium" id="agreed-plan">
        {t('coaching:plan.agreedHeading')}
      </h2>
      {d.plan?.agreedAt ? (
        <>
          <p class="kern-body ww-pre-line">{d.plan.ziele}</p>
          <PlanSteps plan={d.plan} />
        </>
      ) : (
        <p class="kern-body">{t('coaching:plan.noneAgreed')}</p>
      )}
    </section>
  );
}
