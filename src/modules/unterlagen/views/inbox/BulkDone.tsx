import { Alert, ButtonLink } from '#shared/html/components.js';
import { useT, useTenantBase } from '#shared/html/context.js';
import { StaffLayout } from '../../../staff/index.js';
import type { BulkOutcome } from '../../bulk.service.js';

/** What a bulk action did, item by item, and what it left as it was (with the reason). */
export function BulkDone({ outcome, back }: { outcome: BulkOutcome; back: string }) {
  const t = useT();
  const base = `${useTenantBase()}/staff/unterlagen`;
  const title =
    outcome.action === 'accept'
      ? t('unterlagen:staff.bulk.acceptedTitle', { count: outcome.done.length })
      : outcome.assignee
        ? t('unterlagen:staff.bulk.assignedTitle', { count: outcome.done.length, name: outcome.assignee })
        : t('unterlagen:staff.bulk.unassignedTitle', { count: outcome.done.length });
  return (
    <StaffLayout title={title} wide>
      <h1 class="kern-heading-large">{t('unterlagen:staff.bulk.doneHeading')}</h1>
      <Alert type={outcome.done.length ? 'success' : 'warning'} title={title}>
        {outcome.done.length ? (
          <ul class="kern-list kern-list--bullet">
            {outcome.done.map((u) => (
              <li key={u.id}>
                <a class="kern-link" href={`${base}/${u.id}`}>
                  {u.reference}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </Alert>
      {outcome.skipped.length ? (
        <Alert type="warning" title={t('unterlagen:staff.bulk.skippedTitle', { count: outcome.skipped.length })}>
          <ul class="kern-list kern-list--bullet">
            {outcome.skipped.map((u) => (
              <li key={u.id}>
                <a class="kern-link" href={`${base}/${u.id}`}>
                  {u.reference}
                </a>
                : {t(`unterlagen:staff.bulk.skipped.${u.reason}`)}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <div class="ww-actions">
        <ButtonLink href={back}>{t('unterlagen:staff.bulk.back')}</ButtonLink>
      </div>
    </StaffLayout>
  );
}
