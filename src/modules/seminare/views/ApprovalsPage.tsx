import { Alert, Button, ChoiceGroup, CsrfField, DataTable, SummaryList, TextArea } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import type { FieldError } from '#shared/http/errors.js';
import { StaffLayout } from '../../staff/index.js';
import type { withDetails } from '../account.service.js';
import { formatDateTimeMedium } from '#shared/time.js';
import { formatDays } from '../format.js';

export type Pending = Awaited<ReturnType<typeof withDetails>>[number];

export function ApprovalsPage(props: { pending: Pending[]; notice?: string | undefined }) {
  const t = useT();
  const base = useTenantBase();
  const { lang } = useView();
  return (
    <StaffLayout title={t('seminare:approvals.title')} wide>
      <h1 class="kern-heading-large">{t('seminare:approvals.title')}</h1>
      {props.notice ? <Alert type="success" title={t(`seminare:notice.${props.notice}`)} /> : null}
      {props.pending.length === 0 ? (
        <p class="kern-body">{t('seminare:approvals.none')}</p>
      ) : (
        <DataTable
          head={[t('seminare:approvals.person'), t('seminare:my.seminar'), t('seminare:my.dates'), t('seminare:my.status'), t('seminare:approvals.requested')]}
          rows={props.pending}
          rowKey={(e) => e.id}
          cells={(e) => [
            <a class="kern-link" href={`${base}/staff/seminare/freigaben/${e.id}`}>
              {e.name}
            </a>,
            e.seminar.title,
            formatDays(e.days, lang),
            t(`seminare:status.${e.status}`),
            formatDateTimeMedium(e.requestedAt, lang),
          ]}
        />
      )}
    </StaffLayout>
  );
}

export function DecisionPage(props: { request: Pending; personalratRequired: boolean; errors: FieldError[]; values: Record<string, unknown> }) {
  const t = useT();
  const base = useTenantBase();
  const { csrfToken, lang } = useView();
  const e = props.request;
  const err = (field: string) => errorsOf(props.errors, field);
  return (
    <StaffLayout title={t('seminare:approvals.decide')}>
      <p class="ww-back">
        <a class="kern-link" href={`${base}/staff/seminare/freigaben`}>
          {t('seminare:approvals.back')}
        </a>
      </p>
      <h1 class="kern-heading-large">{t('seminare:approvals.decide')}</h1>
      <ErrorSummary errors={props.errors} />
      <SummaryList
        rows={[
          { key: t('seminare:approvals.person'), value: e.name },
          { key: t('seminare:my.seminar'), value: e.seminar.title },
          { key: t('seminare:my.dates'), value: formatDays(e.days, lang) },
          { key: t('seminare:my.status'), value: t(`seminare:status.${e.status}`) },
          { key: t('seminare:approvals.requested'), value: formatDateTimeMedium(e.requestedAt, lang) },
          ...(e.note ? [{ key: t('seminare:approvals.note'), value: e.note }] : []),
        ]}
      />
      <form method="post" action={`${base}/staff/seminare/freigaben/${e.id}`} novalidate>
        <CsrfField token={csrfToken} />
        <TextArea name="reason" label={t('seminare:approvals.reason')} hint={t('seminare:approvals.reasonHint')} optional rows={3} value={props.values.reason as string | undefined} error={err('reason')} />
        {e.status === 'pending_hr' && props.personalratRequired ? (
          <ChoiceGroup name="personalrat" legend={t('seminare:approvals.personalratLegend')} multiple optional options={[{ value: 'on', label: t('seminare:approvals.personalrat') }]} error={err('personalrat')} />
        ) : null}
        <div class="ww-actions">
          <Button name="decision" value="approve">
            {t('seminare:approvals.approve')}
          </Button>
          <Button name="decision" value="reject" variant="secondary">
            {t('seminare:approvals.reject')}
          </Button>
        </div>
      </form>
    </StaffLayout>
  );
}
