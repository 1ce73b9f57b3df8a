import type { ComponentChildren } from 'preact';
import type { FieldError } from '#shared/http/errors.js';
import { Button, TextField } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import { useT, useView } from '#shared/html/context.js';
import { Layout } from '#shared/html/Layout.js';
import { ticketLabel } from '../queue.js';
import type { DisplayRow } from '../display.service.js';

/** Without JavaScript the screen reloads itself; with it, servicepoint.js follows the event stream. */
export const DISPLAY_REFRESH_SECONDS = 10;

function DisplayShell({ title, children }: { title: string; children: ComponentChildren }) {
  const { lang } = useView();
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{title}</title>
        <noscript>
          <meta http-equiv="refresh" content={String(DISPLAY_REFRESH_SECONDS)} />
        </noscript>
        <link rel="stylesheet" href="/assets/kern/fonts/fira-sans.css" />
        <link rel="stylesheet" href="/assets/servicepoint.css" />
        <script src="/assets/servicepoint.js" defer></script>
      </head>
      <body class="sp-display-body">{children}</body>
    </html>
  );
}

/** Waiting-room screen: numbers and counters only, never names. */
export function DisplayPage({ locationName, calls, waiting, eventsUrl }: { locationName: string; calls: DisplayRow[]; waiting: number; eventsUrl: string }) {
  const t = useT();
  const [current, ...earlier] = calls;
  return (
    <DisplayShell title={t('servicepoint:display.title', { location: locationName })}>
      <main class="sp-display" data-display data-events={eventsUrl} data-label-counter={t('servicepoint:display.counter')} data-label-none={t('servicepoint:display.none')}>
        <h1 class="sp-display__title">{t('servicepoint:display.title', { location: locationName })}</h1>
        <section class="sp-display__current" aria-live="polite" aria-atomic="true" aria-labelledby="sp-current-label">
          <h2 id="sp-current-label" class="sp-display__label">{t('servicepoint:display.now')}</h2>
          <p class="sp-display__call" data-current>
            {current ? (
              <>
                <span class="sp-display__number" data-number>{ticketLabel(current.ticket)}</span>
                <span class="sp-display__arrow" aria-hidden="true"> → </span>
                <span class="sp-display__counter" data-counter>
                  {t('servicepoint:display.counter')} {current.counter}
                </span>
              </>
            ) : (
              <span class="sp-display__empty">{t('servicepoint:display.none')}</span>
            )}
          </p>
        </section>
        <section aria-labelledby="sp-earlier-label">
          <h2 id="sp-earlier-label" class="sp-display__label">{t('servicepoint:display.earlier')}</h2>
          <ul class="sp-display__list" data-earlier>
            {earlier.map((c) => (
              <li key={c.ticket}>
                {ticketLabel(c.ticket)} → {t('servicepoint:display.counter')} {c.counter}
              </li>
            ))}
          </ul>
        </section>
        <p class="sp-display__waiting">
          <span data-waiting>{t('servicepoint:display.waiting', { count: waiting })}</span>
        </p>
        <button class="sp-display__chime" type="button" data-chime hidden aria-pressed="false">
          {t('servicepoint:display.chime')}
        </button>
      </main>
    </DisplayShell>
  );
}

export function KioskPage({ locationName, errors = [], ticket, value }: { locationName: string; errors?: FieldError[]; ticket?: number | undefined; value?: string }) {
  const t = useT();
  return (
    <Layout title={t('servicepoint:kiosk.title')}>
      <h1 class="kern-heading-large">{t('servicepoint:kiosk.title')}</h1>
      <p class="kern-body">{locationName}</p>
      {ticket ? (
        <div class="sp-ticket" role="status">
          <h2 class="kern-heading-medium">{t('servicepoint:kiosk.yourNumber')}</h2>
          <p class="sp-ticket__number">{ticketLabel(ticket)}</p>
          <p class="kern-body">{t('servicepoint:ticket.watchScreen')}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} />
      <form method="post" novalidate>
        <TextField
          name="code"
          label={t('servicepoint:kiosk.code')}
          hint={t('servicepoint:kiosk.codeHint')}
          value={ticket ? '' : value}
          error={errorsOf(errors, 'code')}
          autocomplete="off"
          spellcheck={false}
        />
        <Button>{t('servicepoint:kiosk.submit')}</Button>
      </form>
    </Layout>
  );
}
