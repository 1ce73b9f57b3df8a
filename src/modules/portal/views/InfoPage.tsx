import { useView } from '#shared/html/context.js';
import { Layout } from '#shared/html/Layout.js';

export const infoPages = ['kontakt', 'impressum', 'datenschutz', 'barrierefreiheit', 'leichte-sprache'] as const;
export type InfoPageSlug = (typeof infoPages)[number];

interface Section {
  heading?: string;
  paragraphs?: string[];
  list?: string[];
}

/** Text pages whose content comes from the catalogues, filled with the tenant's data. */
export function InfoPage({ slug }: { slug: InfoPageSlug }) {
  const { t, tenant } = useView();
  const values = {
    name: tenant?.name,
    shortName: tenant?.shortName,
    street: tenant?.street,
    postalCode: tenant?.postalCode,
    city: tenant?.city,
    phone: tenant?.phone,
    fax: tenant?.fax ?? '–',
    email: tenant?.email,
  };
  const key = `portal:pages.${slug}`;
  const sections = t(`${key}.sections`, { ...values, returnObjects: true }) as unknown as Section[];
  return (
    <Layout title={t(`${key}.title`)}>
      <h1 class="kern-heading-large">{t(`${key}.title`)}</h1>
      {t(`${key}.lead`, { ...values, defaultValue: '' }) ? (
        <p class="kern-body kern-body--large">{t(`${key}.lead`, values)}</p>
      ) : null}
      {sections.map((section, i) => (
        <section key={i} class="ww-section">
          {section.heading ? <h2 class="kern-heading-medium">{section.heading}</h2> : null}
          {section.paragraphs?.map((p, j) => (
            <p class="kern-body" key={j}>
              {p}
            </p>
          ))}
          {section.list ? (
            <ul class="kern-list kern-list--bullet">
              {section.list.map((item, j) => (
                <li key={j}>{item}</li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
    </Layout>
  );
}
