import { Button } from '#shared/html/components.js';
import { useT, useTenantBase } from '#shared/html/context.js';

/**
 * After submitting: what happens next, and where to hand in the documents. The upload form opens with the
 * application reference already filled in (sent in the body, not in the address), so no BG-Nummer is needed.
 */
export function ConfirmationNext({ reference }: { reference: string }) {
  const t = useT();
  const base = useTenantBase();
  return (
    <>
      <h2 class="kern-heading-medium">{t('antrag:confirmation.nextHeading')}</h2>
      <p class="kern-body">{t('antrag:confirmation.next')}</p>
      <p class="kern-body">{t('antrag:confirmation.uploadWithReference')}</p>
      <form method="post" action={`${base}/unterlagen/antrag`}>
        <input type="hidden" name="reference" value={reference} />
        <Button variant="secondary">{t('antrag:checklist.uploadLink')}</Button>
      </form>
    </>
  );
}
