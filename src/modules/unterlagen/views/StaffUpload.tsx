import { formatDateTime, formatDayShort } from '#shared/time.js';
import type { FieldError } from '#shared/http/errors.js';
import { Alert, BackLink, Button, ButtonLink, ChoiceGroup, CsrfField, SelectField, SummaryList, TextArea } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import { StaffLayout } from '../../staff/index.js';
import { formatBytes } from '../receipt.js';
import { filterQuery, type InboxFilterInput } from '../inbox.service.js';
import type { UploadDetail } from '../review.service.js';
import { rejectReasons } from '../unterlagen.schemas.js';
import type { UploadFile } from '../unterlagen.tables.js';
import { ConversionBadge, ReviewBadge, ScanBadge } from './parts.js';
import { Preview } from './Preview.js';

/** One submission: who, what, which files (download as attachment), and the decision. */
/** A PDF to be made from photos that has no bytes (yet). */
const notWritten = (file: UploadFile) => file.storageState === 'converting' || file.storageState === 'conversion-failed';

export function StaffUpload({
  detail,
  canDownload,
  errors = [],
  filter = {},
  notice,
}: {
  detail: UploadDetail;
  canDownload: (fileId: string) => boolean;
  errors?: FieldError[];
  /** The inbox filter the caseworker came from: "save and next" stays in it. */
  filter?: InboxFilterInput;
  notice?: 'saved' | undefined;
}) {
  const t = useT();
  const { lang, csrfToken } = useView();
  const base = `${useTenantBase()}/staff/unterlagen`;
  const { upload, files, item, aufforderung, applications } = detail;
  const staffBase = useTenantBase();
  const rows = [
    { key: t('unterlagen:receipt.reference'), value: upload.reference },
    { key: t('unterlagen:receipt.receivedAt'), value: formatDateTime(upload.receivedAt, lang) },
    { key: t('unterlagen:receipt.bgNummer'), value: upload.bgNummer },
    { key: t('unterlagen:receipt.documentType'), value: t(`unterlagen:documentTypes.${upload.documentType}`) },
  ];
  if (upload.lastName) rows.push({ key: t('unterlagen:form.lastName'), value: upload.lastName });
  if (upload.birthDate) rows.push({ key: t('unterlagen:form.birthDate'), value: formatDayShort(upload.birthDate, lang) });
  if (upload.email) rows.push({ key: t('unterlagen:staff.email'), value: upload.email });
  if (item && aufforderung) {
    rows.push({
      key: t('unterlagen:receipt.item'),
      value: `${aufforderung.reference}, ${t('unterlagen:receipt.itemValue', { number: item.position, description: item.description, due: formatDayShort(item.dueDate, lang) })}`,
    });
  }
  const reviewable = upload.scanStatus !== 'pending' && upload.scanStatus !== 'infected';
  return (
    <StaffLayout title={`${t('unterlagen:staff.uploadTitle')} ${upload.reference}`} wide>
      <link rel="stylesheet" href="/assets/inbox.css" />
      <BackLink href={`${base}${filterQuery(filter)}`} />
      <ErrorSummary errors={errors} />
      {notice ? <Alert type="success" title={t('unterlagen:staff.savedShowingNext')} /> : null}
      <h1 class="kern-heading-large">
        {t('unterlagen:staff.uploadTitle')} {upload.reference}
      </h1>
      <p class="kern-body">
        <ScanBadge status={upload.scanStatus} /> <ReviewBadge status={upload.reviewStatus} />
      </p>
      {upload.scanStatus === 'infected' ? (
        <Alert type="danger" title={t('unterlagen:staff.infectedTitle')}>
          <p class="kern-body">{t('unterlagen:staff.infectedText')}</p>
        </Alert>
      ) : null}
      {upload.scanStatus === 'pending' ? <Alert type="warning" title={t('unterlagen:staff.pendingTitle')} /> : null}
      {upload.scanStatus === 'unscanned' ? <Alert type="warning" title={t('unterlagen:staff.unscannedTitle')} /> : null}
      <SummaryList rows={rows} />
      {applications.length ? (
        <p class="kern-body">
          {t('unterlagen:staff.belongsTo')}{' '}
          {applications.map((a, i) => (
            <>
              {i > 0 ? ', ' : ''}
              <a class="kern-link" key={a.id} href={`${staffBase}/staff/antraege/${a.id}`}>
                {t('unterlagen:staff.applicationLink', { reference: a.reference })}
              </a>
            </>
          ))}
        </p>
      ) : null}

      <h2 class="kern-heading-medium">{t('unterlagen:staff.filesHeading')}</h2>
      {upload.conversion ? <p class="kern-body">{t(`unterlagen:staff.conversion.${upload.conversion}Hint`)}</p> : null}
      <ul class="kern-list kern-list--bullet">
        {files.map((file) => (
          <li key={file.id}>
            {canDownload(file.id) ? (
              <a class="kern-link ww-break" href={`${base}/${upload.id}/dateien/${file.id}`} download>
                {file.name}
              </a>
            ) : (
              <span class="ww-break">{file.name}</span>
            )}{' '}
            – {t(`unterlagen:documentTypes.${file.documentType ?? upload.documentType}`)} (
            {[notWritten(file) ? '' : formatBytes(file.size, lang), file.pages ? t('unterlagen:receipt.pages', { count: file.pages }) : ''].filter(Boolean).join(', ')}){' '}
            <ScanBadge status={file.scanStatus} />
            {file.storageState === 'missing' ? ` ${t('unterlagen:staff.fileMissing')}` : ''}
            {file.storageState === 'converting' ? <> <ConversionBadge state="pending" /></> : null}
            {file.storageState === 'conversion-failed' ? <> <ConversionBadge state="failed" /></> : null}
            {file.partOf ? ` ${t('unterlagen:staff.photoAsSent')}` : ''}
          </li>
        ))}
      </ul>
      {files
        .filter((file) => canDownload(file.id) && !file.partOf)
        .map((file, index) => (
          <Preview key={file.id} file={file} src={`${base}/${upload.id}/dateien/${file.id}`} index={index} />
        ))}
      <script type="module" src="/assets/pdf-preview.js"></script>

      {upload.reviewStatus !== 'new' ? (
        <p class="kern-body">
          {t('unterlagen:staff.reviewed', {
            status: t(`unterlagen:review.${upload.reviewStatus}`),
            date: upload.reviewedAt ? formatDateTime(upload.reviewedAt, lang) : '',
          })}
          {upload.reviewReason ? ` – ${t(`unterlagen:reasons.${upload.reviewReason}`)}` : ''}
          {upload.reviewNote ? ` – ${upload.reviewNote}` : ''}
        </p>
      ) : null}

      {reviewable ? (
        <section class="ww-section" aria-labelledby="decision">
          <h2 class="kern-heading-medium" id="decision">
            {t('unterlagen:staff.decisionHeading')}
          </h2>
          <form method="post" action={`${base}/${upload.id}/pruefung`} novalidate>
            <CsrfField token={csrfToken} />
            {Object.entries(filter).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
            <ChoiceGroup
              name="decision"
              legend={t('unterlagen:staff.decision')}
              error={errorsOf(errors, 'decision')}
              options={[
                { value: 'accept', label: t('unterlagen:staff.accept') },
                { value: 'reject', label: t('unterlagen:staff.reject') },
              ]}
            />
            <SelectField
              name="reason"
              label={t('unterlagen:staff.reason')}
              hint={t('unterlagen:staff.reasonHint')}
              error={errorsOf(errors, 'reason')}
              options={[{ value: '', label: t('unterlagen:form.choose') }, ...rejectReasons.map((r) => ({ value: r, label: t(`unterlagen:reasons.${r}`) }))]}
            />
            <TextArea name="note" label={t('unterlagen:staff.note')} rows={3} optional />
            <div class="ww-actions">
              <Button name="next" value="1">
                {t('unterlagen:staff.saveNext')}
              </Button>
              <Button variant="secondary">{t('unterlagen:staff.save')}</Button>
            </div>
          </form>
        </section>
      ) : null}
      <div class="ww-actions">
        <ButtonLink href={`${base}/aufforderungen/neu?upload=${upload.id}`} variant="secondary">
          {t('unterlagen:staff.requestMore')}
        </ButtonLink>
      </div>
    </StaffLayout>
  );
}
