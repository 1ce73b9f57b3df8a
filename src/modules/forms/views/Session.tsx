import type { ComponentType } from 'preact';
import type { FieldError } from '#shared/http/errors.js';
import { Alert, BackLink, Button, ButtonLink, TextField } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import { useT, useView } from '#shared/html/context.js';
import { Layout } from '#shared/html/Layout.js';
import type { FlowDefinition } from '../flow.js';
import { useFlowBase } from './QuestionView.js';
import { formatDateTimeMedium } from '#shared/time.js';
import { birthDateField, type StatusView as StatusData } from '../status.js';
import { submittedAtParams } from '../submission.js';
import { FieldView } from './FieldView.js';
import { FeedbackLink } from '../../feedback/index.js';

/** "Save and continue later": an e-mail address for the resume link. */
export function SaveView({ flow, email, errors, expiresOn, backHref }: { flow: FlowDefinition; email: string; errors: FieldError[]; expiresOn: string; backHref: string }) {
  const t = useT();
  const base = useFlowBase(flow);
  const title = t('forms:save.title');
  return (
    <Layout title={errors.length ? t('forms:page.errorTitle', { title }) : title}>
      <BackLink href={backHref} />
      <ErrorSummary errors={errors} />
      <h1 class="kern-heading-large">{title}</h1>
      <p class="kern-body">{t('forms:save.intro', { date: expiresOn })}</p>
      <form method="post" action={`${base}/speichern`} novalidate>
        <TextField name="email" type="email" autocomplete="email" spellcheck={false} label={t('forms:save.email')} hint={t('forms:save.emailHint')} value={email} error={errorsOf(errors, 'email')} />
        <div class="ww-actions">
          <Button>{t('forms:save.send')}</Button>
        </div>
      </form>
    </Layout>
  );
}

export function SavedView({ flow, expiresOn }: { flow: FlowDefinition; expiresOn: string }) {
  const t = useT();
  const base = useFlowBase(flow);
  return (
    <Layout title={t('forms:save.sentTitle')}>
      <h1 class="kern-heading-large">{t('forms:save.sentTitle')}</h1>
      <p class="kern-body">{t('forms:save.sentText', { date: expiresOn })}</p>
      <p class="kern-body">
        <a class="kern-link" href={flow.taskList ? `${base}/aufgaben` : base}>
          {t('forms:save.backToForm')}
        </a>
      </p>
    </Layout>
  );
}

/** The page behind the e-mail link: GET only shows a button; the POST continues (mail scanners change nothing). */
export function ResumeView({ flow, token, valid }: { flow: FlowDefinition; token: string; valid: boolean }) {
  const t = useT();
  const base = useFlowBase(flow);
  if (!valid) {
    return (
      <Layout title={t('forms:resume.invalidTitle')}>
        <h1 class="kern-heading-large">{t('forms:resume.invalidTitle')}</h1>
        <p class="kern-body">{t('forms:resume.invalidText')}</p>
        <ButtonLink href={base}>{t('forms:resume.startNew')}</ButtonLink>
      </Layout>
    );
  }
  return (
    <Layout title={t('forms:resume.title', { service: t(flow.titleKey) })}>
      <h1 class="kern-heading-large">{t('forms:resume.title', { service: t(flow.titleKey) })}</h1>
      <p class="kern-body">{t('forms:resume.text')}</p>
      <form method="post" action={`${base}/fortsetzen`}>
        <input type="hidden" name="token" value={token} />
        <Button>{t('forms:resume.continue')}</Button>
      </form>
    </Layout>
  );
}

/** No draft in this browser (never started, expired, or cookies deleted). */
export function NoDraftView({ flow }: { flow: FlowDefinition }) {
  const t = useT();
  const base = useFlowBase(flow);
  return (
    <Layout title={t('forms:noDraft.title')}>
      <h1 class="kern-heading-large">{t('forms:noDraft.title')}</h1>
      <p class="kern-body">{t('forms:noDraft.text')}</p>
      <ButtonLink href={base}>{t('forms:noDraft.start')}</ButtonLink>
    </Layout>
  );
}

