import { Alert, Button, ChoiceGroup, CsrfField, DataTable, SelectField, TextField } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import type { FieldError } from '#shared/http/errors.js';
import type { StaffTeam } from '../staff.tables.js';
import type { TeamMember } from '../teams.service.js';
import { StaffLayout } from './StaffLayout.js';

export function TeamsPage(props: { teams: (StaffTeam & { members: TeamMember[] })[]; errors: FieldError[]; values: Record<string, unknown>; notice?: string | undefined }) {
  const t = useT();
  const base = useTenantBase();
  const { csrfToken } = useView();
  return (
    <StaffLayout title={t('staff:teams.title')} wide>
      <h1 class="kern-heading-large">{t('staff:teams.title')}</h1>
      <ErrorSummary errors={props.errors} />
      {props.notice ? <Alert type="success" title={t(`staff:teams.notice.${props.notice}`)} /> : null}
      <DataTable
        head={[t('staff:teams.name'), t('staff:teams.leads'), t('staff:teams.members')]}
        rows={props.teams}
        rowKey={(team) => team.id}
        cells={(team) => [
          <a class="kern-link" href={`${base}/staff/admin/teams/${team.id}`}>
            {team.name}
          </a>,
          team.members
            .filter((m) => m.isLead)
            .map((m) => m.displayName)
            .join(', '),
          String(team.members.length),
        ]}
      />
      <h2 class="kern-heading-medium">{t('staff:teams.create')}</h2>
      <form method="post" action={`${base}/staff/admin/teams`} novalidate>
        <CsrfField token={csrfToken} />
        <TextField name="name" label={t('staff:teams.name')} value={props.values.name as string | undefined} autocomplete="off" error={errorsOf(props.errors, 'name')} />
        <div class="ww-actions">
          <Button>{t('staff:teams.create')}</Button>
        </div>
      </form>
    </StaffLayout>
  );
}

export function TeamPage(props: {
  team: StaffTeam;
  members: TeamMember[];
  candidates: { id: string; displayName: string }[];
  errors: FieldError[];
  notice?: string | undefined;
}) {
  const t = useT();
  const base = useTenantBase();
  const { csrfToken } = useView();
  const action = (path: string) => `${base}/staff/admin/teams/${props.team.id}/${path}`;
  return (
    <StaffLayout title={props.team.name} wide>
      <p class="ww-back">
        <a class="kern-link" href={`${base}/staff/admin/teams`}>
          {t('staff:teams.back')}
        </a>
      </p>
      <h1 class="kern-heading-large">{props.team.name}</h1>
      <ErrorSummary errors={props.errors} />
      {props.notice ? <Alert type="success" title={t(`staff:teams.notice.${props.notice}`)} /> : null}
      <h2 class="kern-heading-medium">{t('staff:teams.members')}</h2>
      {props.members.length === 0 ? (
        <p class="kern-body">{t('staff:teams.none')}</p>
      ) : (
        <DataTable
          head={[t('staff:teams.person'), t('staff:teams.role'), t('staff:teams.action')]}
          rows={props.members}
          rowKey={(m) => m.userId}
          cells={(m) => [
            m.displayName,
            t(m.isLead ? 'staff:teams.lead' : 'staff:teams.member'),
            <div class="ww-actions">
              <form method="post" action={action(`members/${m.userId}/lead`)}>
                <CsrfField token={csrfToken} />
                <input type="hidden" name="isLead" value={m.isLead ? 'false' : 'true'} />
                <Button variant="secondary">{t(m.isLead ? 'staff:teams.unsetLead' : 'staff:teams.makeLead')}</Button>
              </form>
              <form method="post" action={action(`members/${m.userId}/remove`)}>
                <CsrfField token={csrfToken} />
                <Button variant="tertiary">{t('staff:teams.remove')}</Button>
              </form>
            </div>,
          ]}
        />
      )}
      {props.candidates.length ? (
        <>
          <h2 class="kern-heading-medium">{t('staff:teams.addMember')}</h2>
          <form method="post" action={action('members')} novalidate>
            <CsrfField token={csrfToken} />
            <SelectField
              name="userId"
              label={t('staff:teams.person')}
              options={[{ value: '', label: '' }, ...props.candidates.map((c) => ({ value: c.id, label: c.displayName }))]}
              error={errorsOf(props.errors, 'userId')}
            />
            <ChoiceGroup name="isLead" legend={t('staff:teams.role')} multiple optional options={[{ value: 'on', label: t('staff:teams.isLead') }]} />
            <div class="ww-actions">
              <Button>{t('staff:teams.add')}</Button>
            </div>
          </form>
        </>
      ) : null}
    </StaffLayout>
  );
}
