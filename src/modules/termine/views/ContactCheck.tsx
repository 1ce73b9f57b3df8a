// Steps 6 and 7: contact details and "check your answers" with the captcha and the booking button.
import type { Challenge } from 'altcha-lib';
import { useTenantBase, useView } from '#shared/html/context.js';
import { Alert, Button, SummaryList, TextField } from '#shared/html/components.js';
import { errorsOf, ErrorSummary, type FieldErrors } from '#shared/html/form-errors.js';
import { Layout } from '#shared/html/Layout.js';
import type { FieldError } from '#shared/http/errors.js';
import type { CaptchaQuestion } from '../captcha.js';
import type { Appointment, TerminLocation, TerminService } from '../termine.tables.js';
import { pageTitle } from './JourneySteps.js';
import { AppointmentSummary, BringList, HoldNotice, journeyHref, StepIndicator, TermineAssets, type JourneyQuery } from './parts.js';

interface HeldProps {
  held: Appointment;
  location: TerminLocation;
  services: TerminService[];
  canExtend: boolean;
  now: Date;
  errors: FieldError[];
}


export function ContactPage(props: HeldProps & { values: Record<string, string | undefined> }) {
  const { t } = useView();
  const base = useTenantBase();
  const q: JourneyQuery = { service: props.held.serviceIds, location: props.held.locationId, persons: props.held.persons };
  return (
    <Layout title={pageTitle(t, t('termine:contact.title'), props.errors)}>
      <TermineAssets />
      <p class="ww-back">
        <a class="kern-link" href={journeyHref(base, '/tag', q)}>
          {t('termine:contact.otherTime')}
        </a>
      </p>
      <StepIndicator step={6} />
      <ErrorSummary errors={props.errors} />
      <h1 class="kern-heading-large">{t('termine:contact.title')}</h1>
      <HoldNotice expiresAt={props.held.holdExpiresAt!} canExtend={props.canExtend} returnTo="kontakt" now={props.now} />
      <AppointmentSummary appointment={props.held} location={props.location} services={props.services} />
      <form method="post" action={`${base}/termine/kontakt`} novalidate>
        <TextField name="name" label={t('termine:contact.name')} autocomplete="name" value={props.values.name} error={errorsOf(props.errors, 'name')} />
        <TextField
          name="email"
          type="email"
          label={t('termine:contact.email')}
          hint={t('termine:contact.emailHint')}
          autocomplete="email"
          spellcheck={false}
          value={props.values.email}
          error={errorsOf(props.errors, 'email')}
        />
        <TextField name="phone" type="tel" label={t('termine:contact.phone')} hint={t('termine:contact.phoneHint')} autocomplete="tel" optional value={props.values.phone} error={errorsOf(props.errors, 'phone')} />
        <TextField name="bgNummer" label={t('termine:contact.bgNummer')} hint={t('termine:contact.bgNummerHint')} optional spellcheck={false} value={props.values.bgNummer} error={errorsOf(props.errors, 'bgNummer')} />
        <Button>{t('common:form.continue')}</Button>
      </form>
    </Layout>
  );
}

const numberWords: Record<string, string[]> = {
  de: ['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun'],
  en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
};

/**
 * Proof of work solved by termine.js (the question is then hidden); without JavaScript the person answers a
 * simple arithmetic question instead (doc/adr/0007-captcha.md).
 */
function Captcha(props: { challenge: Challenge; question: CaptchaQuestion; error?: FieldErrors }) {
  const { t, lang } = useView();
  const words = numberWords[lang] ?? numberWords.de!;
  return (
    <div class="ww-captcha" data-altcha-challenge={JSON.stringify(props.challenge)} data-msg-working={t('termine:captcha.working')} data-msg-done={t('termine:captcha.done')}>
      <input type="hidden" name="altcha" value="" data-altcha-field />
      <input type="hidden" name="captchaToken" value={props.question.token} />
      <div data-captcha-question>
        <TextField
          name="captchaAnswer"
          label={t('termine:captcha.question', { a: words[props.question.a], b: words[props.question.b] })}
          hint={t('termine:captcha.hint')}
          inputmode="numeric"
          autocomplete="off"
          width={4}
          error={props.error}
        />
      </div>
      <p class="kern-body kern-body--small" data-captcha-status aria-live="polite"></p>
    </div>
  );
}

