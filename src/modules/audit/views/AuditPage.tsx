import { Button, DateField, SelectField, TableScroll, TextField } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import type { FieldError } from '#shared/http/errors.js';
import { StaffLayout } from '../../staff/index.js';
import type { AuditRow } from '#shared/audit/index.js';
import { formatDateTimeSeconds } from '#shared/time.js';

interface Props {
  people: { id: string; displayName: string }[];
  values: Record<string, string | undefined>;
  errors: FieldError[];
  rows: AuditRow[];
  hasMore: boolean;
  page: number;
}

const filterKeys = ['actor', 'objectType', 'objectId', 'from', 'to'] as const;

export function AuditPage({ people, values, errors, rows, hasMore, page }: Props) {
  const t = useT();
  const base = useTenantBase();
  const { lang } = useView();
  const names = new Map(people.map((p) => [p.id, p.displayName]));
  const query = (extra: Record<string, string> = {}) => {
    const params = new URLSearchParams();
    for (const k of filterKeys) if (values[k]) params.set(k, values[k]!);
    for (const [k, v] of Object.entries(extra)) params.set(k, v);
    const s = params.toString();
    return s ? `?${s}` : '';
  };
  const error = (field: string) => errorsOf(errors, field);
  return (
    <StaffLayout title={t('audit:title')} wide>
      <h1 class="kern-heading-large">{t('audit:title')}</h1>
      <ErrorSummary errors={errors} />
      <p class="kern-body">{t('audit:intro')}</p>
      <form method="get" action={`${base}/staff/audit`} class="ww-audit-filter" novalidate>
        <SelectField
          name="actor"
          label={t('audit:filter.actor')}
          options={[{ value: '', label: t('audit:filter.anyone') }, ...people.map((p) => ({ value: p.id, label: p.displayName }))]}
          value={values.actor}
          error={error('actor')}
        />
        <TextField name="objectType" label={t('audit:filter.objectType')} hint={t('audit:filter.objectTypeHint')} value={values.objectType} optional error={error('objectType')} />
        <TextField name="objectId" label={t('audit:filter.objectId')} value={values.objectId} optional spellcheck={false} error={error('objectId')} />
        <DateField name="from" label={t('audit:filter.from')} value={values.from} optional error={error('from')} />
        <DateField name="to" label={t('audit:filter.to')} value={values.to} optional error={error('to')} />
        <div class="ww-actions">
          <Button>{t('audit:filter.submit')}</Button>
          <a class="kern-link" href={`${base}/staff/audit.csv${query()}`} download>
            {t('audit:export')}
          </a>
        </div>
      </form>
      <TableScroll>
        <table class="kern-table">
          <caption class="kern-title">{t('audit:caption', { page })}</caption>
          <thead class="kern-table__head">
            <tr class="kern-table__row">
              {['at', 'actor', 'action', 'object', 'purpose'].map((c) => (
                <th scope="col" class="kern-table__header" key={c}>
                  {t(`audit:columns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {rows.length === 0 ? (
              <tr class="kern-table__row">
                <td class="kern-table__cell" colSpan={5}>
                  {t('audit:empty')}
                </td>
              </tr>
            ) : null}
            {rows.map((r) => (
              <tr class="kern-table__row" key={r.id}>
                <td class="kern-table__cell">{formatDateTimeSeconds(r.at, lang)}</td>
                <td class="kern-table__cell">
                  {r.actorId ? (names.get(r.actorId) ?? r.actorId) : t('audit:noActor')}
                  {r.actorRoles.length ? ` (${r.actorRoles.join(', ')})` : ''}
                </td>
                <td class="kern-table__cell">{r.action}</td>
                <td class="kern-table__cell">
                  {r.objectType}
                  {r.objectId ? ` ${r.objectId}` : ''}
                </td>
                <td class="kern-table__cell">{r.purpose ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <nav class="ww-actions" aria-label={t('audit:pages')}>
        {page > 1 ? (
          <a class="kern-link" href={`${base}/staff/audit${query({ page: String(page - 1) })}`}>
            {t('audit:previous')}
          </a>
        ) : null}
        {hasMore ? (
          <a class="kern-link" href={`${base}/staff/audit${query({ page: String(page + 1) })}`}>
            {t('audit:next')}
          </a>
        ) : null}
      </nav>
    </StaffLayout>
  );
}
