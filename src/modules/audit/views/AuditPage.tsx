import { Button, DateField, SelectField, TableScroll, TextField } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import type { FieldError } from '#shared/http/errors.js';
import { StaffLayout } from '../../staff/index.js';
import type { AuditRow, AuditVocabulary } from '#shared/audit/index.js';
import { formatDateTimeSeconds } from '#shared/time.js';
import { actionLabel, labelledOptions, linkActorLabel, objectTypeLabel } from '../labels.js';

interface Props {
  people: { id: string; displayName: string }[];
  /** Every module's audit words: the options of the action and object type filters. */
  vocabularies: readonly AuditVocabulary[];
  values: Record<string, string | undefined>;
  errors: FieldError[];
  rows: AuditRow[];
  hasMore: boolean;
  page: number;
}

const filterKeys = ['actor', 'action', 'objectType', 'objectId', 'from', 'to'] as const;
const columns = ['at', 'actor', 'action', 'object', 'purpose'] as const;

export function AuditPage({ people, vocabularies, values, errors, rows, hasMore, page }: Props) {
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
  const labelOfAction = (id: string) => actionLabel(t, id);
  const labelOfObjectType = (id: string) => objectTypeLabel(t, id);
  const role = (r: string) => t(`staff:roles.${r}`, { defaultValue: r });
  const column = (c: (typeof columns)[number]) => t(`audit:columns.${c}`);
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
        <SelectField
          name="action"
          label={t('audit:filter.action')}
          options={[{ value: '', label: t('audit:filter.anyAction') }, ...labelledOptions(vocabularies.flatMap((v) => v.actions), labelOfAction, lang, values.action)]}
          value={values.action}
          error={error('action')}
        />
        <SelectField
          name="objectType"
          label={t('audit:filter.objectType')}
          options={[{ value: '', label: t('audit:filter.anyObjectType') }, ...labelledOptions(vocabularies.flatMap((v) => v.objectTypes), labelOfObjectType, lang, values.objectType)]}
          value={values.objectType}
          error={error('objectType')}
        />
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
        <table class="kern-table ww-table--stacked">
          <caption class="kern-title">{t('audit:caption', { page })}</caption>
          <thead class="kern-table__head">
            <tr class="kern-table__row">
              {columns.map((c) => (
                <th scope="col" class="kern-table__header" key={c}>
                  {column(c)}
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
                <td class="kern-table__cell" data-label={column('at')}>
                  {formatDateTimeSeconds(r.at, lang)}
                </td>
                <td class="kern-table__cell" data-label={column('actor')}>
                  {r.actorId ? (
                    <>
                      {names.get(r.actorId) ?? r.actorId}
                      {r.actorRoles.length ? ` (${r.actorRoles.map(role).join(', ')})` : ''}
                    </>
                  ) : (
                    (linkActorLabel(t, r.actorRoles) ?? t('audit:noActor'))
                  )}
                </td>
                <td class="kern-table__cell" data-label={column('action')}>
                  <Labelled label={labelOfAction(r.action)} id={r.action} />
                </td>
                <td class="kern-table__cell" data-label={column('object')}>
                  <Labelled label={labelOfObjectType(r.objectType)} id={r.objectId ? `${r.objectType} ${r.objectId}` : r.objectType} />
                </td>
                <td class="kern-table__cell" data-label={column('purpose')}>
                  {r.purpose ?? ''}
                </td>
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

/** A word of the log for its reader, with its technical id below it (what the CSV and a search by id use). */
function Labelled({ label, id }: { label: string | undefined; id: string }) {
  return (
    <>
      {label ? <span class="ww-audit-label">{label}</span> : null}
      <code class="ww-audit-id">{id}</code>
    </>
  );
}
