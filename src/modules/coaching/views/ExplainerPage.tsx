import { useT, useTenantBase } from '#shared/html/context.js';
import { Layout } from '#shared/html/Layout.js';
import { CoachingAssets } from './parts.js';

const topics = ['ausbildung', 'berufsschule', 'kammer', 'teilzeit', 'umschulung', 'bildungsgutschein', 'teilqualifikation', 'externenpruefung', 'anerkennung', 'pruefungsangst'] as const;

/** Plain-language explainer of the German training system for participants (public, printable, de/en). */
export function ExplainerPage() {
  const t = useT();
  const base = useTenantBase();
  return (
    <Layout title={t('coaching:explainer.title')}>
      <CoachingAssets />
      <h1 class="kern-heading-large">{t('coaching:explainer.title')}</h1>
      <p class="kern-body">{t('coaching:explainer.lead')}</p>
      <nav aria-label={t('coaching:explainer.contents')} class="ww-toc">
        <ul class="kern-list kern-list--bullet">
          {topics.map((topic) => (
            <li key={topic}>
              <a class="kern-link" href={`#${topic}`}>
                {t(`coaching:explainer.${topic}.title`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {topics.map((topic) => (
        <section class="ww-section" id={topic} key={topic} aria-labelledby={`${topic}-heading`}>
          <h2 class="kern-heading-medium" id={`${topic}-heading`}>
            {t(`coaching:explainer.${topic}.title`)}
          </h2>
          <p class="kern-body">{t(`coaching:explainer.${topic}.text`)}</p>
        </section>
      ))}
      <p class="kern-body">
        <a class="kern-link" href={base}>
          {t('coaching:explainer.back')}
        </a>
      </p>
    </Layout>
  );
}
