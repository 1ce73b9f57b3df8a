import type { Tenant } from '#shared/tenancy/index.js';
import { useT } from '#shared/html/context.js';
import { Layout } from '#shared/html/Layout.js';

export function TenantList({ tenants }: { tenants: Tenant[] }) {
  const t = useT();
  return (
    <Layout title={t('portal:tenants.title')}>
      <h1 class="kern-heading-large">{t('portal:tenants.title')}</h1>
      <p class="kern-body">{t('portal:tenants.intro')}</p>
      <ul class="kern-list kern-list--bullet">
        {tenants.map((tenant) => (
          <li key={tenant.slug}>
            <a class="kern-link" href={`/t/${tenant.slug}`}>
              {tenant.name}
            </a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
