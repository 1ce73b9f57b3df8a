import { BackLink, Button, CsrfField, SummaryList, TextArea } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import type { FieldError } from '#shared/http/errors.js';
import { StaffLayout } from '../../staff/index.js';
import { formatDateTimeMedium } from '#shared/time.js';
import type { SeminarCertificate } from '../seminare.tables.js';

/** The training office revokes a Teilnahmebescheinigung, with a reason; the public check then says "widerrufen". */
export function RevokePage(props: { certificate: SeminarCertificate; sessionId: string; errors: FieldError[]; reason?: string | undefined }) {
  const t = useT();
  const base = useTenantBase();
  const { csrfToken, lang } = useView();
  const c = props.certificate;
  return (
    <StaffLayout title={t('seminare:certificate.revokeTitle')}>
      <BackLink href={`${base}/staff/seminare/termine/${props.sessionId}`} />
      <h1 class="kern-heading-large">{t('seminare:certificate.revokeTitle')}</h1>
      <ErrorSummary errors={props.errors} />
      <SummaryList
        rows={[
          { key: t('seminare:approvals.person'), value: c.holderName },
          { key: t('seminare:my.seminar'), value: c.seminarTitle },
          { key: t('seminare:my.dates'), value: c.dates },
          { key: t('seminare:certificate.issued'), value: formatDateTimeMedium(c.issuedAt, lang) },
        ]}
      />
      <form method="post" action={`${base}/staff/seminare/bescheinigungen/${c.id}/widerrufen`} novalidate>
        <CsrfField token={csrfToken} />
        <TextArea name="reason" label={t('seminare:approvals.reason')} hint={t('seminare:certificate.revokeHint')} rows={3} value={props.reason} error={errorsOf(props.errors, 'reason')} />
        <div class="ww-actions">
          <Button>{t('seminare:certificate.revoke')}</Button>
        </div>
      </form>
    </StaffLayout>
  );
}
