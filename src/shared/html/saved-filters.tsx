// A staff member's saved list filters (both caseworker inboxes): open, delete, and "save the current filter".
import { Button, CsrfField, TextField } from './components.js';
import { useT, useView } from './context.js';

export interface SavedFilterLink {
  id: string;
  name: string | null;
}

/**
 * `base` is the list's address: a saved filter opens as `base?f=<id>`, is deleted by POST `base/filter/<id>/loeschen`
 * and saved by POST `base/filter` with the list's current parameters (`keep`) and a name.
 */
export function SavedFilters({ base, saved, current, keep }: { base: string; saved: SavedFilterLink[]; current?: string | undefined; keep: Record<string, string | number | undefined> }) {
  const t = useT();
  const { csrfToken } = useView();
  return (
    <section class="ww-saved-filters" aria-labelledby="saved-filters">
      <h2 class="kern-heading-small" id="saved-filters">
        {t('common:savedFilters.heading')}
      </h2>
      {saved.length === 0 ? (
        <p class="kern-body">{t('common:savedFilters.none')}</p>
      ) : (
        <ul class="ww-saved-filters__list">
          {saved.map((filter) => (
            <li key={filter.id}>
              <a class="kern-link" href={`${base}?f=${filter.id}`} aria-current={current === filter.id ? 'true' : undefined}>
                {filter.name}
              </a>
              <form method="post" action={`${base}/filter/${filter.id}/loeschen`} class="ww-inline-form">
                <CsrfField token={csrfToken} />
                <button class="kern-btn kern-btn--tertiary" type="submit">
                  <span class="kern-label">
                    {t('common:savedFilters.delete')}
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
        {Object.entries(keep).map(([name, value]) => (value !== undefined && value !== '' && name !== 'page' ? <input key={name} type="hidden" name={name} value={String(value)} /> : null))}
        <TextField name="name" label={t('common:savedFilters.name')} hint={t('common:savedFilters.nameHint')} />
        <div class="ww-actions">
          <Button variant="secondary">{t('common:savedFilters.save')}</Button>
        </div>
      </form>
    </section>
  );
}
