import { Alert, Button, ButtonLink, CsrfField, SelectField, TextField } from '#shared/html/components.js';
import { ErrorSummary } from '#shared/html/form-errors.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import type { FieldError } from '#shared/http/errors.js';
import { StaffLayout } from '../../staff/index.js';
import type { SessionView } from '../catalogue.service.js';
import { formatDateMedium } from '#shared/time.js';
import { formatDays, formatEuro } from '../format.js';
import type { Seminar } from '../seminare.tables.js';

export interface CatalogueProps {
  seminars: (Seminar & { sessions: SessionView[]; mandatoryForMe: boolean; forMe: boolean })[];
  /** Every seminar, or only those meant for the person; how many the narrower view leaves out. */
  all: boolean;
  hidden: number;
  categories: { id: string; name: string }[];
  filter: { q?: string | undefined; kategorie?: string | undefined };
  /** Of the filter (fields left out of the search) or of an enrolment. */
  errors: FieldError[];
  notice?: string | undefined;
  manage: boolean;
}

function SessionRow({ session, manage, title }: { session: SessionView; manage: boolean; title: string }) {
  const t = useT();
  const base = useTenantBase();
  const { csrfToken, lang } = useView();
  const where = session.room ?? t('seminare:catalogue.online');
  // Every button and link names its seminar and date (WCAG 2.4.6, 2.5.3: the visible label starts the name).
  const which = <span class="kern-sr-only">{t('seminare:catalogue.which', { title, date: formatDateMedium(session.days[0]?.startsAt ?? session.enrolmentDeadline, lang) })}</span>;
  return (
    <li class="ww-seminar-session">
      <p class="kern-body">
        <strong>{formatDays(session.days, lang)}</strong> · {where}
        <br />
        {session.status === 'cancelled'
          ? t('seminare:catalogue.cancelled')
          : session.free > 0
            ? t('seminare:catalogue.free', { count: session.free, seats: session.seats })
            : t('seminare:catalogue.full', { count: session.waiting })}
        {' · '}
        {t(session.open ? 'seminare:catalogue.deadline' : 'seminare:catalogue.closed', { date: formatDateMedium(session.enrolmentDeadline, lang) })}
      </p>
      {session.mine ? (
        <p class="kern-body">
          {t('seminare:catalogue.mine', { status: t(`seminare:status.${session.mine}`) })}{' '}
          {session.mine === 'pending_lead' || session.mine === 'pending_hr' ? <>{t('seminare:catalogue.minePending')} </> : null}
          <a class="kern-link" href={`${base}/staff/seminare/meine`}>
            {t('seminare:catalogue.toMine')}
            {which}
          </a>
        </p>
      ) : session.status === 'planned' && session.open ? (
        <form method="post" action={`${base}/staff/seminare/termine/${session.id}/anmelden`}>
          <CsrfField token={csrfToken} />
          <Button variant="secondary">
            {session.free > 0 ? t('seminare:catalogue.enrol') : t('seminare:catalogue.joinWaitlist')}
            {which}
          </Button>
        </form>
      ) : null}
      {manage ? (
        <p class="kern-body ww-session-admin">
          <a class="kern-link" href={`${base}/staff/seminare/termine/${session.id}`}>
            {t('seminare:catalogue.participants')}
            {which}
          </a>
          {' · '}
          <a class="kern-link" href={`${base}/staff/seminare/termine/${session.id}/bearbeiten`}>
            {t('seminare:office.editSession')}
            {which}
          </a>
        </p>
      ) : null}
    </li>
  );
}

