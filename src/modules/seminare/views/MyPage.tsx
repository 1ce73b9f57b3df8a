import { Alert, Button, CsrfField, DataTable } from '#shared/html/components.js';
import { ErrorSummary } from '#shared/html/form-errors.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import type { FieldError } from '#shared/http/errors.js';
import { StaffLayout } from '../../staff/index.js';
import type { MandatoryState, MyEnrolment } from '../account.service.js';
import { formatDateMedium, formatDateTimeMedium } from '#shared/time.js';
import { formatDays } from '../format.js';

export function MyPage(props: { enrolments: MyEnrolment[]; feedback: string[]; ueByYear: [number, number][]; mandatory: MandatoryState[]; errors: FieldError[]; notice?: string | undefined }) {
  const t = useT();
  const base = useTenantBase();
  const { csrfToken, lang } = useView();
  const action = (id: string, what: string, label: string, variant: 'primary' | 'secondary' | 'tertiary' = 'secondary') => (
    <form method="post" action={`${base}/staff/seminare/anmeldungen/${id}/${what}`}>
      <CsrfField token={csrfToken} />
      <Button variant={variant}>{label}</Button>
    </form>
  );
  return (
    <StaffLayout title={t('seminare:my.title')} wide>
      <h1 class="kern-heading-large">{t('seminare:my.title')}</h1>
      <ErrorSummary errors={props.errors} />
      {props.notice ? <Alert type="success" title={t(`seminare:notice.${props.notice}`)} /> : null}
      <h2 class="kern-heading-medium">{t('seminare:my.requests')}</h2>
      {props.enrolments.length === 0 ? (
        <p class="kern-body">{t('seminare:my.none')}</p>
      ) : (
        <DataTable
          head={[t('seminare:my.seminar'), t('seminare:my.dates'), t('seminare:my.status'), t('seminare:my.actions')]}
          rows={props.enrolments}
          stacked
          rowKey={(e) => e.id}
          cells={(e) => [
            e.seminar.title,
            formatDays(e.days, lang),
            <>
              {t(`seminare:status.${e.status}`)}
              {e.status === 'offered' && e.offerExpiresAt ? <p class="kern-body kern-body--small">{t('seminare:my.offerUntil', { date: formatDateTimeMedium(e.offerExpiresAt, lang) })}</p> : null}
              {e.status === 'rejected' && e.rejectionReason ? <p class="kern-body kern-body--small">{e.rejectionReason}</p> : null}
            </>,
            <div class="ww-actions">
              {e.status === 'offered' ? action(e.id, 'annehmen', t('seminare:my.accept'), 'primary') : null}
              {e.status === 'offered' ? action(e.id, 'ausschlagen', t('seminare:my.decline')) : null}
              {['pending_lead', 'pending_hr', 'waitlisted', 'confirmed'].includes(e.status) ? action(e.id, 'stornieren', t('seminare:my.cancel'), 'tertiary') : null}
              {props.feedback.includes(e.id) ? (
                <a class="kern-link" href={`${base}/staff/seminare/anmeldungen/${e.id}/rueckmeldung`}>
                  {t('seminare:my.feedback')}
                  <span class="kern-sr-only">{t('seminare:catalogue.forSeminar', { title: e.seminar.title })}</span>
                </a>
              ) : null}
              {e.certificate ? (
                <a class="kern-link" href={`${base}/staff/seminare/bescheinigungen/${e.certificate.id}.pdf`}>
                  {t('seminare:my.certificate')}
                </a>
              ) : null}
            </div>,
          ]}
        />
      )}
      <h2 class="kern-heading-medium">{t('seminare:my.account')}</h2>
      {props.ueByYear.length === 0 ? (
        <p class="kern-body">{t('seminare:my.noUe')}</p>
      ) : (
        <DataTable head={[t('seminare:my.year'), t('seminare:my.ue')]} rows={props.ueByYear} rowKey={(r) => String(r[0])} cells={(r) => [String(r[0]), String(r[1])]} />
      )}
      <h2 class="kern-heading-medium">{t('seminare:my.mandatory')}</h2>
      {props.mandatory.length === 0 ? (
        <p class="kern-body">{t('seminare:my.noMandatory')}</p>
      ) : (
        <DataTable
          head={[t('seminare:my.seminar'), t('seminare:my.status'), t('seminare:my.validUntil')]}
          rows={props.mandatory}
          rowKey={(m) => m.seminar.id}
          cells={(m) => [m.seminar.title, t(`seminare:mandatory.${m.state}`), m.validUntil ? formatDateMedium(m.validUntil, lang) : '–']}
        />
      )}
    </StaffLayout>
  );
}
