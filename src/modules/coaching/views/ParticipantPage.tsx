import { Alert, Button, TextArea } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import { useT, useTenantBase } from '#shared/html/context.js';
import { Layout } from '#shared/html/Layout.js';
import type { FieldError } from '#shared/http/errors.js';
import type { ParticipantView } from '../link.service.js';
import type { TerminEintrag } from '../termin.service.js';
import { TerminEntry } from './DossierTermine.js';
import { AngstFields } from './DossierPruefung.js';
import { Badge, CoachingAssets, LocalDate, StatusBadge, Thread } from './parts.js';

export interface ParticipantPageProps {
  view: ParticipantView;
  /** Appointments with the coach from the Onlineterminierung. */
  termine?: TerminEintrag[] | undefined;
  linkBase: string;
  form?: { aktivitaetId: string; values: Record<string, string>; errors: FieldError[] } | undefined;
  notice?: 'comment' | 'agreed' | 'angst' | undefined;
}

/** The participant's own page behind the personal link: plan, next steps, messages; phone-first, no JavaScript needed. */
export function ParticipantPage({ view, termine = [], linkBase, form, notice }: ParticipantPageProps) {
  const t = useT();
  const base = useTenantBase();
  const { plan } = view;
  const open = view.aktivitaeten.filter((a) => a.status === 'geplant' || a.status === 'laeuft');
  const done = view.aktivitaeten.filter((a) => a.status === 'erledigt');
  const title = t('coaching:participant.title');
  return (
    <Layout title={title}>
      <CoachingAssets />
      <h1 class="kern-heading-large">{t('coaching:participant.hello', { name: `${view.tn.givenName} ${view.tn.familyName}` })}</h1>
      <p class="kern-body">{t('coaching:participant.lead')}</p>
      {notice ? <Alert type="success" title={t(`coaching:participant.notice.${notice}`)} /> : null}
      {form ? <ErrorSummary errors={form.errors} /> : null}

      <section class="ww-section" aria-labelledby="plan-heading">
        <h2 class="kern-heading-medium" id="plan-heading">
          {t('coaching:participant.plan')}
        </h2>
        {plan ? (
          <>
            <p class="kern-body ww-pre-line">{plan.ziele}</p>
            <p class="kern-body">
              {plan.agreedAt ? <Badge kind="success">{t('coaching:participant.agreed')}</Badge> : null} {t('coaching:participant.reviewOn')} <LocalDate value={plan.reviewOn} />
            </p>
            {!plan.agreedAt ? (
              <form method="post" action={`${linkBase}/zustimmung`}>
                <p class="kern-body">{t('coaching:participant.agreeHint')}</p>
                <Button>{t('coaching:participant.agree')}</Button>
              </form>
            ) : null}
          </>
        ) : (
          <p class="kern-body">{t('coaching:participant.noPlan')}</p>
        )}
      </section>

      {termine.length ? (
        <section class="ww-section" id="termine" aria-labelledby="termine-heading">
          <h2 class="kern-heading-medium" id="termine-heading">
            {t('coaching:participant.termine')}
          </h2>
          <ul class="ww-list-plain">
            {termine.map((e) => (
              <li key={e.aktivitaetId} class="ww-termin">
                <p class="kern-body">
                  <TerminEntry eintrag={e} />
                </p>
              </li>
            ))}
          </ul>
          <p class="kern-body kern-body--small">{t('coaching:participant.termineHint')}</p>
        </section>
      ) : null}

      <section class="ww-section" aria-labelledby="steps-heading">
        <h2 class="kern-heading-medium" id="steps-heading">
          {t('coaching:participant.nextSteps')}
        </h2>
        {open.length === 0 ? <p class="kern-body">{t('coaching:participant.noSteps')}</p> : null}
        {open.map((a) => {
          const mine = form?.aktivitaetId === a.id ? form : undefined;
          return (
            <article class="ww-card" id={`a-${a.id}`} key={a.id} aria-labelledby={`a-${a.id}-title`}>
              <h3 class="kern-heading-small" id={`a-${a.id}-title`}>
                {a.title}
              </h3>
              <p class="kern-body">
                {t(`coaching:activity.typen.${a.typ}`)} · {t(`coaching:participant.wer.${a.wer}`)}
                {a.dueOn ? (
                  <>
                    {' '}
                    · {t('coaching:activity.due')} <LocalDate value={a.dueOn} />
                  </>
                ) : null}{' '}
                · <StatusBadge status={a.status} />
                {a.wartetAuf === 'teilnehmende' ? (
                  <>
                    {' '}
                    <Badge kind="warning">{t('coaching:participant.waitingForYou')}</Badge>
                  </>
                ) : null}
              </p>
              <Thread messages={view.nachrichten.filter((m) => m.aktivitaetId === a.id)} coachLabel={t('coaching:thread.yourCoach')} participantLabel={t('coaching:thread.you')} />
              <form method="post" action={`${linkBase}/aktivitaeten/${a.id}`} novalidate>
                <TextArea name={`text-${a.id}`} label={t('coaching:participant.comment')} value={mine?.values.text} error={mine?.errors[0]} rows={3} />
                <Button variant="secondary">{t('coaching:participant.send')}</Button>
              </form>
            </article>
          );
        })}
        {done.length ? (
          <>
            <h3 class="kern-heading-small">{t('coaching:participant.done')}</h3>
            <ul class="kern-list kern-list--bullet">
              {done.map((a) => (
                <li key={a.id}>{a.title}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <ExamSection view={view} linkBase={linkBase} form={form?.aktivitaetId === 'angst' ? form : undefined} />

      <section class="ww-section" aria-labelledby="help-heading">
        <h2 class="kern-heading-medium" id="help-heading">
          {t('coaching:participant.learnMore')}
        </h2>
        <p class="kern-body">
          <a class="kern-link" href={`${base}/coaching/ausbildungssystem`}>
            {t('coaching:explainer.title')}
          </a>
        </p>
        <p class="kern-body kern-body--small">
          {t('coaching:participant.privacy')}{' '}
          <a class="kern-link" href={`${base}/coaching/mein-plan`}>
            {t('coaching:participant.newLink')}
          </a>
        </p>
      </section>
    </Layout>
  );
}

/** Exam dates and preparation sessions, and the own rating of exam anxiety. */
function ExamSection({ view, linkBase, form }: Pick<ParticipantPageProps, 'view' | 'linkBase' | 'form'>) {
  const t = useT();
  const { track } = view;
  const exam = track.pruefungen.length > 0 || track.sitzungen.length > 0;
  if (!exam) return null;
  const err = (field: string) => errorsOf(form?.errors ?? [], field);
  return (
    <>
      {exam ? (
        <section class="ww-section" id="angst" aria-labelledby="exam-heading">
          <h2 class="kern-heading-medium" id="exam-heading">
            {t('coaching:pruefung.yours')}
          </h2>
          <ul class="kern-list kern-list--bullet">
            {track.pruefungen.map((p) => (
              <li key={p.id}>
                <strong>{p.title}</strong> ({p.kammer}): <LocalDate value={p.examOn} />
              </li>
            ))}
            {track.sitzungen.map((s) => (
              <li key={s.id}>
                {t('coaching:pruefung.session')} <LocalDate value={s.sessionOn} />: {s.topic}
                {s.materials ? <span class="ww-pre-line"> – {s.materials}</span> : null}
              </li>
            ))}
          </ul>
          <p class="kern-body">{t('coaching:pruefung.participantLead')}</p>
          {track.angst.length ? (
            <p class="kern-body">
              {t('coaching:pruefung.lastRatings')}{' '}
              {track.angst
                .slice(-5)
                .map((a) => `${a.rating} (${t(`coaching:pruefung.momente.${a.moment}`)})`)
                .join(' → ')}
            </p>
          ) : null}
          <form method="post" action={`${linkBase}/angst`} novalidate>
            <AngstFields values={form?.values ?? {}} err={err} />
            <Button variant="secondary">{t('coaching:pruefung.saveRating')}</Button>
          </form>
        </section>
      ) : null}
    </>
  );
}
