import { ButtonLink, TableScroll } from '#shared/html/components.js';
import { useT, useTenantBase } from '#shared/html/context.js';
import { StaffLayout } from '../../staff/index.js';
import type { CaseloadRow } from '../coaching.service.js';
import { Badge, CoachingAssets, LocalDate, PhaseBadge } from './parts.js';

export interface CaseloadPageProps {
  rows: CaseloadRow[];
  today: string;
  scope: 'own' | 'team';
  canTeam: boolean;
}

/** The coach's caseload: overdue contacts first, then by next contact; phase, open steps, what waits for the coach. */
export function CaseloadPage({ rows, scope, canTeam }: CaseloadPageProps) {
  const t = useT();
  const base = `${useTenantBase()}/staff/coaching`;
  const title = t(scope === 'team' ? 'coaching:caseload.teamTitle' : 'coaching:caseload.title');
  const overdue = rows.filter((r) => r.overdue).length;
  return (
    <StaffLayout title={title} wide>
      <CoachingAssets />
      <h1 class="kern-heading-large">{title}</h1>
      <p class="kern-body">{t('coaching:caseload.summary', { count: rows.filter((r) => r.phase !== 'beendet').length, overdue })}</p>
      <div class="ww-actions">
        {scope === 'own' ? (
          <ButtonLink href={`${base}/aufnahme`}>{t('coaching:caseload.newIntake')}</ButtonLink>
        ) : null}
        {canTeam ? (
          <ButtonLink href={scope === 'team' ? base : `${base}/team`} variant="secondary">
            {t(scope === 'team' ? 'coaching:caseload.ownLink' : 'coaching:caseload.teamLink')}
          </ButtonLink>
        ) : null}
        <ButtonLink href={`${base}/kennzahlen`} variant="tertiary">
          {t('coaching:nav.indicators')}
        </ButtonLink>
      </div>
      {rows.length === 0 ? (
        <p class="kern-body">{t('coaching:caseload.empty')}</p>
      ) : (
        <TableScroll>
          <table class="kern-table">
            <caption class="kern-sr-only">{title}</caption>
            <thead class="kern-table__head">
              <tr class="kern-table__row">
                <th scope="col" class="kern-table__header">{t('coaching:caseload.name')}</th>
                <th scope="col" class="kern-table__header">{t('coaching:caseload.phase')}</th>
                <th scope="col" class="kern-table__header">{t('coaching:caseload.nextContact')}</th>
                <th scope="col" class="kern-table__header">{t('coaching:caseload.openSteps')}</th>
                <th scope="col" class="kern-table__header">{t('coaching:caseload.waiting')}</th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {rows.map((r) => (
                <tr class="kern-table__row" key={r.id}>
                  <th scope="row" class="kern-table__cell">
                    <a class="kern-link" href={`${base}/${r.id}`}>
                      {r.name}
                    </a>
                  </th>
                  <td class="kern-table__cell">
                    <PhaseBadge phase={r.phase} />
                  </td>
                  <td class="kern-table__cell">
                    <LocalDate value={r.nextContactOn} />
                    {r.overdue ? (
                      <>
                        {' '}
                        <Badge kind="danger">{t('coaching:caseload.overdue')}</Badge>
                      </>
                    ) : null}
                  </td>
                  <td class="kern-table__cell">{r.openActivities}</td>
                  <td class="kern-table__cell">{r.waitingForCoach ? <Badge kind="warning">{t('coaching:caseload.waitingForYou', { count: r.waitingForCoach })}</Badge> : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </StaffLayout>
  );
}
