import type { FieldError } from '#shared/http/errors.js';
import { Alert, BackLink, Button, ButtonLink, CsrfField, DataTable, DateField, TextArea, TextField } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import { StaffLayout } from '../../staff/index.js';
import type { FormValues } from '../editor.js';
import { formatDateLong, formatDateTimeMedium } from '#shared/time.js';
import { releaseRef } from '../newsroom.service.js';
import type { PressRelease } from '../presse.tables.js';
import { runningNumber } from '../format.js';
import { StaffAttachments, StaffImages, type StaffMediaProps } from './StaffMedia.js';

export type DisplayState = PressRelease['status'] | 'scheduled';

export interface StaffRow {
  release: PressRelease;
  state: DisplayState;
}

export function StaffListPage({ rows, notice, canEdit, canSettle }: { rows: StaffRow[]; notice?: string | undefined; canEdit: boolean; canSettle: boolean }) {
  const t = useT();
  const { lang, csrfToken } = useView();
  const base = `${useTenantBase()}/staff/presse`;
  return (
    <StaffLayout title={t('presse:staff.title')} wide>
      <h1 class="kern-heading-large">{t('presse:staff.title')}</h1>
      {notice ? <Alert type="success" title={t(`presse:staff.notices.${notice}`)} /> : null}
      {canEdit ? (
        <div class="ww-actions">
          <ButtonLink href={`${base}/neu`}>{t('presse:staff.new')}</ButtonLink>
          <form method="post" action={`${base}/monatsmeldung`}>
            <CsrfField token={csrfToken} />
            <Button variant="secondary">{t('presse:staff.monthly')}</Button>
          </form>
          <ButtonLink href={`${base}/zahlen`} variant="tertiary">
            {t('presse:staff.figures')}
          </ButtonLink>
        </div>
      ) : null}
      {canSettle ? (
        <p class="kern-body">
          <a class="kern-link" href={`${base}/einstellungen`}>
            {t('presse:settings.title')}
          </a>
        </p>
      ) : null}
      <DataTable
        label={t('presse:staff.title')}
        head={[t('presse:staff.columns.title'), t('presse:staff.columns.state'), t('presse:staff.columns.number'), t('presse:staff.columns.updated')]}
        rows={rows}
        rowKey={(r) => r.release.id}
        cells={({ release, state }) => [
          <a class="kern-link" href={`${base}/${release.id}`}>
            {release.title}
          </a>,
          t(`presse:states.${state}`),
          runningNumber(release, t) ?? '–',
          formatDateLong(release.updatedAt, lang),
        ]}
      />
      {rows.length === 0 ? <p class="kern-body">{t('presse:staff.empty')}</p> : null}
    </StaffLayout>
  );
}

export function EditorForm({ action, values, errors }: { action: string; values: FormValues; errors: FieldError[] }) {
  const t = useT();
  const { csrfToken } = useView();
  const err = (f: string) => errorsOf(errors, f);
  return (
    <form method="post" action={action} novalidate>
      <CsrfField token={csrfToken} />
      <ErrorSummary errors={errors} labels={editorLabels(t)} />
      <TextField name="title" label={t('presse:editor.title')} value={values.title} error={err('title')} />
      <TextField name="subtitle" label={t('presse:editor.subtitle')} value={values.subtitle} error={err('subtitle')} optional />
      <TextField name="dateline" label={t('presse:editor.dateline')} value={values.dateline} error={err('dateline')} />
      <TextArea name="body" label={t('presse:editor.body')} hint={t('presse:editor.bodyHint')} value={values.body} error={err('body')} rows={16} />
      <TextField name="categories" label={t('presse:editor.categories')} hint={t('presse:editor.categoriesHint')} value={values.categories} error={err('categories')} optional />
      <fieldset class="kern-fieldset">
        <legend class="kern-label">{t('presse:editor.embargo')}</legend>
        <p class="kern-hint">{t('presse:editor.embargoHint')}</p>
        <div class="pr-workflow">
          <DateField name="embargoDate" label={t('presse:editor.embargoDate')} value={values.embargoDate} error={err('embargoDate')} optional />
          <TextField name="embargoTime" label={t('presse:editor.embargoTime')} hint={t('presse:editor.embargoTimeHint')} value={values.embargoTime} error={err('embargoTime')} optional width={4} />
        </div>
      </fieldset>
      <div class="ww-actions">
        <Button>{t('presse:editor.save')}</Button>
      </div>
    </form>
  );
}

/** The editor's field labels, so each entry of the error summary names its field. */
function editorLabels(t: (key: string) => string): Record<string, string> {
  const fields = ['title', 'subtitle', 'dateline', 'body', 'categories', 'embargoDate', 'embargoTime'];
  return Object.fromEntries(fields.map((f) => [f, t(`presse:editor.${f}`)]));
}

