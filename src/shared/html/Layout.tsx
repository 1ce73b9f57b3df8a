// The page shell of every HTML page (KERN UX): head, skip link, header, language switch, main, footer.
import type { ComponentChildren } from 'preact';
import { useView } from './context.js';

interface LayoutProps {
  title: string;
  children: ComponentChildren;
  /** Narrow reading width for forms (default) or the full container for tables. */
  wide?: boolean;
}

function LanguageSwitcher() {
  const { t, lang, languages, path } = useView();
  if (languages.length < 2) return null;
  return (
    <nav class="ww-lang" aria-label={t('common:layout.languageNav')}>
      <ul class="ww-inline-list">
        {languages.map((code) => (
          <li key={code}>
            {code === lang ? (
              <span class="ww-lang__current" aria-current="true" lang={code}>
                {t(`common:languages.${code}`, { lng: code })}
              </span>
            ) : (
              <a class="kern-link" href={`${path}${path.includes('?') ? '&' : '?'}lang=${code}`} hreflang={code} lang={code}>
                {t(`common:languages.${code}`, { lng: code })}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Footer() {
  const { t, tenant } = useView();
  if (!tenant) return null;
  const base = `/t/${tenant.slug}`;
  const links = [
    ['kontakt', 'common:footer.contact'],
    ['impressum', 'common:footer.imprint'],
    ['datenschutz', 'common:footer.privacy'],
    ['barrierefreiheit', 'common:footer.accessibility'],
    ['leichte-sprache', 'common:footer.easyLanguage'],
  ] as const;
  return (
    <footer class="ww-footer">
      <div class="kern-container">
        <nav aria-label={t('common:footer.nav')}>
          <ul class="ww-inline-list">
            {links.map(([slug, key]) => (
              <li key={slug}>
                <a class="kern-link" href={`${base}/${slug}`}>
                  {t(key)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <p class="kern-body kern-body--small">
          {tenant.name} · {tenant.street} · {tenant.postalCode} {tenant.city}
        </p>
      </div>
    </footer>
  );
}

function StaffNav() {
  const { t, staffNav, staffUser } = useView();
  if (!staffNav) return null;
  return (
    <nav class="ww-staffnav" aria-label={t('common:layout.staffNav')}>
      <div class="kern-container">
        <ul class="ww-inline-list">
          {staffNav.map((item) => (
            <li key={item.href}>
              <a class="kern-link" href={item.href} aria-current={item.current ? 'page' : undefined}>
                {item.label}
              </a>
            </li>
          ))}
        </ul>
        {staffUser ? <p class="kern-body kern-body--small">{staffUser.displayName}</p> : null}
      </div>
    </nav>
  );
}

/** The page shell: skip link, header with tenant name and language switcher, main landmark, footer. */
export function Layout({ title, children, wide }: LayoutProps) {
  const { t, lang, dir, tenant } = useView();
  const siteName = tenant ? tenant.shortName : 'Wegweiser';
  return (
    <html lang={lang} dir={dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${siteName}`}</title>
        <link rel="icon" href="/favicon.ico" sizes="48x48" />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/assets/kern/kern.min.css" />
        <link rel="stylesheet" href="/assets/kern/fonts/fira-sans.css" />
        <link rel="stylesheet" href="/assets/app.css" />
        <script src="/assets/app.js" defer></script>
      </head>
      <body>
        <a class="ww-skip-link" href="#main">
          {t('common:layout.skipLink')}
        </a>
        <header class="ww-header">
          <div class="kern-container ww-header__inner">
            <a class="ww-header__title" href={tenant ? `/t/${tenant.slug}` : '/'}>
              {tenant ? tenant.name : 'Wegweiser'}
            </a>
            <LanguageSwitcher />
          </div>
        </header>
        <StaffNav />
        <main id="main" tabindex={-1} class={`kern-container ww-main${wide ? '' : ' ww-main--narrow'}`}>
          {children}
        </main>
        <Footer />
      </body>
    </html>
  );
}