export function ConfirmationView({
  flow,
  reference,
  submittedAt,
  statusHref,
  hasMail,
  extra: Extra,
}: {
  flow: FlowDefinition;
  reference: string;
  submittedAt: Date;
  statusHref: string;
  hasMail: boolean;
  extra?: ComponentType<{ reference: string }> | undefined;
}) {
  const t = useT();
  const base = useFlowBase(flow);
  return (
    <Layout title={t('forms:confirmation.title')}>
      <div class="kern-alert kern-alert--success" role="status">
        <div class="kern-alert__header">
          <span class="kern-icon kern-icon--success" aria-hidden="true"></span>
          <h1 class="kern-title">{t('forms:confirmation.title')}</h1>
        </div>
        <div class="kern-alert__body">
          <p class="kern-body">{t('forms:confirmation.reference')}</p>
          <p class="kern-body ww-reference">{reference}</p>
          <p class="kern-body">{t('forms:confirmation.submittedAt', submittedAtParams(submittedAt))}</p>
        </div>
      </div>
      <p class="kern-body">{hasMail ? t('forms:confirmation.mailSent') : t('forms:confirmation.noMail')}</p>
      <ul class="kern-list kern-list--bullet">
        <li>
          <a class="kern-link" href={`${base}/bestaetigung/pdf`} download>
            {t('forms:confirmation.pdf')}
          </a>
        </li>
        <li>
          <a class="kern-link" href={statusHref}>
            {t('forms:confirmation.status')}
          </a>
        </li>
      </ul>
      <p class="kern-body">{t('forms:confirmation.keepLink')}</p>
      {Extra ? <Extra reference={reference} /> : null}
      <FeedbackLink service={flow.id} />
    </Layout>
  );
}

/** How the status page offers the submitted PDF: a link (mail link) or a button that sends the two keys again. */
export type StatusPdf = { href: string } | { form: { reference: string; birthDate: string } };

/** The citizen's status page: a form (reference + date of birth) or, after the lookup, the status, timeline and PDF. */
export function StatusPageView({
  flow,
  status,
  errors,
  reference,
  birthDate,
  pdf,
}: {
  flow: FlowDefinition;
  status?: StatusData | undefined;
  errors: FieldError[];
  reference: string;
  birthDate?: unknown;
  pdf?: StatusPdf | undefined;
}) {
  const { t, lang } = useView();
  const base = useFlowBase(flow);
  const title = t('forms:status.title');
  if (status) {
    return (
      <Layout title={title}>
        <h1 class="kern-heading-large">{title}</h1>
        <dl class="kern-description-list">
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{t('forms:status.reference')}</dt>
            <dd class="kern-description-list-item__value">{status.reference}</dd>
          </div>
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{t('forms:status.current')}</dt>
            <dd class="kern-description-list-item__value">{t(`forms:status.values.${status.status}`)}</dd>
          </div>
        </dl>
        {pdf ? <PdfDownload base={base} pdf={pdf} /> : null}
        <h2 class="kern-heading-medium">{t('forms:status.timeline')}</h2>
        <ol class="ww-timeline">
          {status.timeline.map((entry, i) => (
            <li key={i}>
              <strong>{t(`forms:status.values.${entry.status}`)}</strong>{' '}
              <span>{formatDateTimeMedium(entry.at, lang)}</span>
              <p class="kern-body kern-body--small">{t(`forms:status.explain.${entry.status}`)}</p>
            </li>
          ))}
        </ol>
      </Layout>
    );
  }
  return (
    <Layout title={errors.length ? t('forms:page.errorTitle', { title }) : title}>
      <ErrorSummary errors={errors.filter((e) => e.field !== 'form')} />
      <h1 class="kern-heading-large">{title}</h1>
      <p class="kern-body">{t('forms:status.intro')}</p>
      {errors
        .filter((e) => e.field === 'form')
        .map((e) => (
          <Alert key={e.message} type="danger" title={t(e.message)} />
        ))}
      <form method="post" action={`${base}/status`} novalidate>
        <TextField name="reference" label={t('forms:status.reference')} hint={t('forms:status.referenceHint')} value={reference} error={errorsOf(errors, 'reference')} spellcheck={false} />
        <FieldView field={birthDateField} value={birthDate} error={errors.find((e) => e.field === 'birthDate')} params={{}} asHeading={false} />
        <div class="ww-actions">
          <Button>{t('forms:status.show')}</Button>
        </div>
      </form>
      <p class="kern-body">{t('forms:status.byLink')}</p>
    </Layout>
  );
}

function PdfDownload({ base, pdf }: { base: string; pdf: StatusPdf }) {
  const t = useT();
  if ('href' in pdf) {
    return (
      <p class="kern-body">
        <a class="kern-link" href={pdf.href} download>
          {t('forms:status.pdf')}
        </a>
      </p>
    );
  }
  return (
    <form method="post" action={`${base}/status/pdf`}>
      <input type="hidden" name="reference" value={pdf.form.reference} />
      <input type="hidden" name="birthDate" value={pdf.form.birthDate} />
      <Button variant="secondary">{t('forms:status.pdf')}</Button>
    </form>
  );
}

