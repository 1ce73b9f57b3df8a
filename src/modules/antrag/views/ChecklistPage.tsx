import type { ContentPageProps } from '../../forms/index.js';
import { useT, useTenantBase } from '#shared/html/context.js';
import { deriveChecklist } from '../checklist.js';

/** The documents this application needs, each with the reason, and the way to hand them in. */
export function ChecklistPage({ answers, data }: ContentPageProps) {
  const t = useT();
  const base = useTenantBase();
  // `data` is today's date (YYYY-MM-DD, Berlin), loaded with the page's clock.
  const items = deriveChecklist(answers, String(data));
  return (
    <>
      <p class="kern-body">{t('antrag:checklist.intro')}</p>
      <ul class="ww-checklist">
        {items.map((item) => (
          <li key={item.id}>
            <h2 class="kern-heading-small">{t(`antrag:checklist.items.${item.id}.title`)}</h2>
            {item.names ? <p class="kern-body">{t('antrag:checklist.for', { names: item.names.join(', ') })}</p> : null}
            <p class="kern-body kern-body--small">{t(`antrag:checklist.items.${item.id}.why`)}</p>
          </li>
        ))}
      </ul>
      <p class="kern-body">{t('antrag:checklist.later')}</p>
      <p class="kern-body">
        <a class="kern-link" href={`${base}/unterlagen`}>
          {t('antrag:checklist.uploadLink')}
        </a>
      </p>
    </>
  );
}
