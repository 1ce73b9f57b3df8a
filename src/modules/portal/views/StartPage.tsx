import type { CitizenService } from '#shared/module.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import { Layout } from '#shared/html/Layout.js';

export function StartPage({ services }: { services: readonly CitizenService[] }) {
  const t = useT();
  const { tenant } = useView();
  const base = useTenantBase();
  return (
    <Layout title={t('portal:start.title')} wide>
      <h1 class="kern-heading-large">{t('portal:start.heading', { name: tenant?.shortName })}</h1>
      <p class="kern-body kern-body--large">{t('portal:start.intro')}</p>
      <h2 class="kern-heading-medium">{t('portal:start.servicesHeading')}</h2>
      {services.length === 0 ? (
        <p class="kern-body">{t('portal:start.noServices')}</p>
      ) : (
        <ul class="ww-cards">
          {services.map((s) => (
            <li class="kern-card" key={s.path}>
              <div class="kern-card__container">
                <div class="kern-card__header">
                  <h3 class="kern-title">
                    <a class="kern-link" href={`${base}${s.path}`}>
                      {t(s.titleKey)}
                    </a>
                  </h3>
                </div>
                <div class="kern-card__body">
                  <p class="kern-body">{t(s.descriptionKey)}</p>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      <h2 class="kern-heading-medium">{t('portal:start.contactHeading')}</h2>
      <address class="kern-body">
        {tenant?.name}
        <br />
        {tenant?.street}
        <br />
        {tenant?.postalCode} {tenant?.city}
        <br />
        {t('portal:contact.phone')}: <a class="kern-link" href={`tel:${tenant?.phone.replace(/[^0-9+]/g, '')}`}>{tenant?.phone}</a>
        <br />
        {t('portal:contact.email')}: <a class="kern-link" href={`mailto:${tenant?.email}`}>{tenant?.email}</a>
      </address>
      <p class="kern-body">
        <a class="kern-link" href={`${base}/leichte-sprache`}>
          {t('portal:start.easyLanguageLink')}
        </a>
      </p>
    </Layout>
  );
}
