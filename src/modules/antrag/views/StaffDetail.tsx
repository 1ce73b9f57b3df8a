import type { SummarySection } from '../../forms/index.js';
import type { FieldError } from '#shared/http/errors.js';
import { Button, ChoiceGroup, CsrfField, DateField, TextArea, TextField } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import { StaffLayout } from '../../staff/index.js';
import type { ApplicationDetail } from '../staff.service.js';
import { canRequestDocuments, nextStatuses } from '../status.js';
import { listQueryString, type ListQuery } from '../list.service.js';
import { berlinDateTime } from '#shared/time.js';

const when = (d: Date) => berlinDateTime(d).toFormat('dd.MM.yyyy HH:mm');

function Answers({ sections }: { sections: SummarySection[] }) {
  return (
    <>
      {sections.map((section) =>
        section.blocks.some((b) => b.rows.length > 0) ? (
          <section class="ww-section" key={section.id}>
            <h3 class="kern-heading-small">{section.title}</h3>
            {section.blocks.map((block, i) => (
              <dl class="kern-description-list" key={i}>
                {block.title ? (
                  <div class="kern-description-list-item">
                    <dt class="kern-description-list-item__key">
                      <strong>{block.title}</strong>
                    </dt>
                    <dd class="kern-description-list-item__value"></dd>
                  </div>
                ) : null}
                {block.rows.map((row, j) => (
                  <div class="kern-description-list-item" key={j}>
                    <dt class="kern-description-list-item__key">{row.label}</dt>
                    <dd class="kern-description-list-item__value ww-answer">{row.value}</dd>
                  </div>
                ))}
              </dl>
            ))}
          </section>
        ) : null,
      )}
    </>
  );
}

type TimelineEntry = { at: Date; key: string; title: string; text?: string | undefined; href?: string | undefined };

/**
 * One timeline per case, in date order: the application's own events, the requests made for it (unless the
 * application already noted them) and every upload that belongs to it, each upload linked to its detail.
 */
