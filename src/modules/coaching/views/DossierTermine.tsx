import { Button, ButtonLink, CsrfField } from '#shared/html/components.js';
import { useT, useView } from '#shared/html/context.js';
import type { TerminEintrag } from '../termin.service.js';
import { formatDateTime } from '#shared/time.js';
import type { DossierPageProps } from './dossier-form.js';
import { Badge, type BadgeKind } from './parts.js';

const stateKind = (status: string): BadgeKind => (status === 'cancelled' || status === 'no_show' ? 'danger' : status === 'done' ? 'success' : 'info');
const stateOf = (status: string) => (['booked', 'pending', 'cancelled', 'done', 'no_show'].includes(status) ? status : 'other');

/** One appointment: when, where, for what, and its state in the Onlineterminierung. */
export function TerminEntry({ eintrag }: { eintrag: TerminEintrag }) {
  const t = useT();
  const { lang } = useView();
  const { appointment: a, location } = eintrag.view;
  return (
    <>
      <strong>
        <time datetime={a.startsAt.toISOString()}>{formatDateTime(a.startsAt, lang)}</time>
      </strong>{' '}
      <Badge kind={stateKind(a.status)}>{t(`coaching:termin.state.${stateOf(a.status)}`)}</Badge>
      <br />
      {location.name}, {location.street}, {location.postalCode} {location.city}
    </>
  );
}

/** Appointments with the coach, booked through the Onlineterminierung; the coach books, moves and cancels here. */
export function TermineSection({ dossier: d, base, termine }: DossierPageProps) {
  const t = useT();
  const { csrfToken } = useView();
  const coach = d.zugang === 'coach';
  const url = `${base}/${d.tn.id}/termin`;
  return (
    <section class="ww-section" id="termine" aria-labelledby="termine-heading">
      <h2 class="kern-heading-medium" id="termine-heading">
        {t('coaching:termin.title')}
      </h2>
      <p class="kern-body">{t('coaching:termin.lead')}</p>
      {!termine?.length ? <p class="kern-body ww-muted">{t('coaching:termin.none')}</p> : null}
      {termine?.length ? (
        <ul class="ww-list-plain">
          {termine.map((e) => (
            <li key={e.aktivitaetId} class="ww-termin">
              <p class="kern-body">
                <TerminEntry eintrag={e} />
              </p>
              {coach && e.changeable ? (
                <div class="ww-actions">
                  <ButtonLink variant="secondary" href={`${url}?verschieben=${e.aktivitaetId}`}>
                    {t('coaching:termin.move')}
                  </ButtonLink>
                  <form method="post" action={`${base}/${d.tn.id}/termine/${e.aktivitaetId}/absagen`}>
                    <CsrfField token={csrfToken} />
                    <Button variant="tertiary">{t('coaching:termin.cancel')}</Button>
                  </form>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {coach && d.tn.phase !== 'beendet' ? <ButtonLink href={url}>{t('coaching:termin.book')}</ButtonLink> : null}
    </section>
  );
}
