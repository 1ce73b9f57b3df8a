import { Alert, Button, ButtonLink, ChoiceGroup, CsrfField, SummaryList, TextField, TableScroll } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import type { FieldError } from '#shared/http/errors.js';
import { roles as allRoles } from '../permissions.js';
import type { StaffSession, StaffUser } from '../staff.tables.js';
import { SessionsTable } from './SessionsTable.js';
import { StaffLayout } from './StaffLayout.js';

function statusKey(u: StaffUser): string {
  if (!u.active) return 'inactive';
  if (!u.passwordHash) return 'invited';
  if (!u.totpSecret) return 'noSecondFactor';
  return 'active';
}

function useRoleOptions(grantPlatform: boolean) {
  const t = useT();
  return allRoles
    .filter((r) => r !== 'platform_admin' || grantPlatform)
    .map((r) => ({ value: r, label: t(`staff:roles.${r}`), hint: t(`staff:roleHints.${r}`) }));
}

export function UsersPage({ users, notice }: { users: StaffUser[]; notice?: string | undefined }) {
  const t = useT();
  const base = useTenantBase();
  return (
    <StaffLayout title={t('staff:admin.usersTitle')} wide>
      <h1 class="kern-heading-large">{t('staff:admin.usersTitle')}</h1>
      {notice ? <Alert type="success" title={t(`staff:admin.notice.${notice}`)} /> : null}
      <div class="ww-actions">
        <ButtonLink href={`${base}/staff/admin/users/new`}>{t('staff:admin.invite')}</ButtonLink>
        <a class="kern-link" href={`${base}/staff/admin/sessions`}>
          {t('staff:admin.allSessions')}
        </a>
      </div>
      <TableScroll>
        <table class="kern-table">
          <caption class="kern-title">{t('staff:admin.usersCaption', { count: users.length })}</caption>
          <thead class="kern-table__head">
            <tr class="kern-table__row">
              <th scope="col" class="kern-table__header">{t('staff:account.name')}</th>
              <th scope="col" class="kern-table__header">{t('staff:login.email')}</th>
              <th scope="col" class="kern-table__header">{t('staff:start.roles')}</th>
              <th scope="col" class="kern-table__header">{t('staff:admin.status')}</th>
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {users.map((u) => (
              <tr class="kern-table__row" key={u.id}>
                <td class="kern-table__cell">
                  <a class="kern-link" href={`${base}/staff/admin/users/${u.id}`}>
                    {u.displayName}
                  </a>
                </td>
                <td class="kern-table__cell">{u.email}</td>
                <td class="kern-table__cell">{u.roles.map((r) => t(`staff:roles.${r}`)).join(', ')}</td>
                <td class="kern-table__cell">{t(`staff:admin.statusValue.${statusKey(u)}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </StaffLayout>
  );
}

export function InvitePage({ errors, values, grantPlatform }: { errors: FieldError[]; values: Record<string, unknown>; grantPlatform: boolean }) {
  const t = useT();
  const base = useTenantBase();
  const { csrfToken } = useView();
  const roleValue = values.roles as string | string[] | undefined;
  return (
    <StaffLayout title={t('staff:admin.invite')}>
      <p class="ww-back">
        <a class="kern-link" href={`${base}/staff/admin/users`}>
          {t('staff:admin.backToUsers')}
        </a>
      </p>
      <h1 class="kern-heading-large">{t('staff:admin.invite')}</h1>
      <ErrorSummary errors={errors} />
      <p class="kern-body">{t('staff:admin.inviteIntro')}</p>
      <form method="post" action={`${base}/staff/admin/users/new`} novalidate>
        <CsrfField token={csrfToken} />
        <TextField name="displayName" label={t('staff:account.name')} value={values.displayName as string | undefined} autocomplete="off" error={errorsOf(errors, 'displayName')} />
        <TextField name="email" type="email" label={t('staff:login.email')} value={values.email as string | undefined} autocomplete="off" spellcheck={false} error={errorsOf(errors, 'email')} />
        <ChoiceGroup name="roles" legend={t('staff:start.roles')} multiple options={useRoleOptions(grantPlatform)} value={roleValue} error={errorsOf(errors, 'roles')} />
        <div class="ww-actions">
          <Button>{t('staff:admin.sendInvite')}</Button>
        </div>
      </form>
    </StaffLayout>
  );
}

export function UserPage(props: {
  user: StaffUser;
  sessions: StaffSession[];
  currentSessionId: string;
  recoveryCodesLeft: number;
  errors: FieldError[];
  notice?: string | undefined;
  grantPlatform: boolean;
  isSelf: boolean;
}) {
  const t = useT();
  const base = useTenantBase();
  const { csrfToken } = useView();
  const { user } = props;
  const action = (what: string) => `${base}/staff/admin/users/${user.id}/${what}`;
  return (
    <StaffLayout title={user.displayName} wide>
      <p class="ww-back">
        <a class="kern-link" href={`${base}/staff/admin/users`}>
          {t('staff:admin.backToUsers')}
        </a>
      </p>
      <h1 class="kern-heading-large">{user.displayName}</h1>
      <ErrorSummary errors={props.errors} />
      {props.notice ? <Alert type="success" title={t(`staff:admin.notice.${props.notice}`)} /> : null}
      <SummaryList
        rows={[
          { key: t('staff:login.email'), value: user.email },
          { key: t('staff:admin.status'), value: t(`staff:admin.statusValue.${statusKey(user)}`) },
          { key: t('staff:account.recoveryCodes'), value: String(props.recoveryCodesLeft) },
        ]}
      />
      <h2 class="kern-heading-medium">{t('staff:start.roles')}</h2>
      <form method="post" action={action('roles')} novalidate>
        <CsrfField token={csrfToken} />
        <ChoiceGroup name="roles" legend={t('staff:admin.rolesLegend')} multiple options={useRoleOptions(props.grantPlatform || user.roles.includes('platform_admin'))} value={user.roles} error={errorsOf(props.errors, 'roles')} />
        <div class="ww-actions">
          <Button>{t('staff:admin.saveRoles')}</Button>
        </div>
      </form>
      <h2 class="kern-heading-medium">{t('staff:admin.security')}</h2>
      <div class="ww-actions">
        {!user.passwordHash && user.active ? (
          <form method="post" action={action('invite')}>
            <CsrfField token={csrfToken} />
            <Button variant="secondary">{t('staff:admin.resendInvite')}</Button>
          </form>
        ) : null}
        {user.totpSecret ? (
          <form method="post" action={action('reset-2fa')}>
            <CsrfField token={csrfToken} />
            <Button variant="secondary">{t('staff:admin.resetSecondFactor')}</Button>
          </form>
        ) : null}
        {props.isSelf ? null : (
          <form method="post" action={action(user.active ? 'deactivate' : 'activate')}>
            <CsrfField token={csrfToken} />
            <Button variant="secondary">{t(user.active ? 'staff:admin.deactivate' : 'staff:admin.activate')}</Button>
          </form>
        )}
      </div>
      <h2 class="kern-heading-medium">{t('staff:sessions.title')}</h2>
      <SessionsTable sessions={props.sessions} currentId={props.currentSessionId} revokeAction={(id) => `${base}/staff/admin/sessions/${id}/revoke`} />
    </StaffLayout>
  );
}

export function AllSessionsPage({ sessions, names, currentSessionId }: { sessions: StaffSession[]; names: Map<string, string>; currentSessionId: string }) {
  const t = useT();
  const base = useTenantBase();
  return (
    <StaffLayout title={t('staff:admin.allSessions')} wide>
      <p class="ww-back">
        <a class="kern-link" href={`${base}/staff/admin/users`}>
          {t('staff:admin.backToUsers')}
        </a>
      </p>
      <h1 class="kern-heading-large">{t('staff:admin.allSessions')}</h1>
      <SessionsTable sessions={sessions} names={names} currentId={currentSessionId} revokeAction={(id) => `${base}/staff/admin/sessions/${id}/revoke`} />
    </StaffLayout>
  );
}
