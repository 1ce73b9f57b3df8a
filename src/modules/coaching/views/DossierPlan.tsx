import { Alert, Button, ChoiceGroup, CsrfField, DateField, SelectField, TextArea, TextField } from '#shared/html/components.js';
import { useT, useView } from '#shared/html/context.js';
import { aktivitaetStatus, aktivitaetTypen, austrittsgruende, wartetAuf, type Plan } from '../coaching.tables.js';
import { formFor, type DossierPageProps } from './dossier-form.js';
import { Badge, LocalDate, StatusBadge, Thread } from './parts.js';

export function PlanSteps({ plan }: { plan: Plan }) {
  const t = useT();
  return (
    <ul class="kern-list kern-list--bullet">
      {plan.schritte.map((s) => (
        <li key={s.aktivitaetId}>
          {s.title} ({t(`coaching:wer.${s.wer}`)}
          {s.dueOn ? (
            <>
              , {t('coaching:activity.due')} <LocalDate value={s.dueOn} />
            </>
          ) : null}
          )
        </li>
      ))}
    </ul>
  );
}

/** The Kooperationsplan (§ 15 SGB II): goals and steps, versioned, agreed online or on paper, reviewed every six months. */
export function PlanSection({ dossier: d, base, form }: DossierPageProps) {
  const t = useT();
  const { csrfToken } = useView();
  const f = formFor(form, 'plan');
  const plan = d.plan;
  return (
    <section class="ww-section" id="plan" aria-labelledby="plan-heading">
      <h2 class="kern-heading-medium" id="plan-heading">
        {t('coaching:plan.title')}
      </h2>
      {plan ? (
        <>
          <p class="kern-body">
            {t('coaching:plan.version', { version: plan.version })} ·{' '}
            {plan.agreedAt ? <Badge kind="success">{t(`coaching:plan.agreedVia.${plan.agreedVia}`)}</Badge> : <Badge kind="warning">{t('coaching:plan.notAgreed')}</Badge>} · {t('coaching:plan.reviewOn')}{' '}
            <LocalDate value={plan.reviewOn} />
            {plan.reviewOn < d.today ? (
              <>
                {' '}
                <Badge kind="danger">{t('coaching:plan.reviewDue')}</Badge>
              </>
            ) : null}
          </p>
          <h3 class="kern-heading-small">{t('coaching:plan.goals')}</h3>
          <p class="kern-body ww-pre-line">{plan.ziele}</p>
          <h3 class="kern-heading-small">{t('coaching:plan.steps')}</h3>
          <PlanSteps plan={plan} />
          {plan.schlichtung ? <Alert type="warning" title={t('coaching:plan.schlichtung')} headingLevel={3} /> : null}
          {!plan.agreedAt && d.zugang === 'coach' ? (
            <div class="ww-actions">
              <form method="post" action={`${base}/${d.tn.id}/plan/papier`}>
                <CsrfField token={csrfToken} />
                <Button variant="secondary">{t('coaching:plan.recordPaper')}</Button>
              </form>
              {!plan.schlichtung ? (
                <form method="post" action={`${base}/${d.tn.id}/plan/schlichtung`}>
                  <CsrfField token={csrfToken} />
                  <Button variant="tertiary">{t('coaching:plan.requestSchlichtung')}</Button>
                </form>
              ) : null}
            </div>
          ) : null}
        </>
      ) : (
        <p class="kern-body">{t('coaching:plan.none')}</p>
      )}
      {d.zugang === 'coach' ? (
        <details class="ww-details" open={f.errors.length > 0}>
          <summary class="kern-link">{t(plan ? 'coaching:plan.newVersion' : 'coaching:plan.create')}</summary>
          <form method="post" action={`${base}/${d.tn.id}/plan`} novalidate>
            <CsrfField token={csrfToken} />
            <TextArea name="ziele" label={t('coaching:plan.goals')} hint={t('coaching:plan.goalsHint')} value={f.values.ziele ?? plan?.ziele} error={f.err('ziele')} rows={4} />
            <DateField name="reviewOn" label={t('coaching:plan.reviewOn')} hint={t('coaching:plan.reviewHint')} value={f.values.reviewOn} error={f.err('reviewOn')} optional />
            <Button variant="secondary">{t('coaching:plan.save')}</Button>
          </form>
        </details>
      ) : null}
    </section>
  );
}

