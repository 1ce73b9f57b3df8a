import type { SubmissionStatus } from '../../forms/index.js';
import { submissionStatuses } from '../../forms/index.js';
import { Button, SelectField, TextField, TableScroll } from '#shared/html/components.js';
import { useT, useTenantBase } from '#shared/html/context.js';
import { StaffLayout } from '../../staff/index.js';
import { berlinDateTime } from '#shared/time.js';

export interface StaffListRow {
  id: string;
  reference: string;
  flowId: string;
  status: SubmissionStatus;
  submittedAt: Date;
  facets: Record<string, string | number | boolean>;
}

export interface StaffListFilter {
  status?: SubmissionStatus | undefined;
  flow?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  reference?: string | undefined;
}

export function StaffList({ rows, filter }: { rows: StaffListRow[]; filter: StaffListFilter }) {
  const t = useT();
  const base = `${useTenantBase()}/staff/antraege`;
  return (
    <StaffLayout title={t('antrag:staff.listTitle')} wide>
      <h1 class="kern-heading-large">{t('antrag:staff.listTitle')}</h1>
      <form method="get" action={base} class="ww-filter">
        <SelectField
          name="status"
          label={t('antrag:staff.status')}
          value={filter.status ?? ''}
          options={[{ value: '', label: t('antrag:staff.all') }, ...submissionStatuses.map((s) => ({ value: s, label: t(`forms:status.values.${s}`) }))]}
        />
        <SelectField
          name="flow"
          label={t('antrag:staff.flow')}
          value={filter.flow ?? ''}
          options={[{ value: '', label: t('antrag:staff.all') }, { value: 'erstantrag', label: t('antrag:title') }, { value: 'bankverbindung', label: t('antrag:bank.title') }]}
        />
        <TextField name="from" type="date" label={t('antrag:staff.from')} value={filter.from} optional />
        <TextField name="to" type="date" label={t('antrag:staff.to')} value={filter.to} optional />
        <TextField name="reference" label={t('antrag:staff.reference')} value={filter.reference} optional spellcheck={false} />
        <div class="ww-actions">
          <Button variant="secondary">{t('antrag:staff.filter')}</Button>
        </div>
      </form>
      <p class="kern-body" role="status">
        {t('antrag:staff.count', { count: rows.length })}
      </p>
      {rows.length > 0 ? (
        <TableScroll>
          <table class="kern-table kern-table--small">
            <caption class="ww-visually-hidden">{t('antrag:staff.listTitle')}</caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                <th class="kern-table__header" scope="col">{t('antrag:staff.reference')}</th>
                <th class="kern-table__header" scope="col">{t('antrag:staff.flow')}</th>
                <th class="kern-table__header" scope="col">{t('antrag:staff.submitted')}</th>
                <th class="kern-table__header" scope="col">{t('antrag:staff.status')}</th>
                <th class="kern-table__header kern-table__header--numeric" scope="col">{t('antrag:staff.household')}</th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {rows.map((row) => (
                <tr class="kern-table__row" key={row.id}>
                  <td class="kern-table__cell">
                    <a class="kern-link" href={`${base}/${row.id}`}>
                      {row.reference}
                    </a>
                  </td>
                  <td class="kern-table__cell">{row.flowId === 'erstantrag' ? t('antrag:title') : t('antrag:bank.title')}</td>
                  <td class="kern-table__cell">{berlinDateTime(row.submittedAt).toFormat('dd.MM.yyyy HH:mm')}</td>
                  <td class="kern-table__cell">{t(`forms:status.values.${row.status}`)}</td>
                  <td class="kern-table__cell kern-table__cell--numeric">{typeof row.facets.householdSize === 'number' ? row.facets.householdSize : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </StaffLayout>
  );
}
