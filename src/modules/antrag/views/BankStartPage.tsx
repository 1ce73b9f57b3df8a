import { Button } from '#shared/html/components.js';
import { useT, useTenantBase } from '#shared/html/context.js';
import { Layout } from '#shared/html/Layout.js';
import type { StartPageProps } from '../../forms/index.js';

export function BankStartPage({ hasDraft }: StartPageProps) {
  const t = useT();
  const base = `${useTenantBase()}/aenderung/bankverbindung`;
  return (
    <Layout title={t('antrag:bank.title')}>
      <h1 class="kern-heading-large">{t('antrag:bank.title')}</h1>
      <p class="kern-body kern-body--large">{t('antrag:bank.lead')}</p>
      <p class="kern-body">{t('antrag:bank.need')}</p>
      <form method="post" action={`${base}/start`}>
        <Button>{hasDraft ? t('antrag:start.continue') : t('antrag:bank.button')}</Button>
      </form>
    </Layout>
  );
}
