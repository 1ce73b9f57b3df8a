import { Alert, Button, CsrfField, TableScroll } from '#shared/html/components.js';
import { ErrorSummary } from '#shared/html/form-errors.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import type { FieldError } from '#shared/http/errors.js';
import { Layout } from '#shared/html/Layout.js';
import { StaffLayout } from '../../staff/index.js';
import type { sheetOf, Verification } from '../certificates.service.js';
import { formatDays } from '../format.js';

type Sheet = Awaited<ReturnType<typeof sheetOf>>;
const levels = [100, 75, 50, 25, 0];

/** Title, days and place of the session, its errors and a notice. */
function SessionHeader(props: { sheet: Sheet; errors: FieldError[]; notice?: string | undefined }) {
  const t = useT();
  const { lang } = useView();
  const { session, seminar, days } = props.sheet;
  return (
    <>
      <h1 class="kern-heading-large">{seminar.title}</h1>
      <p class="kern-body">
        {formatDays(days, lang)} · {session.room ?? session.onlineUrl}
      </p>
      <ErrorSummary errors={props.errors} />
      {props.notice ? <Alert type="success" title={t(`seminare:notice.${props.notice}`)} /> : null}
    </>
  );
}

export function SessionPage(props: { sheet: Sheet; errors: FieldError[]; notice?: string | undefined; manage: boolean; trainerUrl?: string | undefined; trainerLinkOpen: boolean }) {
  const t = useT();
  const base = useTenantBase();
  const { csrfToken } = useView();
  const { session, seminar, participants } = props.sheet;
  const path = `${base}/staff/seminare/termine/${session.id}`;
  return (
    <StaffLayout title={seminar.title} wide>
      <SessionHeader sheet={props.sheet} errors={props.errors} notice={props.notice} />
      {props.trainerUrl ? (
        <Alert type="success" title={t('seminare:trainerLink.issued')}>
          <p class="kern-body">{t('seminare:trainerLink.once')}</p>
          <p class="kern-body ww-break">
            <code>{props.trainerUrl}</code>
          </p>
        </Alert>
      ) : null}
      <p class="kern-body">
        <a class="kern-link" href={`${base}/staff/seminare/seminare/${seminar.id}/rueckmeldungen`}>
          {t('seminare:feedback.resultsLink')}
        </a>
      </p>
      <h2 class="kern-heading-medium">{t('seminare:attendance.title')}</h2>
      {participants.length === 0 ? <p class="kern-body">{t('seminare:attendance.none')}</p> : null}
      <AttendanceForms sheet={props.sheet} path={path} />
      {props.manage && participants.length ? (
        <>
          <h2 class="kern-heading-medium">{t('seminare:certificate.heading')}</h2>
          <p class="kern-body">{t('seminare:certificate.rule', { percent: seminar.attendanceThresholdPercent })}</p>
          <ul class="kern-list kern-list--bullet">
            {participants.map((p) => (
              <li key={p.enrolmentId}>
                {p.name}: {t('seminare:certificate.attended', { percent: p.percent })} · {p.certificate ? (p.certificate.revokedAt ? t('seminare:certificate.revoked') : t('seminare:certificate.issuedShort')) : t('seminare:certificate.none')}
                {p.certificate && !p.certificate.revokedAt ? (
                  <>
                    {' · '}
                    <a class="kern-link" href={`${base}/staff/seminare/bescheinigungen/${p.certificate.id}/widerrufen`}>
                      {t('seminare:certificate.revoke')}
                      <span class="kern-sr-only">: {p.name}</span>
                    </a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          <form method="post" action={`${path}/bescheinigungen`}>
            <CsrfField token={csrfToken} />
            <Button>{t('seminare:certificate.issue')}</Button>
          </form>
        </>
      ) : null}
      {props.manage ? (
        <>
          <h2 class="kern-heading-medium" id="f-trainerLink" tabindex={-1}>
            {t('seminare:trainerLink.heading')}
          </h2>
          <p class="kern-body">{t('seminare:trainerLink.explain')}</p>
          {props.trainerLinkOpen ? (
            <form method="post" action={`${path}/referentenlink`}>
              <CsrfField token={csrfToken} />
              <Button variant="secondary">{t('seminare:trainerLink.issue')}</Button>
            </form>
          ) : (
            <p class="kern-body">{t('seminare:trainerLink.tooLate')}</p>
          )}
        </>
      ) : null}
    </StaffLayout>
  );
}

/** One form per session day: the attendance of every confirmed participant, and the sign-in sheet PDF. */
export function AttendanceForms({ sheet, path }: { sheet: Sheet; path: string }) {
  const t = useT();
  const { csrfToken, lang } = useView();
  const { days, participants } = sheet;
  return (
    <>
      {participants.length
        ? days.map((day, i) => (
            <form method="post" action={`${path}/tage/${day.id}`} key={day.id} class="ww-attendance-day">
              <CsrfField token={csrfToken} />
              <TableScroll>
                <table class="kern-table">
                  <caption class="kern-title">{t('seminare:attendance.day', { n: i + 1, date: formatDays([day], lang) })}</caption>
                  <thead class="kern-table__head">
                    <tr class="kern-table__row">
                      <th scope="col" class="kern-table__header">{t('seminare:approvals.person')}</th>
                      <th scope="col" class="kern-table__header">{t('seminare:attendance.present')}</th>
                    </tr>
                  </thead>
                  <tbody class="kern-table__body">
                    {participants.map((p) => (
                      <tr class="kern-table__row" key={p.enrolmentId}>
                        <th scope="row" class="kern-table__header">
                          <label for={`d${i}-${p.enrolmentId}`}>{p.name}</label>
                        </th>
                        <td class="kern-table__cell">
                          <div class="kern-form-input__select-wrapper">
                            <select class="kern-form-input__select" id={`d${i}-${p.enrolmentId}`} name={`p_${p.enrolmentId}`}>
                              {levels.map((l) => (
                                <option value={String(l)} selected={(p.byDay.get(day.id) ?? -1) === l} key={l}>
                                  {t(`seminare:attendance.level.${l}`)}
                                </option>
                              ))}
                            </select>
                          </div>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              <div class="ww-actions">
                <Button variant="secondary">{t('seminare:attendance.save', { n: i + 1 })}</Button>
                <a class="kern-link" href={`${path}/tage/${day.id}.pdf`}>
                  {t('seminare:attendance.sheet', { n: i + 1 })}
                </a>
              </div>
            </form>
          ))
        : null}
    </>
  );
}

export function VerifyPage(props: { result?: Verification | undefined; errors: FieldError[]; code?: string | undefined }) {
  const t = useT();
  const base = useTenantBase();
  const r = props.result;
  return (
    <Layout title={t('seminare:verify.title')}>
      <h1 class="kern-heading-large">{t('seminare:verify.title')}</h1>
      <ErrorSummary errors={props.errors} />
      {r?.valid ? (
        <Alert type="success" title={t('seminare:verify.valid')}>
          <p class="kern-body">{t('seminare:verify.validText', { name: r.holderName, title: r.seminarTitle, dates: r.dates })}</p>
        </Alert>
      ) : null}
      {r && !r.valid ? <Alert type="danger" title={t(r.revoked ? 'seminare:verify.revoked' : 'seminare:verify.invalid')} /> : null}
      <form method="get" action={`${base}/seminare/nachweis`} novalidate>
        <div class={`kern-form-input${props.errors.length ? ' kern-form-input--error' : ''}`}>
          <label class="kern-label" for="f-code">
            {t('seminare:verify.code')}
          </label>
          <div class="kern-hint" id="f-code-hint">
            {t('seminare:verify.codeHint')}
          </div>
          {props.errors.length ? (
            <p class="kern-error" id="f-code-error">
              {t(props.errors[0]!.message)}
            </p>
          ) : null}
          <input class="kern-form-input__input" id="f-code" name="code" type="text" autocomplete="off" spellcheck={false} value={props.code ?? ''} aria-describedby={props.errors.length ? 'f-code-hint f-code-error' : 'f-code-hint'} />
        </div>
        <div class="ww-actions">
          <Button>{t('seminare:verify.check')}</Button>
        </div>
      </form>
    </Layout>
  );
}

/** What an external trainer's personal link opens: the attendance lists of that one session. */
export function TrainerLinkPage(props: { sheet: Sheet; path: string; errors: FieldError[]; notice?: string | undefined }) {
  const t = useT();
  return (
    <Layout title={props.sheet.seminar.title}>
      <SessionHeader sheet={props.sheet} errors={props.errors} notice={props.notice} />
      <h2 class="kern-heading-medium">{t('seminare:attendance.title')}</h2>
      <AttendanceForms sheet={props.sheet} path={props.path} />
    </Layout>
  );
}
