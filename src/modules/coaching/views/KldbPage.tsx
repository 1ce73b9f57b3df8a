import { Alert, BackLink, Button, CsrfField, DataTable } from '#shared/html/components.js';
import { useT, useView } from '#shared/html/context.js';
import { FileImportForm, XLSX_TYPES, type FileProblem } from '#shared/html/file-upload.js';
import { StaffLayout } from '../../staff/index.js';
import { berufe, niveauOf } from '../berufe.js';
import type { KldbEntry } from '../berufe.tables.js';
import { formatDateTime } from '#shared/time.js';
import { CoachingAssets } from './parts.js';

export interface KldbPageProps {
  state: { count: number; importedAt: Date | null };
  /** Why the last file was refused (shown at the file field). */
  problem?: FileProblem | undefined;
  notice?: string | undefined;
  base: string;
}

/** Which occupation list the coaching offers, and the upload of the BA's KldB 2010 file. */
export function KldbPage({ state, problem, notice, base }: KldbPageProps) {
  const t = useT();
  const { lang } = useView();
  return (
    <StaffLayout title={t('coaching:kldb.title')}>
      <CoachingAssets />
      <BackLink href={`${base}/einstellungen`} />
      <h1 class="kern-heading-large">{t('coaching:kldb.title')}</h1>
      {notice ? <Alert type="success" title={t('coaching:kldb.imported', { count: state.count })} /> : null}
      <p class="kern-body">
        {state.count > 0 && state.importedAt
          ? t('coaching:kldb.stateImported', { count: state.count, date: formatDateTime(state.importedAt, lang) })
          : t('coaching:kldb.stateCurated', { count: berufe.length })}
      </p>
      <FileImportForm
        action={`${base}/berufe/import`}
        label={t('coaching:kldb.file')}
        hint={t('coaching:kldb.fileHint')}
        submit={t('coaching:kldb.upload')}
        accept={`.csv,text/csv,${XLSX_TYPES}`}
        problems={problem ? [problem] : []}
      />
    </StaffLayout>
  );
}

/** What was read from the file, before it replaces the list. */
export function KldbPreviewPage({ preview, base }: { preview: { id: string; fileName: string; rows: KldbEntry[]; skipped: number }; base: string }) {
  const t = useT();
  const { csrfToken } = useView();
  return (
    <StaffLayout title={t('coaching:kldb.previewTitle')}>
      <CoachingAssets />
      <BackLink href={`${base}/berufe`} />
      <h1 class="kern-heading-large">{t('coaching:kldb.previewTitle')}</h1>
      <p class="kern-body">{t('coaching:kldb.previewLead', { file: preview.fileName, count: preview.rows.length, skipped: preview.skipped })}</p>
      <form method="post" action={`${base}/berufe/import/${preview.id}`}>
        <CsrfField token={csrfToken} />
        <div class="ww-actions">
          <Button>{t('coaching:kldb.confirm', { count: preview.rows.length })}</Button>
        </div>
      </form>
      <DataTable
        label={t('coaching:kldb.tableCaption', { shown: Math.min(preview.rows.length, 50), count: preview.rows.length })}
        head={[t('coaching:kldb.code'), t('coaching:kldb.occupation'), t('coaching:kldb.level')]}
        rows={preview.rows.slice(0, 50)}
        rowKey={(r) => r.kldb}
        cells={(r) => [r.kldb, r.title, t(`coaching:niveau.${niveauOf(r.kldb)}`)]}
      />
    </StaffLayout>
  );
}
