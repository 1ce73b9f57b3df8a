import { Button, ButtonLink } from '#shared/html/components.js';
import { useT, useTenantBase } from '#shared/html/context.js';
import { Layout } from '#shared/html/Layout.js';
import type { StartPageProps } from '../../forms/index.js';

const list = (t: (k: string, o?: Record<string, unknown>) => unknown, key: string) => t(key, { returnObjects: true }) as string[];

/** Start page of the Erstantrag: who can apply, what is needed, how long it takes. */
export function StartPage({ hasDraft, draftDays }: StartPageProps) {
  const t = useT();
  const base = useTenantBase();
  return (
    <Layout title={t('antrag:title')}>
      <h1 class="kern-heading-large">{t('antrag:title')}</h1>
      <p class="kern-body kern-body--large">{t('antrag:start.lead')}</p>
      <h2 class="kern-heading-medium">{t('antrag:start.whoHeading')}</h2>
      <ul class="kern-list kern-list--bullet">
        {list(t, 'antrag:start.who').map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h2 class="kern-heading-medium">{t('antrag:start.needHeading')}</h2>
      <ul class="kern-list kern-list--bullet">
        {list(t, 'antrag:start.need').map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h2 class="kern-heading-medium">{t('antrag:start.timeHeading')}</h2>
      <p class="kern-body">{t('antrag:start.time')}</p>
      <p class="kern-body">{t('antrag:start.privacy', { days: draftDays })}</p>
      <p class="kern-body">
        {t('antrag:start.rechner')}{' '}
        <a class="kern-link" href={`${base}/rechner`}>
          {t('antrag:start.rechnerLink')}
        </a>
      </p>
      {hasDraft ? (
        <div class="ww-actions">
          <ButtonLink href={`${base}/antrag/aufgaben`}>{t('antrag:start.continue')}</ButtonLink>
        </div>
      ) : (
        <form method="post" action={`${base}/antrag/start`}>
          <div class="ww-actions">
            <Button>{t('antrag:start.button')}</Button>
          </div>
        </form>
      )}
      <h2 class="kern-heading-medium">{t('antrag:start.moreHeading')}</h2>
      <ul class="kern-list kern-list--bullet">
        <li>
          <a class="kern-link" href={`${base}/antrag/status`}>
            {t('antrag:start.statusLink')}
          </a>
        </li>
        <li>
          <a class="kern-link" href={`${base}/aenderung/bankverbindung`}>
            {t('antrag:bank.title')}
          </a>
        </li>
      </ul>
    </Layout>
  );
}
