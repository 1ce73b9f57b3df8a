// The training office's forms: a seminar (catalogue entry with target groups and mandatory rules) and a session
// (room or online link, seats, deadlines, up to five days). Re-rendered with the typed values and field errors.
import { BackLink, Button, ChoiceGroup, CsrfField, DateField, SelectField, TextArea, TextField } from '#shared/html/components.js';
import { errorsOf, ErrorSummary, type FieldErrors } from '#shared/html/form-errors.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import type { FieldError } from '#shared/http/errors.js';
import { berlinDate, berlinTime } from '#shared/time.js';
import { roles } from '../../staff/index.js';
import { StaffLayout } from '../../staff/index.js';
import type { seminarFormChoices } from '../catalogue.service.js';
import { DAY_ROWS } from '../office.schemas.js';
import type { Seminar, SeminarSession, SeminarSessionDay } from '../seminare.tables.js';

export type FormValues = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const arr = (v: unknown) => (Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : []);

/** The form values of a stored seminar. */
export function seminarValues(s: Seminar): FormValues {
  return {
    title: s.title,
    description: s.description,
    categoryId: s.categoryId,
    ue: String(s.ue),
    trainerUserId: s.trainerUserId ?? '',
    externalTrainer: s.externalTrainer ?? '',
    fee: (s.feeCents / 100).toFixed(2).replace('.', ','),
    prerequisites: s.prerequisites,
    targetRoles: s.targetRoles,
    targetTeams: s.targetTeams,
    mandatoryForRoles: s.mandatoryForRoles,
    mandatoryForTeams: s.mandatoryForTeams,
    validityMonths: s.validityMonths ? String(s.validityMonths) : '',
    attendanceThresholdPercent: String(s.attendanceThresholdPercent),
    active: s.active ? 'on' : '',
  };
}

/** The form values of a stored session. */
export function sessionValues(s: SeminarSession, days: SeminarSessionDay[]): FormValues {
  const values: FormValues = {
    room: s.room ?? '',
    onlineUrl: s.onlineUrl ?? '',
    seats: String(s.seats),
    minParticipants: String(s.minParticipants),
    enrolmentDeadline: berlinDate(s.enrolmentDeadline),
    cancellationDeadline: berlinDate(s.cancellationDeadline),
  };
  days.forEach((d, i) => Object.assign(values, { [`day${i + 1}Date`]: berlinDate(d.startsAt), [`day${i + 1}From`]: berlinTime(d.startsAt), [`day${i + 1}To`]: berlinTime(d.endsAt) }));
  return values;
}

type Choices = Awaited<ReturnType<typeof seminarFormChoices>>;