function CaseTimeline({ detail }: { detail: ApplicationDetail }) {
  const t = useT();
  const base = useTenantBase();
  const noted = new Set(detail.events.filter((e) => e.kind === 'documentsRequested').map((e) => e.note));
  const entries: TimelineEntry[] = [
    ...detail.events.map((e) => ({
      at: e.at,
      key: e.id,
      title: e.kind === 'status' ? t(`forms:status.values.${e.status}`) : t(`antrag:staff.event.${e.kind}`),
      text: e.note ?? undefined,
    })),
    ...detail.documents.requests
      .filter((r) => !noted.has(r.reference))
      .map((r) => ({ at: r.createdAt, key: r.id, title: t('antrag:staff.event.documentsRequested'), text: r.reference, href: `${base}/staff/unterlagen/aufforderungen/${r.id}` })),
    ...detail.documents.uploads.map((u) => ({
      at: u.receivedAt,
      key: u.id,
      title: t('antrag:staff.event.upload', { reference: u.reference }),
      text: `${t(`unterlagen:documentTypes.${u.documentType}`)}, ${t('antrag:staff.event.files', { count: u.fileCount })} – ${t(`antrag:staff.event.via.${u.via}`)} – ${t(`unterlagen:review.${u.reviewStatus}`)}`,
      href: `${base}/staff/unterlagen/${u.id}`,
    })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  return (
    <>
      <h2 class="kern-heading-medium">{t('antrag:staff.timeline')}</h2>
      <ol class="ww-timeline">
        {entries.map((e) => (
          <li key={e.key}>
            <strong>{e.href ? <a class="kern-link" href={e.href}>{e.title}</a> : e.title}</strong> <span>{when(e.at)}</span>
            {e.text ? <p class="kern-body ww-answer">{e.text}</p> : null}
          </li>
        ))}
      </ol>
    </>
  );
}

export interface StaffDetailProps {
  detail: ApplicationDetail;
  sections: SummarySection[];
  errors: FieldError[];
  form: Record<string, string | string[]>;
  /** The list the caseworker came from: "save and next" stays in its filter and order. */
  query?: ListQuery;
  notice?: string | undefined;
}

export function StaffDetail({ detail, sections, errors, form, query = {}, notice }: StaffDetailProps) {
  const t = useT();
  const { csrfToken } = useView();
  const { submission } = detail;
  const base = `${useTenantBase()}/staff/antraege/${submission.id}`;
  const error = (field: string) => errorsOf(errors, field);
  const title = t('antrag:staff.detailTitle', { reference: submission.reference });
  const moves = nextStatuses(submission.status);
  const selected = Array.isArray(form.items) ? form.items : detail.checklist.map((c) => c.id);
  return (
    <StaffLayout title={errors.length ? t('forms:page.errorTitle', { title }) : title} wide>
      <p class="ww-back">
        <a class="kern-link" href={`${useTenantBase()}/staff/antraege${listQueryString(query)}`}>
          {t('antrag:staff.backToList')}
        </a>
      </p>
      <ErrorSummary errors={errors} />
      <h1 class="kern-heading-large">{title}</h1>
      {notice ? (
        <div class="kern-alert kern-alert--success" role="status">
          <div class="kern-alert__header">
            <span class="kern-icon kern-icon--success" aria-hidden="true"></span>
            <h2 class="kern-title">{notice}</h2>
          </div>
        </div>
      ) : null}
      <dl class="kern-description-list">
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t('antrag:staff.flow')}</dt>
          <dd class="kern-description-list-item__value">{submission.flowId === 'erstantrag' ? t('antrag:title') : t('antrag:bank.title')}</dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t('antrag:staff.status')}</dt>
          <dd class="kern-description-list-item__value">{t(`forms:status.values.${submission.status}`)}</dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t('antrag:staff.submitted')}</dt>
          <dd class="kern-description-list-item__value">{when(submission.submittedAt)}</dd>
        </div>
      </dl>
      <ul class="ww-inline-list">
        <li>
          <a class="kern-link" href={`${base}/export.json`}>
            {t('antrag:staff.exportJson')}
          </a>
        </li>
        <li>
          <a class="kern-link" href={`${base}/antrag.pdf`}>
            {t('antrag:staff.exportPdf')}
          </a>
        </li>
      </ul>

      {moves.length > 0 ? (
        <form method="post" action={`${base}/status`} novalidate>
          <CsrfField token={csrfToken} />
          {/* The list's parameters, prefixed: the list filter "status" must not be taken for the new status. */}
          {Object.entries(query).map(([name, value]) => (value !== undefined ? <input key={name} type="hidden" name={`list_${name}`} value={String(value)} /> : null))}
          <ChoiceGroup name="status" legend={t('antrag:staff.changeStatus')} error={error('status')} options={moves.map((s) => ({ value: s, label: t(`forms:status.values.${s}`) }))} />
          <div class="ww-actions">
            <Button name="next" value="1">
              {t('antrag:staff.saveNext')}
            </Button>
            <Button variant="secondary">{t('antrag:staff.saveStatus')}</Button>
          </div>
        </form>
      ) : null}

      {detail.checklist.length > 0 && canRequestDocuments(submission.status) ? (
        <form method="post" action={`${base}/unterlagen`} novalidate>
          <CsrfField token={csrfToken} />
          <h2 class="kern-heading-medium">{t('antrag:staff.requestHeading')}</h2>
          <ChoiceGroup
            name="items"
            multiple
            legend={t('antrag:staff.requestItems')}
            error={error('items')}
            value={selected}
            options={detail.checklist.map((c) => ({ value: c.id, label: t(`antrag:checklist.items.${c.id}.title`), hint: c.names ? t('antrag:checklist.for', { names: c.names.join(', ') }) : undefined }))}
          />
          <TextField name="bgNummer" label={t('antrag:staff.bgNummer')} hint={t('antrag:staff.bgNummerHint')} value={String(form.bgNummer ?? '')} error={error('bgNummer')} spellcheck={false} />
          <DateField name="dueDate" label={t('antrag:staff.dueDate')} value={String(form.dueDate ?? '')} error={error('dueDate')} />
          <TextArea name="message" label={t('antrag:staff.message')} value={String(form.message ?? '')} error={error('message')} optional rows={3} />
          <Button>{t('antrag:staff.request')}</Button>
        </form>
      ) : null}

      <form method="post" action={`${base}/notiz`} novalidate>
        <CsrfField token={csrfToken} />
        <h2 class="kern-heading-medium">{t('antrag:staff.notesHeading')}</h2>
        <TextArea name="note" label={t('antrag:staff.note')} value={String(form.note ?? '')} error={error('note')} rows={3} />
        <Button variant="secondary">{t('antrag:staff.addNote')}</Button>
      </form>

      <CaseTimeline detail={detail} />

      <h2 class="kern-heading-medium">{t('antrag:staff.answers')}</h2>
      <Answers sections={sections} />
    </StaffLayout>
  );
}
