import { Alert, Button, CsrfField, SummaryList } from '#shared/html/components.js';
import { ErrorSummary } from '#shared/html/form-errors.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import type { FieldError } from '#shared/http/errors.js';
import type { StaffSession } from '../staff.tables.js';
import { SessionsTable } from './SessionsTable.js';
import { StaffLayout } from './StaffLayout.js';

export function AccountPage(props: {
  email: string;
  roles: string[];
  sessions: StaffSession[];
  currentSessionId: string;
  recoveryCodesLeft: number;
  notice?: string | undefined;
  errors?: FieldError[];
}) {
  const t = useT();
  const base = useTenantBase();
  const { staffUser, csrfToken } = useView();
  return (
    <StaffLayout title={t('staff:account.title')} wide>
      <h1 class="kern-heading-large">{t('staff:account.title')}</h1>
      <ErrorSummary errors={props.errors ?? []} />
      {props.notice ? <Alert type="success" title={t(`staff:account.notice.${props.notice}`)} /> : null}
      <SummaryList
        rows={[
          { key: t('staff:account.name'), value: staffUser?.displayName ?? '' },
          { key: t('staff:login.email'), value: props.email },
          { key: t('staff:start.roles'), value: props.roles.map((r) => t(`staff:roles.${r}`)).join(', ') },
          { key: t('staff:account.recoveryCodes'), value: String(props.recoveryCodesLeft) },
          { key: t('staff:login.password'), value: '••••••••••••', change: { href: `${base}/staff/account/password`, label: t('common:form.change') } },
        ]}
      />
      <h2 class="kern-heading-medium">{t('staff:sessions.title')}</h2>
      <SessionsTable sessions={props.sessions} currentId={props.currentSessionId} revokeAction={(id) => `${base}/staff/account/sessions/${id}/revoke`} />
      <form method="post" action={`${base}/staff/logout`}>
        <CsrfField token={csrfToken} />
        <div class="ww-actions">
          <Button variant="secondary" name="everywhere" value="1">
            {t('staff:logout.everywhere')}
          </Button>
        </div>
      </form>
    </StaffLayout>
  );
}
