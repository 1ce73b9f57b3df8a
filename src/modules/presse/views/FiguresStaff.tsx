import type { FieldError } from '#shared/http/errors.js';
import { Alert, BackLink, Button, CsrfField, DataTable, SelectField, TextField, type Option } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import { FileImportForm, XLSX_TYPES, type FileProblem } from '#shared/html/file-upload.js';
import { StaffLayout } from '../../staff/index.js';
import type { FormValues } from '../editor.js';
import { formatRate, monthName } from '../figures.service.js';
import type { ImportedRow } from '../presse.tables.js';

export interface FiguresAdminProps {
  regions: Option[];
  problems: FileProblem[];
  values: FormValues;
  errors: FieldError[];
  notice?: string | undefined;
}

const count = (n: number | null) => (n === null ? '–' : n.toLocaleString('de-DE'));

/** Upload of the BA workbook (its problems by row and column at the file field) and the manual form for months without a file. */
export function FiguresAdminPage({ regions, problems, values, errors, notice }: FiguresAdminProps) {
  const t = useT();
  const { csrfToken } = useView();
  const base = `${useTenantBase()}/staff/presse`;
  const err = (f: string) => errorsOf(errors, f);
  return (
    <StaffLayout title={t('presse:import.title')}>
      <BackLink href={base} />
      <h1 class="kern-heading-large">{t('presse:import.title')}</h1>
      {notice ? <Alert type="success" title={t(`presse:import.notices.${notice}`)} /> : null}
      <section class="ww-section" aria-labelledby="pr-upload">
        <h2 id="pr-upload" class="kern-heading-medium">
          {t('presse:import.uploadTitle')}
        </h2>
        <p class="kern-body">{t('presse:import.uploadIntro')}</p>
        <FileImportForm action={`${base}/zahlen/import`} label={t('presse:import.file')} hint={t('presse:import.fileHint')} submit={t('presse:import.upload')} accept={XLSX_TYPES} problems={problems} />
      </section>
      <section class="ww-section" aria-labelledby="pr-manual">
        <h2 id="pr-manual" class="kern-heading-medium">
          {t('presse:import.manualTitle')}
        </h2>
        <p class="kern-body">{t('presse:import.manualIntro')}</p>
        <form method="post" action={`${base}/zahlen/manuell`} class="pr-form" novalidate>
          <CsrfField token={csrfToken} />
          <ErrorSummary
            errors={errors}
            labels={{ month: t('presse:import.month'), region: t('presse:import.region'), rate: t('presse:import.rate'), unemployed: t('presse:import.unemployed'), unemployedSgb2: t('presse:import.sgb2'), unemployedSgb3: t('presse:import.sgb3') }}
          />
          <TextField name="month" label={t('presse:import.month')} hint={t('presse:import.monthHint')} value={values.month} error={err('month')} width={10} inputmode="numeric" />
          <SelectField name="region" label={t('presse:import.region')} options={regions} value={values.region} error={err('region')} />
          <TextField name="rate" label={t('presse:import.rate')} hint={t('presse:import.rateHint')} value={values.rate} error={err('rate')} width={4} inputmode="decimal" />
          <TextField name="unemployed" label={t('presse:import.unemployed')} value={values.unemployed} error={err('unemployed')} width={4} inputmode="numeric" optional />
          <TextField name="unemployedSgb2" label={t('presse:import.sgb2')} value={values.unemployedSgb2} error={err('unemployedSgb2')} width={4} inputmode="numeric" optional />
          <TextField name="unemployedSgb3" label={t('presse:import.sgb3')} value={values.unemployedSgb3} error={err('unemployedSgb3')} width={4} inputmode="numeric" optional />
          <div class="ww-actions">
            <Button>{t('presse:import.saveManual')}</Button>
          </div>
        </form>
      </section>
    </StaffLayout>
  );
}

/** What the workbook gave, before anything is saved: the figures per region, and the labels not understood. */
export function ImportPreviewPage({ id, month, rows, unrecognised }: { id: string; month: string; rows: ImportedRow[]; unrecognised: string[] }) {
  const t = useT();
  const { csrfToken, lang } = useView();
  const base = `${useTenantBase()}/staff/presse/zahlen`;
  return (
    <StaffLayout title={t('presse:import.previewTitle', { month: monthName(month, lang) })} wide>
      <BackLink href={base} />
      <h1 class="kern-heading-large">{t('presse:import.previewTitle', { month: monthName(month, lang) })}</h1>
      <p class="kern-body">{t('presse:import.previewIntro')}</p>
      <DataTable
        label={t('presse:import.previewTable')}
        head={[t('presse:import.region'), t('presse:import.code'), t('presse:import.unemployed'), t('presse:import.sgb2'), t('presse:import.sgb3'), t('presse:import.rate')]}
        rows={rows}
        rowKey={(r) => r.region}
        cells={(r) => [r.regionName, r.region, count(r.unemployed), count(r.unemployedSgb2), count(r.unemployedSgb3), `${formatRate(r.rateTenths)} %`]}
      />
      <p class="kern-body kern-body--small">{t('presse:figures.source')}</p>
      {unrecognised.length > 0 ? (
        <>
          <h2 class="kern-heading-small">{t('presse:import.unrecognised')}</h2>
          <ul class="kern-list kern-list--bullet">
            {unrecognised.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </>
      ) : null}
      <form method="post" action={`${base}/import/${id}`}>
        <CsrfField token={csrfToken} />
        <div class="ww-actions">
          <Button>{t('presse:import.commit')}</Button>
          <a class="kern-link" href={base}>
            {t('presse:import.discard')}
          </a>
        </div>
      </form>
    </StaffLayout>
  );
}
