import { formatDayShort } from '#shared/time.js';
import type { FieldError } from '#shared/http/errors.js';
import { BackLink, Button, SelectField, SummaryList, TextField } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import { useT, useView } from '#shared/html/context.js';
import { Layout } from '#shared/html/Layout.js';
import { documentTypes } from '../unterlagen.schemas.js';
import type { Holding } from '../held-files.js';
import { maxFileGroups } from '../intake.js';
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
  /** Files already received with a refused attempt, and the token that sends them again. */
  holding?: Holding | undefined;
}

const extraGroups = Array.from({ length: maxFileGroups - 1 }, (_v, i) => i + 2);

/** Further documents of another type in the same submission (free upload): a type and files per group. */
function ExtraGroups({ errors, values, limits, holding }: Pick<UploadPageProps, 'errors' | 'values' | 'holding' | 'limits'>) {
  const t = useT();
  const error = (field: string) => errorsOf(errors ?? [], field);
  const used = (group: number) =>
    Boolean(values?.[`documentType.${group}`]) || Boolean(holding?.files.some((f) => f.group === group)) || Boolean(errors?.some((e) => e.field.endsWith(`.${group}`)));
  return (
    <details class="ww-details" open={extraGroups.some(used)}>
      <summary class="kern-link">{t('unterlagen:form.moreTypes')}</summary>
      <p class="kern-body">{t('unterlagen:form.moreTypesIntro')}</p>
      {extraGroups.map((group) => (
        <fieldset class="kern-fieldset ww-file-group" key={group}>
          <legend class="kern-label">{t('unterlagen:form.groupLegend', { number: group })}</legend>
          <SelectField
            name={`documentType.${group}`}
            label={t('unterlagen:form.groupDocumentType', { number: group })}
            value={values?.[`documentType.${group}`]}
            error={error(`documentType.${group}`)}
            options={[{ value: '', label: t('unterlagen:form.choose') }, ...documentTypes.map((type) => ({ value: type, label: t(`unterlagen:documentTypes.${type}`) }))]}
          />
          <FileField
            name={`file.${group}`}
            label={t('unterlagen:form.groupFile', { number: group })}
            errors={(errors ?? []).filter((e) => e.field === `file.${group}`)}
            maxMb={limits.maxMb}
            maxTotalMb={limits.maxTotalMb}
            held={holding?.files.filter((f) => f.group === group)}
            required={false}
          />
        </fieldset>
      ))}
    </details>
  );
}

/** One form, one thing: the files for one document type or one requested item (multipart, no JavaScript needed). */
export function UploadPage({ action, back, errors = [], values = {}, limits, bgNummerExample, item, holding }: UploadPageProps) {
  const t = useT();
  const { lang } = useView();
  const error = (field: string) => errorsOf(errors, field);
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
            { key: t('unterlagen:request.due'), value: formatDayShort(item.dueDate, lang) },
          ]}
        />
      ) : (
        <p class="kern-body">{t('unterlagen:form.freeIntro')}</p>
      )}
      <form method="post" action={action} enctype="multipart/form-data" novalidate data-upload-form>
        {holding ? <input type="hidden" name="heldToken" value={holding.token} /> : null}
        {item ? null : (
          <>
            <TextField
              name="bgNummer"
              label={t('unterlagen:form.caseKey')}
              hint={t('unterlagen:form.caseKeyHint', { example: bgNummerExample })}
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
              width={10}
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
        <FileField
          errors={errors.filter((e) => e.field === 'file')}
          maxMb={limits.maxMb}
          maxTotalMb={limits.maxTotalMb}
          held={holding?.files.filter((f) => f.group === 1)}
        />
        {item ? null : <ExtraGroups errors={errors} values={values} limits={limits} holding={holding} />}
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
        <p class="kern-body" id="upload-wait">
          {t('unterlagen:form.takesTime')}
        </p>
        <div
          class="ww-upload-progress"
          data-upload-progress
          hidden
          data-sending={t('unterlagen:form.sending')}
          data-progress={t('unterlagen:form.progress', { percent: '%' })}
          data-checking={t('unterlagen:form.checking')}
          data-failed={t('unterlagen:form.failed')}
        >
          <label class="kern-label" for="upload-progress">
            {t('unterlagen:form.progressLabel')}
          </label>
          <progress id="upload-progress" max="100" value="0"></progress>
          <p class="kern-body" role="status" data-upload-status></p>
        </div>
        <div class="ww-actions">
          <Button>{t('unterlagen:form.submit')}</Button>
        </div>
      </form>
      <script src="/assets/unterlagen.js" defer></script>
    </Layout>
  );
}
