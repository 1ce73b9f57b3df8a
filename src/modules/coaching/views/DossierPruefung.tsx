import { Button, ChoiceGroup, CsrfField, DataTable, DateField, TextArea, TextField } from '#shared/html/components.js';
import { useT, useView } from '#shared/html/context.js';
import { gutscheinStatus } from '../rules.js';
import { angstMomente, type Bildungsgutschein } from '../pruefung.tables.js';
import { formFor, type DossierPageProps } from './dossier-form.js';
import { Badge, LocalDate } from './parts.js';
import type { FieldErrors } from '#shared/html/form-errors.js';

const ratings = ['1', '2', '3', '4', '5'];

/** The five-step anxiety scale as radio buttons (shared by the coach's and the participant's form). */
export function AngstFields({ values, err, suffix = '' }: { values: Record<string, string>; err: (field: string) => FieldErrors; suffix?: string }) {
  const t = useT();
  return (
    <>
      <ChoiceGroup name={`rating${suffix}`} legend={t('coaching:pruefung.rating')} hint={t('coaching:pruefung.ratingHint')} value={values.rating} error={err(`rating${suffix}`)} options={ratings.map((r) => ({ value: r, label: t(`coaching:pruefung.scale.${r}`) }))} />
      <ChoiceGroup name={`moment${suffix}`} legend={t('coaching:pruefung.moment')} value={values.moment ?? 'vorher'} error={err(`moment${suffix}`)} options={angstMomente.map((m) => ({ value: m, label: t(`coaching:pruefung.momente.${m}`) }))} />
    </>
  );
}

/** Exam preparation: Kammer exams, sessions with materials, and the anxiety ratings over time. */
export function PruefungSection({ dossier: d, base, form }: DossierPageProps) {
  const t = useT();
  const { csrfToken } = useView();
  const track = d.track!;
  const coach = d.zugang === 'coach';
  const action = (path: string) => `${base}/${d.tn.id}/${path}`;
  const exam = formFor(form, 'pruefung');
  const session = formFor(form, 'sitzungen');
  const angst = formFor(form, 'angst');
  return (
    <section class="ww-section" id="pruefung" aria-labelledby="pruefung-heading">
      <h2 class="kern-heading-medium" id="pruefung-heading">
        {t('coaching:pruefung.title')}
      </h2>
      <h3 class="kern-heading-small">{t('coaching:pruefung.exams')}</h3>
      {track.pruefungen.length === 0 ? (
        <p class="kern-body">{t('coaching:pruefung.noExams')}</p>
      ) : (
        <ul class="kern-list kern-list--bullet">
          {track.pruefungen.map((p) => (
            <li key={p.id}>
              <strong>{p.title}</strong> ({p.kammer}), <LocalDate value={p.examOn} /> {p.examOn < d.today ? <Badge kind="info">{t('coaching:pruefung.past')}</Badge> : null}
            </li>
          ))}
        </ul>
      )}
      {coach ? (
        <details class="ww-details" open={exam.errors.length > 0}>
          <summary class="kern-link">{t('coaching:pruefung.addExam')}</summary>
          <form method="post" action={action('pruefungen')} novalidate>
            <CsrfField token={csrfToken} />
            <TextField name="examTitle" label={t('coaching:pruefung.examTitle')} hint={t('coaching:pruefung.examTitleHint')} value={exam.values.examTitle} error={exam.err('examTitle')} />
            <TextField name="kammer" label={t('coaching:pruefung.kammer')} hint={t('coaching:pruefung.kammerHint')} value={exam.values.kammer} error={exam.err('kammer')} />
            <DateField name="examOn" label={t('coaching:pruefung.examOn')} hint={t('coaching:pruefung.examOnHint')} value={exam.values.examOn} error={exam.err('examOn')} />
            <Button variant="secondary">{t('coaching:pruefung.saveExam')}</Button>
          </form>
        </details>
      ) : null}

      <h3 class="kern-heading-small">{t('coaching:pruefung.sessions')}</h3>
      {track.sitzungen.length === 0 ? (
        <p class="kern-body">{t('coaching:pruefung.noSessions')}</p>
      ) : (
        <ol class="ww-timeline">
          {track.sitzungen.map((s) => (
            <li key={s.id}>
              <p class="kern-body">
                <strong>
                  <LocalDate value={s.sessionOn} />: {s.topic}
                </strong>
              </p>
              {s.materials ? <p class="kern-body ww-pre-line">{t('coaching:pruefung.materials')}: {s.materials}</p> : null}
            </li>
          ))}
        </ol>
      )}
      {coach ? (
        <details class="ww-details" open={session.errors.length > 0}>
          <summary class="kern-link">{t('coaching:pruefung.addSession')}</summary>
          <form method="post" action={action('sitzungen')} novalidate>
            <CsrfField token={csrfToken} />
            <TextField name="topic" label={t('coaching:pruefung.topic')} value={session.values.topic} error={session.err('topic')} />
            <DateField name="sessionOn" label={t('coaching:pruefung.sessionOn')} value={session.values.sessionOn ?? d.today} error={session.err('sessionOn')} />
            <TextArea name="materials" label={t('coaching:pruefung.materials')} hint={t('coaching:pruefung.materialsHint')} value={session.values.materials} error={session.err('materials')} rows={3} optional />
            <Button variant="secondary">{t('coaching:pruefung.saveSession')}</Button>
          </form>
        </details>
      ) : null}

      <h3 class="kern-heading-small">{t('coaching:pruefung.anxiety')}</h3>
      <p class="kern-body">{t('coaching:pruefung.anxietyLead')}</p>
      {track.angst.length === 0 ? (
        <p class="kern-body">{t('coaching:pruefung.noRatings')}</p>
      ) : (
        <DataTable
          head={[t('coaching:pruefung.ratedOn'), t('coaching:pruefung.moment'), t('coaching:pruefung.rating'), t('coaching:pruefung.source')]}
          rows={track.angst}
          rowKey={(a) => a.id}
          cells={(a) => [<LocalDate value={a.ratedOn} />, t(`coaching:pruefung.momente.${a.moment}`), `${a.rating} – ${t(`coaching:pruefung.scale.${a.rating}`)}`, t(`coaching:pruefung.sources.${a.source}`)]}
        />
      )}
      {coach ? (
        <details class="ww-details" open={angst.errors.length > 0}>
          <summary class="kern-link">{t('coaching:pruefung.addRating')}</summary>
          <form method="post" action={action('angst')} novalidate>
            <CsrfField token={csrfToken} />
            <AngstFields values={angst.values} err={angst.err} />
            <Button variant="secondary">{t('coaching:pruefung.saveRating')}</Button>
          </form>
        </details>
      ) : null}
    </section>
  );
}

