import { useT, useView } from '#shared/html/context.js';
import type { DashboardItem } from '#shared/module.js';
import { StaffLayout } from './StaffLayout.js';

export interface DashboardSection {
  id: string;
  title: string;
  items: DashboardItem[];
}

export function StartPage({ sections, roles }: { sections: DashboardSection[]; roles: string[] }) {
  const t = useT();
  const { staffUser } = useView();
  return (
    <StaffLayout title={t('staff:start.title')} wide>
      <h1 class="kern-heading-large">{t('staff:start.heading', { name: staffUser?.displayName })}</h1>
      <p class="kern-body">
        {t('staff:start.roles')}: {roles.map((r) => t(`staff:roles.${r}`)).join(', ')}
      </p>
      <h2 class="kern-heading-medium">{t('staff:start.today')}</h2>
      {sections.length === 0 ? <p class="kern-body">{t('staff:start.nothing')}</p> : null}
      {sections.map((s) => (
        <section class="ww-section" key={s.id} aria-labelledby={`w-${s.id}`}>
          <h3 class="kern-heading-small" id={`w-${s.id}`}>
            {s.title}
          </h3>
          {s.items.length === 0 ? (
            <p class="kern-body">{t('staff:start.nothing')}</p>
          ) : (
            <ul class="kern-list kern-list--bullet">
              {s.items.map((item, i) => (
                <li key={i}>
                  {item.href ? (
                    <a class="kern-link" href={item.href}>
                      {item.text}
                    </a>
                  ) : (
                    item.text
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </StaffLayout>
  );
}
