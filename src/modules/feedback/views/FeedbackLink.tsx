import { useT, useTenantBase } from '#shared/html/context.js';
import type { FeedbackService } from '../feedback.schemas.js';

/** The link every confirmation page shows: one question about the service, answered anonymously. */
export function FeedbackLink({ service }: { service: FeedbackService | (string & {}) }) {
  const t = useT();
  const base = useTenantBase();
  return (
    <aside class="ww-feedback-link" aria-label={t('feedback:link.label')}>
      <p class="kern-body">
        {t('feedback:link.question')}{' '}
        <a class="kern-link" href={`${base}/rueckmeldung?dienst=${service}`}>
          {t('feedback:link.text')}
        </a>
      </p>
    </aside>
  );
}