export function SeminarFormPage(props: { seminarId?: string | undefined; choices: Choices; values: FormValues; errors: FieldError[] }) {
  const t = useT();
  const base = useTenantBase();
  const { csrfToken } = useView();
  const v = props.values;
  const err = (field: string) => errorsOf(props.errors, field);
  const title = props.seminarId ? t('seminare:office.editSeminar') : t('seminare:office.newSeminar');
  const roleOptions = roles.filter((r) => r !== 'platform_admin').map((r) => ({ value: r, label: t(`staff:roles.${r}`) }));
  const teamOptions = props.choices.teams.map((x) => ({ value: x.id, label: x.name }));
  const action = props.seminarId ? `${base}/staff/seminare/seminare/${props.seminarId}` : `${base}/staff/seminare/seminare`;
  return (
    <StaffLayout title={title}>
      <BackLink href={`${base}/staff/seminare`} />
      <h1 class="kern-heading-large">{title}</h1>
      <ErrorSummary errors={props.errors} labels={{ title: t('seminare:office.title'), description: t('seminare:office.description'), categoryId: t('seminare:catalogue.category'), ue: t('seminare:office.ue'), externalTrainer: t('seminare:office.externalTrainer'), fee: t('seminare:office.fee'), validityMonths: t('seminare:office.validityMonths'), attendanceThresholdPercent: t('seminare:office.threshold') }} />
      <form method="post" action={action} novalidate>
        <CsrfField token={csrfToken} />
        <TextField name="title" label={t('seminare:office.title')} value={str(v.title)} error={err('title')} />
        <TextArea name="description" label={t('seminare:office.description')} optional rows={4} value={str(v.description)} error={err('description')} />
        <SelectField
          name="categoryId"
          label={t('seminare:catalogue.category')}
          value={str(v.categoryId)}
          error={err('categoryId')}
          options={[{ value: '', label: t('seminare:office.choose') }, ...props.choices.categories.map((c) => ({ value: c.id, label: c.name }))]}
        />
        <TextField name="ue" label={t('seminare:office.ue')} hint={t('seminare:office.ueHint')} inputmode="numeric" width={4} value={str(v.ue)} error={err('ue')} />
        <SelectField
          name="trainerUserId"
          label={t('seminare:office.trainerUser')}
          optional
          value={str(v.trainerUserId)}
          error={err('trainerUserId')}
          options={[{ value: '', label: t('seminare:office.noTrainerUser') }, ...props.choices.trainers.map((x) => ({ value: x.id, label: x.displayName }))]}
        />
        <TextField name="externalTrainer" label={t('seminare:office.externalTrainer')} hint={t('seminare:office.externalTrainerHint')} optional value={str(v.externalTrainer)} error={err('externalTrainer')} />
        <TextField name="fee" label={t('seminare:office.fee')} hint={t('seminare:office.feeHint')} inputmode="decimal" width={4} optional value={str(v.fee)} error={err('fee')} />
        <TextArea name="prerequisites" label={t('seminare:catalogue.prerequisites')} optional rows={2} value={str(v.prerequisites)} error={err('prerequisites')} />
        <ChoiceGroup name="targetRoles" legend={t('seminare:office.targetRoles')} hint={t('seminare:office.targetHint')} multiple optional options={roleOptions} value={arr(v.targetRoles)} error={err('targetRoles')} />
        {teamOptions.length ? <ChoiceGroup name="targetTeams" legend={t('seminare:office.targetTeams')} multiple optional options={teamOptions} value={arr(v.targetTeams)} error={err('targetTeams')} /> : null}
        <ChoiceGroup name="mandatoryForRoles" legend={t('seminare:office.mandatoryForRoles')} multiple optional options={roleOptions} value={arr(v.mandatoryForRoles)} error={err('mandatoryForRoles')} />
        {teamOptions.length ? (
          <ChoiceGroup name="mandatoryForTeams" legend={t('seminare:office.mandatoryForTeams')} multiple optional options={teamOptions} value={arr(v.mandatoryForTeams)} error={err('mandatoryForTeams')} />
        ) : null}
        <TextField name="validityMonths" label={t('seminare:office.validityMonths')} hint={t('seminare:office.validityHint')} inputmode="numeric" width={4} optional value={str(v.validityMonths)} error={err('validityMonths')} />
        <TextField name="attendanceThresholdPercent" label={t('seminare:office.threshold')} inputmode="numeric" width={4} value={str(v.attendanceThresholdPercent) ?? '80'} error={err('attendanceThresholdPercent')} />
        <ChoiceGroup name="active" legend={t('seminare:office.activeLegend')} multiple optional options={[{ value: 'on', label: t('seminare:office.active') }]} value={str(v.active)} error={err('active')} />
        <div class="ww-actions">
          <Button>{t('seminare:office.save')}</Button>
        </div>
      </form>
    </StaffLayout>
  );
}