export function NewReleasePage({ values, errors }: { values: FormValues; errors: FieldError[] }) {
  const t = useT();
  const base = `${useTenantBase()}/staff/presse`;
  return (
    <StaffLayout title={t('presse:staff.new')}>
      <BackLink href={base} />
      <h1 class="kern-heading-large">{t('presse:staff.new')}</h1>
      <EditorForm action={`${base}/neu`} values={values} errors={errors} />
    </StaffLayout>
  );
}

export interface ReleaseDetailProps {
  release: PressRelease;
  state: DisplayState;
  bodyHtml: string;
  values: FormValues;
  errors: FieldError[];
  media: StaffMediaProps;
  /** Workflow actions this person may take now. */
  actions: ('submit' | 'approve' | 'publish' | 'reopen' | 'withdraw' | 'correct')[];
  editable: boolean;
  ownRelease: boolean;
  notice?: string | undefined;
  problem?: string | undefined;
  names: { author: string; approver?: string | undefined };
}

export function ReleaseDetailPage(props: ReleaseDetailProps) {
  const { release, state, bodyHtml, values, errors, media, actions, editable, ownRelease, notice, problem, names } = props;
  const t = useT();
  const { lang, csrfToken } = useView();
  const tenantBase = useTenantBase();
  const base = `${tenantBase}/staff/presse`;
  return (
    <StaffLayout title={release.title}>
      <BackLink href={base} />
      <h1 class="kern-heading-large">{release.title}</h1>
      {notice ? <Alert type="success" title={t(`presse:staff.notices.${notice}`)} /> : null}
      {problem ? <Alert type="danger" title={t(problem)} /> : null}
      <dl class="kern-description-list">
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t('presse:staff.columns.state')}</dt>
          <dd class="kern-description-list-item__value">{t(`presse:states.${state}`)}</dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t('presse:staff.author')}</dt>
          <dd class="kern-description-list-item__value">{names.author}</dd>
        </div>
        {names.approver ? (
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{t('presse:staff.approver')}</dt>
            <dd class="kern-description-list-item__value">{names.approver}</dd>
          </div>
        ) : null}
        {release.number ? (
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{t('presse:staff.columns.number')}</dt>
            <dd class="kern-description-list-item__value">{runningNumber(release, t)}</dd>
          </div>
        ) : null}
        {release.embargoUntil ? (
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{t('presse:editor.embargo')}</dt>
            <dd class="kern-description-list-item__value">{formatDateTimeMedium(release.embargoUntil, lang)}</dd>
          </div>
        ) : null}
        {release.visibleFrom && state === 'published' ? (
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{t('presse:staff.public')}</dt>
            <dd class="kern-description-list-item__value">
              <a class="kern-link" href={`${tenantBase}/presse/${releaseRef(release)}`}>
                {t('presse:staff.publicLink')}
              </a>
            </dd>
          </div>
        ) : null}
      </dl>
      {actions.length ? (
        <section aria-labelledby="pr-steps">
          <h2 id="pr-steps" class="kern-heading-medium">
            {t('presse:staff.steps')}
          </h2>
          {state === 'submitted' && ownRelease ? <p class="kern-body">{t('presse:staff.waitingForOther')}</p> : null}
          <div class="ww-actions">
            {actions
              .filter((a) => a !== 'correct')
              .map((a) => (
                <form method="post" action={`${base}/${release.id}/schritt`} key={a}>
                  <CsrfField token={csrfToken} />
                  <input type="hidden" name="action" value={a} />
                  <Button variant={a === 'withdraw' || a === 'reopen' ? 'secondary' : 'primary'}>{t(`presse:actions.${a}`)}</Button>
                </form>
              ))}
          </div>
          {actions.includes('correct') ? (
            <form method="post" action={`${base}/${release.id}/korrektur`} novalidate>
              <CsrfField token={csrfToken} />
              <TextArea name="correction" label={t('presse:staff.correction')} hint={t('presse:staff.correctionHint')} value={values.correction} error={errorsOf(errors, 'correction')} rows={3} />
              <Button variant="secondary">{t('presse:actions.correct')}</Button>
            </form>
          ) : null}
        </section>
      ) : null}
      {editable ? (
        <section aria-labelledby="pr-edit">
          <h2 id="pr-edit" class="kern-heading-medium">
            {t('presse:staff.edit')}
          </h2>
          <EditorForm action={`${base}/${release.id}`} values={values} errors={errors.filter((e) => e.field !== 'correction')} />
        </section>
      ) : null}
      <StaffImages releaseId={release.id} editable={editable} media={media} />
      <StaffAttachments releaseId={release.id} editable={editable} media={media} />
      <section aria-labelledby="pr-preview" class="pr-preview">
        <h2 id="pr-preview" class="kern-heading-medium">
          {t('presse:staff.preview')}
        </h2>
        {release.subtitle ? <p class="kern-heading-small">{release.subtitle}</p> : null}
        <div class="kern-body pr-body" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
      </section>
    </StaffLayout>
  );
}