export function CataloguePage(props: CatalogueProps) {
  const t = useT();
  const base = useTenantBase();
  const { lang } = useView();
  const categoryName = new Map(props.categories.map((c) => [c.id, c.name]));
  const err = (field: string) => props.errors.find((x) => x.field === field);
  const scope = (alle: string) => {
    const query = new URLSearchParams({ alle });
    if (props.filter.q) query.set('q', props.filter.q);
    if (props.filter.kategorie) query.set('kategorie', props.filter.kategorie);
    return query.toString();
  };
  return (
    <StaffLayout title={t('seminare:catalogue.title')} wide>
      <h1 class="kern-heading-large">{t('seminare:catalogue.title')}</h1>
      <ErrorSummary errors={props.errors} labels={{ q: t('seminare:catalogue.search'), kategorie: t('seminare:catalogue.category') }} />
      {props.notice ? <Alert type="success" title={t(`seminare:notice.${props.notice}`)} /> : null}
      {props.manage ? (
        <p class="ww-actions">
          <ButtonLink href={`${base}/staff/seminare/seminare/neu`} variant="secondary">
            {t('seminare:office.newSeminar')}
          </ButtonLink>
        </p>
      ) : null}
      <form method="get" action={`${base}/staff/seminare`} class="ww-seminar-filter" role="search">
        <TextField name="q" type="search" label={t('seminare:catalogue.search')} value={props.filter.q} error={err('q')} optional />
        <SelectField
          name="kategorie"
          label={t('seminare:catalogue.category')}
          error={err('kategorie')}
          optional
          value={props.filter.kategorie}
          options={[{ value: '', label: t('seminare:catalogue.allCategories') }, ...props.categories.map((c) => ({ value: c.id, label: c.name }))]}
        />
        <input type="hidden" name="alle" value={props.all ? '1' : '0'} />
        <div class="ww-actions">
          <Button variant="secondary">{t('seminare:catalogue.filter')}</Button>
        </div>
      </form>
      <p class="kern-body" role="status">
        {props.all ? t('seminare:catalogue.countAll', { count: props.seminars.length }) : t('seminare:catalogue.countMine', { count: props.seminars.length })}
      </p>
      {/* "Alle anzeigen (0 weitere)" would lead to the same list. */}
      {props.all || props.hidden > 0 ? (
        <p class="kern-body">
          <a class="kern-link" href={`${base}/staff/seminare?${scope(props.all ? '0' : '1')}`}>
            {props.all ? t('seminare:catalogue.showMine') : t('seminare:catalogue.showAll', { count: props.hidden })}
          </a>
        </p>
      ) : null}
      {props.seminars.map((s) => (
        <section class="ww-seminar kern-card" key={s.id} aria-labelledby={`s-${s.id}`}>
          <div class="kern-card__container">
            <header class="kern-card__header">
              <h2 class="kern-heading-medium" id={`s-${s.id}`}>
                {s.title}
              </h2>
              <p class="kern-body kern-body--small">
                {categoryName.get(s.categoryId)} · {t('seminare:catalogue.ue', { count: s.ue })}
                {s.feeCents > 0 ? ` · ${formatEuro(s.feeCents, lang)}` : ''}
                {s.mandatoryForMe ? null : s.mandatoryForRoles.length || s.mandatoryForTeams.length ? ` · ${t('seminare:catalogue.mandatory')}` : ''}
              </p>
              {s.mandatoryForMe ? (
                <p class="kern-body ww-mandatory">
                  <strong>{t('seminare:catalogue.mandatoryForMe')}</strong>
                </p>
              ) : props.all && !s.forMe ? (
                <p class="kern-body kern-body--small">{t('seminare:catalogue.notForMe')}</p>
              ) : null}
            </header>
            <div class="kern-card__body">
              <p class="kern-body">{s.description}</p>
              {s.prerequisites ? (
                <p class="kern-body">
                  <strong>{t('seminare:catalogue.prerequisites')}:</strong> {s.prerequisites}
                </p>
              ) : null}
              {s.externalTrainer ? (
                <p class="kern-body">
                  <strong>{t('seminare:catalogue.trainer')}:</strong> {s.externalTrainer}
                </p>
              ) : null}
              {props.manage ? (
                <p class="kern-body ww-seminar-admin">
                  <a class="kern-link" href={`${base}/staff/seminare/seminare/${s.id}/bearbeiten`}>
                    {t('seminare:office.editSeminar')}
                    <span class="kern-sr-only">{t('seminare:catalogue.forSeminar', { title: s.title })}</span>
                  </a>
                  {' · '}
                  <a class="kern-link" href={`${base}/staff/seminare/seminare/${s.id}/termine/neu`}>
                    {t('seminare:office.newSession')}
                    <span class="kern-sr-only">{t('seminare:catalogue.forSeminar', { title: s.title })}</span>
                  </a>
                  {' · '}
                  <a class="kern-link" href={`${base}/staff/seminare/seminare/${s.id}/rueckmeldungen`}>
                    {t('seminare:feedback.resultsLink')}
                    <span class="kern-sr-only">{t('seminare:catalogue.forSeminar', { title: s.title })}</span>
                  </a>
                  {s.active ? '' : ` · ${t('seminare:office.inactive')}`}
                </p>
              ) : null}
              {s.sessions.length ? (
                <ul class="ww-seminar-sessions">
                  {s.sessions.map((x) => (
                    <SessionRow session={x} manage={props.manage} title={s.title} key={x.id} />
                  ))}
                </ul>
              ) : (
                <p class="kern-body">{t('seminare:catalogue.noSessions')}</p>
              )}
            </div>
          </div>
        </section>
      ))}
    </StaffLayout>
  );
}
