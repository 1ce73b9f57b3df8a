import { useT, useTenantBase } from '#shared/html/context.js';

/** After submitting: what happens next, and where to hand in the documents. */
export function ConfirmationNext() {
  const t = useT();
  const base = useTenantBase();
  return (
    <>
      <h2 class="kern-heading-medium">{t('antrag:confirmation.nextHeading')}</h2>
      <p class="kern-body">{t('antrag:confirmation.next')}</p>
      <p class="kern-body">
        <a class="kern-link" href={`${base}/unterlagen`}>
          {t('antrag:checklist.uploadLink')}
        </a>
      </p>
    </>
  );
}