/** Only what this journey already knows (its own address and choice) is on the page; the link goes by mail. */
function SameBookingWarning({ email, formToken }: { email: string; formToken: string }) {
  const { t } = useView();
  const base = useTenantBase();
  return (
    <Alert type="warning" title={t('termine:check.duplicateTitle')}>
      <p class="kern-body">{t('termine:check.duplicateText', { email })}</p>
      <form method="post" action={`${base}/termine/vorhanden`} novalidate>
        <input type="hidden" name="formToken" value={formToken} />
        <p class="kern-body">{t('termine:check.duplicateResendHint')}</p>
        <Button>{t('termine:check.duplicateResend')}</Button>
      </form>
      <p class="kern-body">{t('termine:check.duplicateAnyway')}</p>
    </Alert>
  );
}

export function CheckAnswersPage(
  props: HeldProps & {
    formToken: string;
    captcha?: { challenge: Challenge; question: CaptchaQuestion } | undefined;
    /** The address has booked the same concerns, place and time already (duplicate.service.ts). */
    sameBooking?: boolean | undefined;
  },
) {
  const { t } = useView();
  const base = useTenantBase();
  const h = props.held;
  const q: JourneyQuery = { service: h.serviceIds, location: h.locationId, persons: h.persons };
  return (
    <Layout title={pageTitle(t, t('termine:check.title'), props.errors)}>
      <TermineAssets />
      <StepIndicator step={7} />
      <ErrorSummary errors={props.errors} />
      <h1 class="kern-heading-large">{t('termine:check.title')}</h1>
      {props.sameBooking ? <SameBookingWarning email={h.email ?? ''} formToken={props.formToken} /> : null}
      <HoldNotice expiresAt={h.holdExpiresAt!} canExtend={props.canExtend} returnTo="pruefen" now={props.now} />
      <h2 class="kern-heading-medium">{t('termine:check.appointment')}</h2>
      <AppointmentSummary
        appointment={h}
        location={props.location}
        services={props.services}
        change={{
          services: journeyHref(base, '', q),
          location: journeyHref(base, '/standort', q),
          persons: journeyHref(base, '/personen', q),
          date: journeyHref(base, '/tag', q),
        }}
      />
      <h2 class="kern-heading-medium">{t('termine:check.contact')}</h2>
      <SummaryList
        rows={[
          { key: t('termine:contact.name'), value: h.name ?? '', change: { href: `${base}/termine/kontakt`, label: t('common:form.change') } },
          { key: t('termine:contact.email'), value: h.email ?? '', change: { href: `${base}/termine/kontakt`, label: t('common:form.change') } },
          { key: t('termine:contact.phone'), value: h.phone ?? t('termine:check.none'), change: { href: `${base}/termine/kontakt`, label: t('common:form.change') } },
          { key: t('termine:contact.bgNummer'), value: h.bgNummer ?? t('termine:check.none'), change: { href: `${base}/termine/kontakt`, label: t('common:form.change') } },
        ]}
      />
      <BringList services={props.services} />
      <p class="kern-body">{t('termine:check.privacy')}</p>
      <form method="post" action={`${base}/termine/buchen`} novalidate>
        <input type="hidden" name="formToken" value={props.formToken} />
        {props.captcha ? <Captcha challenge={props.captcha.challenge} question={props.captcha.question} error={errorsOf(props.errors, 'captchaAnswer')} /> : null}
        <Button>{t('termine:check.book')}</Button>
      </form>
    </Layout>
  );
}
