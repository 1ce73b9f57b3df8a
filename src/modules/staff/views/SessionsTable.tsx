import { Button, CsrfField, TableScroll } from '#shared/html/components.js';
import { useT, useView } from '#shared/html/context.js';
import type { StaffSession } from '../staff.tables.js';
import { formatDateTimeMedium } from '#shared/time.js';

/** Active sessions with a button to end each one (a small POST form per row). */
export function SessionsTable({
  sessions,
  currentId,
  revokeAction,
  names,
}: {
  sessions: StaffSession[];
  currentId: string;
  revokeAction: (id: string) => string;
  names?: Map<string, string>;
}) {
  const t = useT();
  const { lang, csrfToken } = useView();
  if (sessions.length === 0) return <p class="kern-body">{t('staff:sessions.none')}</p>;
  return (
    <TableScroll>
      <table class="kern-table">
        <caption class="kern-title">{t('staff:sessions.caption')}</caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            {names ? <th scope="col" class="kern-table__header">{t('staff:sessions.person')}</th> : null}
            <th scope="col" class="kern-table__header">{t('staff:sessions.browser')}</th>
            <th scope="col" class="kern-table__header">{t('staff:sessions.since')}</th>
            <th scope="col" class="kern-table__header">{t('staff:sessions.lastSeen')}</th>
            <th scope="col" class="kern-table__header">{t('staff:sessions.action')}</th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {sessions.map((s) => (
            <tr class="kern-table__row" key={s.id}>
              {names ? <td class="kern-table__cell">{names.get(s.userId) ?? '–'}</td> : null}
              <td class="kern-table__cell">
                {s.userAgent || t('staff:sessions.unknownBrowser')}
                {s.id === currentId ? ` (${t('staff:sessions.current')})` : ''}
              </td>
              <td class="kern-table__cell">{formatDateTimeMedium(s.createdAt, lang)}</td>
              <td class="kern-table__cell">{formatDateTimeMedium(s.lastSeenAt, lang)}</td>
              <td class="kern-table__cell">
                <form method="post" action={revokeAction(s.id)}>
                  <CsrfField token={csrfToken} />
                  <Button variant="secondary">
                    {t('staff:sessions.revoke')}
                    <span class="kern-sr-only"> – {s.userAgent || t('staff:sessions.unknownBrowser')}, {formatDateTimeMedium(s.createdAt, lang)}</span>
                  </Button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
