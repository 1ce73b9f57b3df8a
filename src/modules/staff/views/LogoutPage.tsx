import { Button, CsrfField } from '#shared/html/components.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import { StaffLayout } from './StaffLayout.js';

export function LogoutPage() {
  const t = useT();
  const base = useTenantBase();
  const { csrfToken } = useView();
  return (
    <StaffLayout title={t('staff:logout.title')}>
      <h1 class="kern-heading-large">{t('staff:logout.title')}</h1>
      <form method="post" action={`${base}/staff/logout`}>
        <CsrfField token={csrfToken} />
        <div class="ww-actions">
          <Button>{t('staff:logout.here')}</Button>
          <Button variant="secondary" name="everywhere" value="1">
            {t('staff:logout.everywhere')}
          </Button>
        </div>
      </form>
    </StaffLayout>
  );
}
