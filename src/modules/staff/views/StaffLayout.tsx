import type { ComponentChildren } from 'preact';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import { Layout } from '#shared/html/Layout.js';
import { IDLE_TIMEOUT_MS, IDLE_WARNING_MS } from '../session.js';

/**
 * The idle-timeout warning (WCAG 2.2.1: a time limit the user can extend). Hidden until
 * /assets/staff.js shows it two minutes before the timeout; without JavaScript the next
 * request simply leads to the login page.
 */
function SessionTimeoutNotice() {
  const t = useT();
  const base = useTenantBase();
  const { csrfToken, staffUser } = useView();
  if (!staffUser) return null;
  return (
    <>
      <div
        class="kern-alert kern-alert--warning ww-session-warning"
        role="alertdialog"
        aria-labelledby="ww-session-warning-title"
        aria-describedby="ww-session-warning-text"
        hidden
        data-staff-session
        data-idle-ms={String(IDLE_TIMEOUT_MS)}
        data-warn-ms={String(IDLE_WARNING_MS)}
        data-extend-url={`${base}/staff/session/extend`}
        data-csrf={csrfToken}
      >
        <div class="kern-alert__header">
          <span class="kern-icon kern-icon--warning" aria-hidden="true"></span>
          <h2 class="kern-title" id="ww-session-warning-title">
            {t('staff:session.warningTitle')}
          </h2>
        </div>
        <div class="kern-alert__body">
          <p class="kern-body" id="ww-session-warning-text">
            {t('staff:session.warningText')}
          </p>
          <p class="kern-body" data-ended hidden>
            {t('staff:session.endedText')}{' '}
            <a class="kern-link" href={`${base}/staff/login?expired=1`}>
              {t('staff:session.loginAgain')}
            </a>
          </p>
          <button class="kern-btn kern-btn--primary" type="button" data-extend>
            <span class="kern-label">{t('staff:session.extend')}</span>
          </button>
        </div>
      </div>
      <script src="/assets/staff.js" defer></script>
    </>
  );
}

/** Layout for staff pages: the shared Layout (which renders the staff navigation) plus the timeout warning. */
export function StaffLayout({ title, children, wide }: { title: string; children: ComponentChildren; wide?: boolean }) {
  return (
    <Layout title={title} wide={wide ?? false}>
      <SessionTimeoutNotice />
      {children}
    </Layout>
  );
}