/** Activities with status, "waiting for" markers, agreement and a dialogue thread each. */
export function ActivitiesSection({ dossier: d, base, form }: DossierPageProps) {
  const t = useT();
  const { csrfToken } = useView();
  const f = formFor(form, 'aktivitaeten');
  const coach = d.zugang === 'coach';
  return (
    <section class="ww-section" id="aktivitaeten" aria-labelledby="aktivitaeten-heading">
      <h2 class="kern-heading-medium" id="aktivitaeten-heading">
        {t('coaching:activity.title')}
      </h2>
      {d.aktivitaeten.length === 0 ? <p class="kern-body">{t('coaching:activity.none')}</p> : null}
      {d.aktivitaeten.map((a) => {
        const af = formFor(form, `a-${a.id}`);
        return (
          <article class="ww-card" id={`a-${a.id}`} key={a.id} aria-labelledby={`a-${a.id}-title`}>
            <h3 class="kern-heading-small" id={`a-${a.id}-title`}>
              {a.title}
            </h3>
            <p class="kern-body">
              {t(`coaching:activity.typen.${a.typ}`)} · {t(`coaching:wer.${a.wer}`)}
              {a.dueOn ? (
                <>
                  {' '}
                  · {t('coaching:activity.due')} <LocalDate value={a.dueOn} />
                </>
              ) : null}{' '}
              · <StatusBadge status={a.status} />
              {a.agreedAt ? (
                <>
                  {' '}
                  <Badge kind="success">{t('coaching:activity.agreed')}</Badge>
                </>
              ) : null}
              {a.wartetAuf !== 'niemand' ? (
                <>
                  {' '}
                  <Badge kind="warning">{t(`coaching:activity.wartetAuf.${a.wartetAuf}`)}</Badge>
                </>
              ) : null}
            </p>
            <Thread messages={d.nachrichten.filter((m) => m.aktivitaetId === a.id)} coachLabel={t('coaching:thread.coach')} participantLabel={`${d.tn.givenName} ${d.tn.familyName}`} />
            {coach ? (
              <div class="ww-activity-forms">
                <form method="post" action={`${base}/${d.tn.id}/aktivitaeten/${a.id}/nachrichten`} novalidate>
                  <CsrfField token={csrfToken} />
                  <TextArea name={`text-${a.id}`} label={t('coaching:thread.write')} value={af.values.text} error={af.err(`text-${a.id}`)} rows={2} />
                  <Button variant="secondary">{t('coaching:thread.send')}</Button>
                </form>
                <form method="post" action={`${base}/${d.tn.id}/aktivitaeten/${a.id}`} class="ww-inline-form" novalidate>
                  <CsrfField token={csrfToken} />
                  <SelectField name={`status-${a.id}`} label={t('coaching:activity.status')} value={a.status} options={aktivitaetStatus.map((s) => ({ value: s, label: t(`coaching:status.${s}`) }))} />
                  <SelectField name={`wartetAuf-${a.id}`} label={t('coaching:activity.waitingLabel')} value={a.wartetAuf} options={wartetAuf.map((w) => ({ value: w, label: t(`coaching:activity.wartetAufOption.${w}`) }))} />
                  <Button variant="tertiary">{t('coaching:activity.update')}</Button>
                </form>
              </div>
            ) : null}
          </article>
        );
      })}
      {coach ? (
        <details class="ww-details" open={f.errors.length > 0}>
          <summary class="kern-link">{t('coaching:activity.add')}</summary>
          <form method="post" action={`${base}/${d.tn.id}/aktivitaeten`} novalidate>
            <CsrfField token={csrfToken} />
            <SelectField name="typ" label={t('coaching:activity.typ')} value={f.values.typ} error={f.err('typ')} options={aktivitaetTypen.map((x) => ({ value: x, label: t(`coaching:activity.typen.${x}`) }))} />
            <TextField name="title" label={t('coaching:activity.titleLabel')} value={f.values.title} error={f.err('title')} />
            <SelectField name="wer" label={t('coaching:activity.wer')} value={f.values.wer} error={f.err('wer')} options={(['teilnehmende', 'coach', 'beide'] as const).map((w) => ({ value: w, label: t(`coaching:wer.${w}`) }))} />
            <DateField name="dueOn" label={t('coaching:activity.due')} value={f.values.dueOn} error={f.err('dueOn')} optional />
            <Button variant="secondary">{t('coaching:activity.save')}</Button>
          </form>
        </details>
      ) : null}
    </section>
  );
}

/** The participant's personal link: issue (shown once or mailed), revoke. */
export function LinkSection({ dossier: d, base, issuedLink, linkMailed, form }: DossierPageProps) {
  const t = useT();
  const { csrfToken } = useView();
  const f = formFor(form, 'link');
  return (
    <section class="ww-section" id="link" aria-labelledby="link-heading">
      <h2 class="kern-heading-medium" id="link-heading">
        {t('coaching:link.title')}
      </h2>
      <p class="kern-body">{t(d.activeLink ? 'coaching:link.active' : 'coaching:link.noneActive')}</p>
      {issuedLink ? (
        <Alert type="success" title={t('coaching:link.issued')}>
          <p class="kern-body">{t('coaching:link.issuedHint')}</p>
          <p class="kern-body ww-break">
            <a class="kern-link" href={issuedLink}>
              {issuedLink}
            </a>
          </p>
        </Alert>
      ) : null}
      {linkMailed ? <Alert type="success" title={t('coaching:link.mailed')} /> : null}
      <form method="post" action={`${base}/${d.tn.id}/link`}>
        <CsrfField token={csrfToken} />
        {d.tn.email ? <ChoiceGroup name="mail" legend={t('coaching:link.how')} multiple options={[{ value: 'on', label: t('coaching:link.byMail') }]} optional /> : null}
        <Button variant="secondary">{t(d.activeLink ? 'coaching:link.reissue' : 'coaching:link.issue')}</Button>
      </form>
      {d.activeLink ? (
        <form method="post" action={`${base}/${d.tn.id}/link/widerruf`}>
          <CsrfField token={csrfToken} />
          <Button variant="tertiary">{t('coaching:link.revoke')}</Button>
        </form>
      ) : null}
      <form method="post" action={`${base}/${d.tn.id}/sprache`} novalidate>
        <CsrfField token={csrfToken} />
        <ChoiceGroup
          name="mailLanguage"
          legend={t('coaching:intake.mailLanguage')}
          hint={t('coaching:intake.mailLanguageHint')}
          value={f.values.mailLanguage || d.tn.mailLanguage}
          error={f.err('mailLanguage')}
          options={[
            { value: 'de', label: 'Deutsch' },
            { value: 'en', label: 'English' },
          ]}
        />
        <Button variant="secondary">{t('coaching:link.saveLanguage')}</Button>
      </form>
    </section>
  );
}