export function SessionFormPage(props: { seminar: Seminar; sessionId?: string | undefined; cancellable?: boolean; values: FormValues; errors: FieldError[] }) {
  const t = useT();
  const base = useTenantBase();
  const { csrfToken } = useView();
  const v = props.values;
  const err = (field: string) => errorsOf(props.errors, field);
  const title = props.sessionId ? t('seminare:office.editSession') : t('seminare:office.newSession');
  const labels = sessionLabels(t);
  const action = props.sessionId ? `${base}/staff/seminare/termine/${props.sessionId}/bearbeiten` : `${base}/staff/seminare/seminare/${props.seminar.id}/termine`;
  return (
    <StaffLayout title={title}>
      <BackLink href={`${base}/staff/seminare`} />
      <h1 class="kern-heading-large">
        {title}: {props.seminar.title}
      </h1>
      <ErrorSummary errors={props.errors} labels={labels} order={Object.keys(labels)} />
      <form method="post" action={action} novalidate>
        <CsrfField token={csrfToken} />
        {/* One of the two is required: neither field is marked optional, the group says what is needed. */}
        <fieldset class="kern-fieldset" aria-describedby="session-place-hint">
          <legend class="kern-label">{t('seminare:office.place')}</legend>
          <div class="kern-hint" id="session-place-hint">
            {t('seminare:office.placeHint')}
          </div>
          <div class="kern-fieldset__body">
            <TextField name="room" label={t('seminare:office.room')} value={str(v.room)} error={err('room')} />
            <TextField name="onlineUrl" label={t('seminare:office.onlineUrl')} value={str(v.onlineUrl)} error={err('onlineUrl')} />
          </div>
        </fieldset>
        <TextField name="seats" label={t('seminare:office.seats')} hint={props.sessionId ? t('seminare:office.seatsHint') : undefined} inputmode="numeric" width={4} value={str(v.seats)} error={err('seats')} />
        <TextField name="minParticipants" label={t('seminare:office.minParticipants')} inputmode="numeric" width={4} optional value={str(v.minParticipants)} error={err('minParticipants')} />
        <DateField name="enrolmentDeadline" label={t('seminare:office.enrolmentDeadline')} value={str(v.enrolmentDeadline)} error={err('enrolmentDeadline')} />
        <DateField name="cancellationDeadline" label={t('seminare:office.cancellationDeadline')} value={str(v.cancellationDeadline)} error={err('cancellationDeadline')} />
        {Array.from({ length: DAY_ROWS }, (_, i) => {
          const n = i + 1;
          return (
            <fieldset class="kern-fieldset ww-session-day" key={n}>
              <legend class="kern-label">
                {t('seminare:office.day', { n })}
                {n > 1 ? <span class="kern-label__optional"> {t('common:form.optional')}</span> : null}
              </legend>
              <div class="kern-fieldset__body">
                <DateField name={`day${n}Date`} label={t('seminare:office.dayDate', { n })} optional={n > 1} value={str(v[`day${n}Date`])} error={err(`day${n}Date`)} />
                <TextField name={`day${n}From`} label={t('seminare:office.dayFrom', { n })} hint={t('seminare:office.timeHint')} width={4} optional={n > 1} value={str(v[`day${n}From`])} error={err(`day${n}From`)} />
                <TextField name={`day${n}To`} label={t('seminare:office.dayTo', { n })} width={4} optional={n > 1} value={str(v[`day${n}To`])} error={err(`day${n}To`)} />
              </div>
            </fieldset>
          );
        })}
        <div class="ww-actions">
          <Button>{t('seminare:office.save')}</Button>
        </div>
      </form>
      {props.sessionId && props.cancellable ? <CancelSessionForm sessionId={props.sessionId} error={err('confirm')} /> : null}
    </StaffLayout>
  );
}

function CancelSessionForm(props: { sessionId: string; error?: FieldErrors }) {
  const t = useT();
  const base = useTenantBase();
  const { csrfToken } = useView();
  return (
    <form method="post" action={`${base}/staff/seminare/termine/${props.sessionId}/absagen`} novalidate class="ww-cancel-session">
      <h2 class="kern-heading-medium">{t('seminare:office.cancelSession')}</h2>
      <CsrfField token={csrfToken} />
      <ChoiceGroup name="confirm" legend={t('seminare:office.cancelLegend')} hint={t('seminare:office.cancelHint')} multiple options={[{ value: 'on', label: t('seminare:office.cancelConfirm') }]} error={props.error} />
      <div class="ww-actions">
        <Button variant="secondary">{t('seminare:office.cancelSession')}</Button>
      </div>
    </form>
  );
}

/**
 * The session form's field labels for the error summary, in the form's order (the summary follows it): its two
 * deadlines and up to five days share messages.
 */
function sessionLabels(t: (key: string, params?: Record<string, unknown>) => string): Record<string, string> {
  const labels: Record<string, string> = {
    room: t('seminare:office.room'),
    onlineUrl: t('seminare:office.onlineUrl'),
    seats: t('seminare:office.seats'),
    minParticipants: t('seminare:office.minParticipants'),
    enrolmentDeadline: t('seminare:office.enrolmentDeadline'),
    cancellationDeadline: t('seminare:office.cancellationDeadline'),
  };
  for (let n = 1; n <= DAY_ROWS; n++) {
    labels[`day${n}Date`] = t('seminare:office.dayDate', { n });
    labels[`day${n}From`] = t('seminare:office.dayFrom', { n });
    labels[`day${n}To`] = t('seminare:office.dayTo', { n });
  }
  return labels;
}
