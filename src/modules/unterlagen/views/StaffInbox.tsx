import { Alert, ButtonLink } from '#shared/html/components.js';
import { useT, useTenantBase } from '#shared/html/context.js';
import { StaffLayout } from '../../staff/index.js';
import type { InboxPage, InboxQuery } from '../inbox.service.js';
import { InboxFilters } from './inbox/InboxFilters.js';
import { InboxTable } from './inbox/InboxTable.js';
import { OpenItems } from './inbox/OpenItems.js';
import { SavedFilters } from './inbox/SavedFilters.js';

export interface StaffInboxProps extends InboxPage {
  /** The list's address (filters, stored search, sort order, page). */
  query: InboxQuery;
  /** The last review was saved and nothing is left in this filter. */
  saved?: boolean;
  /** A notice about saved filters ('saved', 'deleted', 'limit'). */
  filterNotice?: string | undefined;
}

/** Incoming documents with search, filters, sort, pages and bulk actions, and the requested items still missing. */
export function StaffInbox(props: StaffInboxProps) {
  const t = useT();
  const base = `${useTenantBase()}/staff/unterlagen`;
  const { saved = false, infected, filterNotice } = props;
  return (
    <StaffLayout title={t('unterlagen:staff.inboxTitle')} wide>
      <link rel="stylesheet" href="/assets/inbox.css" />
      <script src="/assets/inbox.js" defer></script>
      <h1 class="kern-heading-large">{t('unterlagen:staff.inboxTitle')}</h1>
      {saved ? <Alert type="success" title={t('unterlagen:staff.savedNoneLeft')} /> : null}
      {filterNotice ? <Alert type={filterNotice === 'limit' ? 'warning' : 'success'} title={t(`unterlagen:staff.filterNotice.${filterNotice}`)} /> : null}
      {props.staleSearch ? <Alert type="info" title={t('unterlagen:staff.staleSearch')} /> : null}
      {infected > 0 ? (
        <Alert type="danger" title={t('unterlagen:staff.infectedAlert', { count: infected })}>
          <p class="kern-body">{t('unterlagen:staff.infectedHint')}</p>
        </Alert>
      ) : null}
      <div class="ww-actions">
        <ButtonLink href={`${base}/aufforderungen/neu`} variant="secondary">
          {t('unterlagen:staff.newRequest')}
        </ButtonLink>
      </div>
      <InboxFilters search={props.search} />
      <SavedFilters saved={props.savedFilters} query={props.query} />
      <InboxTable {...props} />
      <OpenItems openItems={props.openItems} today={props.today} />
    </StaffLayout>
  );
}