/** Exit with reason; after a job start, the follow-up window and the sustainability check at six months. */
export function ExitSection({ dossier: d, base, form }: DossierPageProps) {
  const t = useT();
  const { csrfToken } = useView();
  const f = formFor(form, 'austritt');
  const { tn } = d;
  return (
    <section class="ww-section" id="austritt" aria-labelledby="austritt-heading">
      <h2 class="kern-heading-medium" id="austritt-heading">
        {t('coaching:exit.title')}
      </h2>
      {d.zugang === 'coach' ? (
        <p class="kern-body">
          <a class="kern-link" href={`${base}/${tn.id}/auskunft.pdf`}>
            {t('coaching:exit.auskunftPdf')}
          </a>
          {' · '}
          <a class="kern-link" href={`${base}/${tn.id}/auskunft.json`}>
            {t('coaching:exit.auskunft')}
          </a>
        </p>
      ) : null}
      {tn.beschaeftigung ? (
        <p class="kern-body">
          {t('coaching:exit.job', { hours: tn.beschaeftigung.hoursPerWeek, sector: tn.beschaeftigung.sector })} <LocalDate value={tn.beschaeftigung.startOn} />. {t('coaching:exit.followUpUntil')}{' '}
          <LocalDate value={d.followUpUntil} />. {t('coaching:exit.checkOn')} <LocalDate value={d.sustainabilityCheckOn} />.
          {tn.stillEmployedAt6Months !== null ? ` ${t(tn.stillEmployedAt6Months ? 'coaching:exit.stillEmployed' : 'coaching:exit.notEmployed')}` : null}
        </p>
      ) : null}
      {d.zugang === 'coach' && tn.beschaeftigung && tn.stillEmployedAt6Months === null ? (
        <form method="post" action={`${base}/${tn.id}/nachhaltigkeit`} novalidate>
          <CsrfField token={csrfToken} />
          <ChoiceGroup
            name="stillEmployed"
            legend={t('coaching:exit.checkLegend')}
            options={[
              { value: 'ja', label: t('coaching:exit.yes') },
              { value: 'nein', label: t('coaching:exit.no') },
            ]}
            value={f.values.stillEmployed}
            error={f.err('stillEmployed')}
          />
          <Button variant="secondary">{t('coaching:exit.saveCheck')}</Button>
        </form>
      ) : null}
      {d.zugang === 'coach' && !tn.exitReason ? (
        <details class="ww-details" open={f.errors.length > 0}>
          <summary class="kern-link">{t('coaching:exit.record')}</summary>
          <form method="post" action={`${base}/${tn.id}/austritt`} novalidate>
            <CsrfField token={csrfToken} />
            <SelectField name="exitReason" label={t('coaching:exit.reason')} value={f.values.exitReason} error={f.err('exitReason')} options={austrittsgruende.map((r) => ({ value: r, label: t(`coaching:exit.reasons.${r}`) }))} />
            <DateField name="exitOn" label={t('coaching:exit.on')} value={f.values.exitOn ?? d.today} error={f.err('exitOn')} />
            <p class="kern-body">{t('coaching:exit.jobHint')}</p>
            <DateField name="jobStartOn" label={t('coaching:exit.jobStartOn')} value={f.values.jobStartOn} error={f.err('jobStartOn')} optional />
            <TextField name="hoursPerWeek" type="number" inputmode="numeric" width={2} label={t('coaching:exit.hours')} value={f.values.hoursPerWeek} error={f.err('hoursPerWeek')} optional />
            <TextField name="sector" label={t('coaching:exit.sector')} value={f.values.sector} error={f.err('sector')} optional />
            <SelectField
              name="wageBand"
              label={t('coaching:exit.wageBand')}
              value={f.values.wageBand}
              error={f.err('wageBand')}
              options={[{ value: '', label: '–' }, ...(['bis2000', '2000bis3000', 'ueber3000'] as const).map((w) => ({ value: w, label: t(`coaching:exit.wage.${w}`) }))]}
              optional
            />
            <Button variant="secondary">{t('coaching:exit.save')}</Button>
          </form>
        </details>
      ) : null}
    </section>
  );
}