const statusKind = { beantragt: 'info', ausgestellt: 'warning', verfallen: 'danger', eingeloest: 'success', abgeschlossen: 'success' } as const;

/** Bildungsgutscheine from request to redemption, each with the provider and course it was redeemed for. */
export function GutscheineSection(props: DossierPageProps) {
  const { dossier: d, base, form } = props;
  const t = useT();
  const { csrfToken } = useView();
  const add = formFor(form, 'gutscheine');
  return (
    <section class="ww-section" id="gutscheine" aria-labelledby="gutscheine-heading">
      <h2 class="kern-heading-medium" id="gutscheine-heading">
        {t('coaching:gutschein.title')}
      </h2>
      <p class="kern-body">{t('coaching:gutschein.lead')}</p>
      {d.track!.gutscheine.length === 0 ? <p class="kern-body">{t('coaching:gutschein.none')}</p> : null}
      {d.track!.gutscheine.map((g) => (
        <Voucher key={g.id} g={g} {...props} />
      ))}
      {d.zugang === 'coach' ? (
        <details class="ww-details" open={add.errors.length > 0}>
          <summary class="kern-link">{t('coaching:gutschein.add')}</summary>
          <form method="post" action={`${base}/${d.tn.id}/gutscheine`} novalidate>
            <CsrfField token={csrfToken} />
            <TextField name="ziel" label={t('coaching:gutschein.ziel')} hint={t('coaching:gutschein.zielHint')} value={add.values.ziel} error={add.err('ziel')} />
            <DateField name="requestedOn" label={t('coaching:gutschein.requestedOn')} value={add.values.requestedOn ?? d.today} error={add.err('requestedOn')} />
            <Button variant="secondary">{t('coaching:gutschein.save')}</Button>
          </form>
        </details>
      ) : null}
    </section>
  );
}

const dateFields = ['issuedOn', 'validUntil', 'redeemedOn', 'courseStartOn', 'courseEndOn'] as const;

function Voucher({ g, dossier: d, base, form }: DossierPageProps & { g: Bildungsgutschein }) {
  const t = useT();
  const { csrfToken } = useView();
  const f = formFor(form, `g-${g.id}`);
  const status = gutscheinStatus(g, d.today);
  const value = (field: keyof Bildungsgutschein) => (f.errors.length ? f.values[`${field}-${g.id}`] : ((g[field] as string | null) ?? ''));
  return (
    <article class="ww-card" id={`g-${g.id}`} aria-labelledby={`g-${g.id}-title`}>
      <h3 class="kern-heading-small" id={`g-${g.id}-title`}>
        {g.ziel} <Badge kind={statusKind[status]}>{t(`coaching:gutschein.status.${status}`)}</Badge>
      </h3>
      <p class="kern-body">
        {t('coaching:gutschein.requestedOn')}: <LocalDate value={g.requestedOn} />
        {dateFields.map((field) =>
          g[field] ? (
            <span key={field}>
              {' '}
              · {t(`coaching:gutschein.${field}`)}: <LocalDate value={g[field]} />
            </span>
          ) : null,
        )}
        {g.provider ? ` · ${t('coaching:gutschein.provider')}: ${g.provider}` : null}
        {g.course ? ` · ${t('coaching:gutschein.course')}: ${g.course}` : null}
      </p>
      {d.zugang === 'coach' ? (
        <details class="ww-details" open={f.errors.length > 0}>
          <summary class="kern-link">{t('coaching:gutschein.update')}</summary>
          <form method="post" action={`${base}/${d.tn.id}/gutscheine/${g.id}`} novalidate>
            <CsrfField token={csrfToken} />
            {(['issuedOn', 'validUntil'] as const).map((field) => (
              <DateField key={field} name={`${field}-${g.id}`} label={t(`coaching:gutschein.${field}`)} value={value(field)} error={f.err(`${field}-${g.id}`)} optional />
            ))}
            <TextField name={`provider-${g.id}`} label={t('coaching:gutschein.provider')} hint={t('coaching:gutschein.providerHint')} value={value('provider')} error={f.err(`provider-${g.id}`)} optional />
            <TextField name={`course-${g.id}`} label={t('coaching:gutschein.course')} value={value('course')} error={f.err(`course-${g.id}`)} optional />
            {(['redeemedOn', 'courseStartOn', 'courseEndOn'] as const).map((field) => (
              <DateField key={field} name={`${field}-${g.id}`} label={t(`coaching:gutschein.${field}`)} value={value(field)} error={f.err(`${field}-${g.id}`)} optional />
            ))}
            <Button variant="secondary">{t('coaching:gutschein.saveUpdate')}</Button>
          </form>
        </details>
      ) : null}
    </article>
  );
}
