import { formatDateTime, formatDayShort } from '#shared/time.js';
import type { FieldError } from '#shared/http/errors.js';
import { Alert, BackLink, Button, CsrfField, DateField, SelectField, SummaryList, TextArea, TextField } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import { StaffLayout } from '../../staff/index.js';
import { formatAccessCode } from '../tokens.js';
import { documentTypes } from '../unterlagen.schemas.js';
import type { MitwirkungItem, Mitwirkungsaufforderung, Upload } from '../unterlagen.tables.js';
import { Badge, ItemStatusBadge, Paragraphs } from './parts.js';

/** Rows offered without JavaScript; empty rows are ignored. */
export const itemRows = 5;

export function AufforderungForm({ values = {}, errors = [], bgNummerExample }: { values?: Record<string, string>; errors?: FieldError[]; bgNummerExample: string }) {
  const t = useT();
  const { csrfToken } = useView();
  const base = `${useTenantBase()}/staff/unterlagen`;
  const error = (field: string) => errorsOf(errors, field);
  return (
    <StaffLayout title={t('unterlagen:staff.newRequest')}>
      <BackLink href={base} />
      <ErrorSummary errors={errors} />
      <h1 class="kern-heading-large">{t('unterlagen:staff.newRequest')}</h1>
      <form method="post" action={`${base}/aufforderungen`} novalidate>
        <CsrfField token={csrfToken} />
        {values.followUpOf ? <input type="hidden" name="followUpOf" value={values.followUpOf} /> : null}
        <TextField name="bgNummer" label={t('unterlagen:form.bgNummer')} hint={t('unterlagen:form.bgNummerHint', { example: bgNummerExample })} value={values.bgNummer} error={error('bgNummer')} spellcheck={false} />
        <TextField name="email" type="email" label={t('unterlagen:staff.email')} hint={t('unterlagen:staff.emailHint')} value={values.email} error={error('email')} optional />
        <SelectField
          name="lang"
          label={t('unterlagen:staff.language')}
          value={values.lang}
          options={[
            { value: 'de', label: t('common:languages.de') },
            { value: 'en', label: t('common:languages.en') },
          ]}
        />
        <TextArea name="message" label={t('unterlagen:staff.message')} value={values.message} error={error('message')} optional rows={4} />
        {errors.some((e) => e.field === 'items') ? (
          <p class="kern-error" id="f-items">
            {t('unterlagen:staff.itemsRequired')}
          </p>
        ) : null}
        {Array.from({ length: itemRows }, (_v, i) => (
          <fieldset class="kern-fieldset" key={i}>
            <legend class="kern-label">{t(i === 0 ? 'unterlagen:staff.itemLegend' : 'unterlagen:staff.itemLegendOptional', { number: i + 1 })}</legend>
            {i === 0 ? null : <p class="kern-hint">{t('unterlagen:staff.itemRowHint')}</p>}
            <div class="kern-fieldset__body">
              <SelectField
                name={`items.${i}.documentType`}
                label={t('unterlagen:form.documentType')}
                value={values[`items.${i}.documentType`]}
                error={error(`items.${i}.documentType`)}
                options={[{ value: '', label: t('unterlagen:form.choose') }, ...documentTypes.map((d) => ({ value: d, label: t(`unterlagen:documentTypes.${d}`) }))]}
              />
              <TextField name={`items.${i}.description`} label={t('unterlagen:request.description')} value={values[`items.${i}.description`]} error={error(`items.${i}.description`)} />
              <DateField name={`items.${i}.dueDate`} label={t('unterlagen:request.due')} value={values[`items.${i}.dueDate`]} error={error(`items.${i}.dueDate`)} />
            </div>
          </fieldset>
        ))}
        <div class="ww-actions">
          <Button>{t('unterlagen:staff.create')}</Button>
        </div>
      </form>
    </StaffLayout>
  );
}

/** Shown once: the code is not stored, so the letter is made now (the code goes back in a hidden field). */
export function AufforderungCreated({ id, reference, code, link, emailed }: { id: string; reference: string; code: string; link: string; emailed: boolean }) {
  const t = useT();
  const { csrfToken } = useView();
  const base = `${useTenantBase()}/staff/unterlagen`;
  return (
    <StaffLayout title={t('unterlagen:staff.createdTitle')}>
      <h1 class="kern-heading-large">{t('unterlagen:staff.createdTitle')}</h1>
      <Alert type="success" title={emailed ? t('unterlagen:staff.createdEmailed') : t('unterlagen:staff.createdLetter')} />
      <SummaryList
        rows={[
          { key: t('unterlagen:letter.reference'), value: reference },
          { key: t('unterlagen:letter.code'), value: <code class="ww-hash">{formatAccessCode(code)}</code> },
          { key: t('unterlagen:staff.link'), value: <span class="ww-break">{link}</span> },
        ]}
      />
      <p class="kern-body">{t('unterlagen:staff.codeOnce')}</p>
      <form method="post" action={`${base}/aufforderungen/${id}/brief`}>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="code" value={code} />
        <div class="ww-actions">
          <Button>{t('unterlagen:staff.letterPdf')}</Button>
          <a class="kern-link" href={`${base}/aufforderungen/${id}`}>
            {t('unterlagen:staff.toRequest')}
          </a>
        </div>
      </form>
    </StaffLayout>
  );
}

export function AufforderungDetail({ aufforderung, items, uploads, today }: { aufforderung: Mitwirkungsaufforderung; items: MitwirkungItem[]; uploads: Upload[]; today: string }) {
  const t = useT();
  const { lang } = useView();
  const base = `${useTenantBase()}/staff/unterlagen`;
  return (
    <StaffLayout title={`${t('unterlagen:request.title')} ${aufforderung.reference}`} wide>
      <BackLink href={base} />
      <h1 class="kern-heading-large">
        {t('unterlagen:request.title')} {aufforderung.reference}
      </h1>
      <SummaryList
        rows={[
          { key: t('unterlagen:receipt.bgNummer'), value: aufforderung.bgNummer },
          { key: t('unterlagen:staff.createdAt'), value: formatDateTime(aufforderung.createdAt, lang) },
          { key: t('unterlagen:staff.email'), value: aufforderung.email ?? '–' },
        ]}
      />
      {aufforderung.message ? <Paragraphs text={aufforderung.message} /> : null}
      <ol class="ww-item-list">
        {items.map((item) => {
          const overdue = item.dueDate < today && (item.status === 'open' || item.status === 'rejected');
          return (
            <li class={`ww-item${overdue ? ' ww-overdue' : ''}`} key={item.id}>
              <h2 class="kern-heading-small">
                {item.position}. {t(`unterlagen:documentTypes.${item.documentType}`)}
              </h2>
              <p class="kern-body">{item.description}</p>
              <p class="kern-body">
                {t('unterlagen:request.due')}: {formatDayShort(item.dueDate, lang)} <ItemStatusBadge status={item.status} />{' '}
                {overdue ? <Badge kind="warning">{t('unterlagen:request.overdue')}</Badge> : null}
              </p>
              <ul class="kern-list kern-list--bullet">
                {uploads
                  .filter((u) => u.itemId === item.id)
                  .map((u) => (
                    <li key={u.id}>
                      <a class="kern-link" href={`${base}/${u.id}`}>
                        {u.reference}
                      </a>{' '}
                      {formatDateTime(u.receivedAt, lang)}
                    </li>
                  ))}
              </ul>
            </li>
          );
        })}
      </ol>
    </StaffLayout>
  );
}
