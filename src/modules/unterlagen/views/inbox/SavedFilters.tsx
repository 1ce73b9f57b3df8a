import { Button, CsrfField, TextField } from '#shared/html/components.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import type { StaffListFilter } from '#shared/saved-filters/index.js';
import type { InboxQuery } from '../../inbox.service.js';

/** The person's saved filters (open, delete) and "save this filter" under a name. */
export function SavedFilters({ saved, query }: { saved: StaffListFilter[]; query: InboxQuery }) {
  const t = useT();
  const { csrfToken } = useView();
  const base = `${useTenantBase()}/staff/unterlagen`;
  return (
    <section class="ww-saved-filters" aria-labelledby="saved-filters">
      <h2 class="kern-heading-small" id="saved-filters">
        {t('unterlagen:staff.savedFilters')}
      </h2>
      {saved.length === 0 ? (
        <p class="kern-body">{t('unterlagen:staff.noSavedFilters')}</p>
      ) : (
        <ul class="ww-saved-filters__list">
          {saved.map((filter) => (
            <li key={filter.id}>
              <a class="kern-link" href={`${base}?f=${filter.id}`} aria-current={query.f === filter.id ? 'true' : undefined}>
                {filter.name}
              </a>
              <form method="post" action={`${base}/filter/${filter.id}/loeschen`} class="ww-inline-form">
                <CsrfField token={csrfToken} />
                <button class="kern-btn kern-btn--tertiary" type="submit">
                  <span class="kern-label">
                    {t('unterlagen:staff.deleteFilter')}
                    <span class="kern-sr-only"> „{filter.name}“</span>
                  </span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={`${base}/filter`} class="ww-filter">
        <CsrfField token={csrfToken} />
        {Object.entries(query).map(([name, value]) => (value !== undefined && name !== 'page' ? <input key={name} type="hidden" name={name} value={String(value)} /> : null))}
        <TextField name="name" label={t('unterlagen:staff.filterName')} hint={t('unterlagen:staff.filterNameHint')} />
        <div class="ww-actions">
          <Button variant="secondary">{t('unterlagen:staff.saveFilter')}</Button>
        </div>
      </form>
    </section>
  );
}
