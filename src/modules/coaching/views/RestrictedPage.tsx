import { Alert, Button, CsrfField, SelectField, TextArea } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import { useT, useView } from '#shared/html/context.js';
import type { FieldError } from '#shared/http/errors.js';
import { StaffLayout } from '../../staff/index.js';
import { sensibleKategorien, type Teilnehmende, type VertraulicheNotiz } from '../coaching.tables.js';
import { formatDateTime } from '#shared/time.js';
import { Badge, CoachingAssets } from './parts.js';

export interface RestrictedPageProps {
  tn: Teilnehmende;
  notes: VertraulicheNotiz[];
  base: string;
  values?: Record<string, string>;
  errors?: FieldError[];
}

/** Special categories (Art. 9 DSGVO): health, addiction, debt, family. Only the assigned coach; every read audited. */
export function RestrictedPage({ tn, notes, base, values = {}, errors = [] }: RestrictedPageProps) {
  const t = useT();
  const { csrfToken, lang } = useView();
  const title = t('coaching:restricted.pageTitle', { name: `${tn.givenName} ${tn.familyName}` });
  return (
    <StaffLayout title={title}>
      <CoachingAssets />
      <p class="ww-back">
        <a class="kern-link" href={`${base}/${tn.id}`}>
          {t('coaching:restricted.back')}
        </a>
      </p>
      <h1 class="kern-heading-large">{title}</h1>
      <Alert type="warning" title={t('coaching:restricted.warningTitle')}>
        <p class="kern-body">{t('coaching:restricted.warning')}</p>
      </Alert>
      <ErrorSummary errors={errors} labels={{ kategorie: t('coaching:restricted.kategorie'), text: t('coaching:restricted.text') }} />
      {notes.length === 0 ? <p class="kern-body">{t('coaching:restricted.none')}</p> : null}
      {notes.map((n) => (
        <article class="ww-card" key={n.id} aria-labelledby={`n-${n.id}`}>
          <h2 class="kern-heading-small" id={`n-${n.id}`}>
            {t(`coaching:restricted.kategorien.${n.kategorie}`)} · {formatDateTime(n.createdAt, lang)}{' '}
            <Badge kind={n.shareConsent ? 'success' : 'info'}>{t(n.shareConsent ? 'coaching:restricted.shared' : 'coaching:restricted.notShared')}</Badge>
          </h2>
          <p class="kern-body ww-pre-line">{n.text}</p>
          <form method="post" action={`${base}/${tn.id}/vertraulich/einwilligung`}>
            <CsrfField token={csrfToken} />
            <input type="hidden" name="noteId" value={n.id} />
            <input type="hidden" name="shareConsent" value={n.shareConsent ? 'false' : 'true'} />
            <Button variant="tertiary">{t(n.shareConsent ? 'coaching:restricted.withdrawConsent' : 'coaching:restricted.recordConsent')}</Button>
          </form>
        </article>
      ))}
      <h2 class="kern-heading-medium">{t('coaching:restricted.add')}</h2>
      <form method="post" action={`${base}/${tn.id}/vertraulich`} novalidate>
        <CsrfField token={csrfToken} />
        <SelectField name="kategorie" label={t('coaching:restricted.kategorie')} value={values.kategorie} error={errorsOf(errors, 'kategorie')} options={sensibleKategorien.map((k) => ({ value: k, label: t(`coaching:restricted.kategorien.${k}`) }))} />
        <TextArea name="text" label={t('coaching:restricted.text')} hint={t('coaching:restricted.textHint')} value={values.text} error={errorsOf(errors, 'text')} rows={4} />
        <Button>{t('coaching:restricted.save')}</Button>
      </form>
    </StaffLayout>
  );
}
