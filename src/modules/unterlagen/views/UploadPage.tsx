import type { FieldError } from '#shared/http/errors.js';
import { BackLink, Button, ErrorSummary, SelectField, SummaryList, TextField } from '#shared/html/components.js';
import { useT, useView } from '#shared/html/context.js';
import { Layout } from '#shared/html/Layout.js';
import { formatLocalDate } from '../receipt.js';
import { documentTypes } from '../unterlagen.schemas.js';
import { FileField } from './parts.js';

export interface UploadPageProps {
  action: string;
  back: string;
  errors?: FieldError[];
  values?: Record<string, string>;
  limits: { maxMb: number; maxTotalMb: number };
  /** Free upload: the tenant's BG-Nummer example. */
  bgNummerExample?: string;
  /** Upload against an item of a Mitwirkungsaufforderung. */
  item?: { number: number; documentType: string; description: string; dueDate: string } | undefined;
}

/** One form, one thing: the files for one document type or one requested item (multipart, no JavaScript needed). */
export function UploadPage({ action, back, errors = [], values = {}, limits, bgNummerExample, item }: UploadPageProps) {
  const t = useT();
  const { lang } = useView();
  const error = (field: string) => errors.find((e) => e.field === field);
  const title = item ? t('unterlagen:form.itemTitle', { number: item.number }) : t('unterlagen:form.freeTitle');
  return (
    <Layout title={errors.length ? `${t('common:errors.summaryTitle')}: ${title}` : title}>
      <BackLink href={back} />
      <ErrorSummary errors={errors} />
      <h1 class="kern-heading-large">{title}</h1>
      {item ? (
        <SummaryList
          rows={[
            { key: t('unterlagen:receipt.documentType'), value: t(`unterlagen:documentTypes.${item.documentType}`) },
            { key: t('unterlagen:request.description'), value: item.description },
            { key: t('unterlagen:request.due'), value: formatLocalDate(item.dueDate, lang) },
          ]}
        />
      ) : (
        <p class="kern-body">{t('unterlagen:form.freeIntro')}</p>
      )}
      <form method="post" action={action} enctype="multipart/form-data" novalidate>
        {item ? null : (
          <>
            <TextField
              name="bgNummer"
              label={t('unterlagen:form.bgNummer')}
              hint={t('unterlagen:form.bgNummerHint', { example: bgNummerExample })}
              value={values.bgNummer}
              error={error('bgNummer')}
              autocomplete="off"
              spellcheck={false}
            />
            <TextField name="lastName" label={t('unterlagen:form.lastName')} value={values.lastName} error={error('lastName')} autocomplete="family-name" />
            <TextField
              name="birthDate"
              label={t('unterlagen:form.birthDate')}
              hint={t('unterlagen:form.birthDateHint')}
              value={values.birthDate}
              error={error('birthDate')}
              autocomplete="bday"
              width={4}
            />
            <SelectField
              name="documentType"
              label={t('unterlagen:form.documentType')}
              value={values.documentType}
              error={error('documentType')}
              options={[
                { value: '', label: t('unterlagen:form.choose') },
                ...documentTypes.map((type) => ({ value: type, label: t(`unterlagen:documentTypes.${type}`) })),
              ]}
            />
          </>
        )}
        <FileField errors={errors.filter((e) => e.field === 'file')} maxMb={limits.maxMb} maxTotalMb={limits.maxTotalMb} />
        <TextField
          name="email"
          type="email"
          label={t('unterlagen:form.email')}
          hint={t('unterlagen:form.emailHint')}
          value={values.email}
          error={error('email')}
          autocomplete="email"
          optional
        />
        <p class="kern-body kern-body--small">{t('unterlagen:form.privacy')}</p>
        <div class="ww-actions">
          <Button>{t('unterlagen:form.submit')}</Button>
        </div>
      </form>
    </Layout>
  );
}
