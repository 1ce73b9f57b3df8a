// The press list's mails: the confirmation request (double opt-in) and a release as sent to the list, each as text
// and HTML. A release mail carries List-Unsubscribe and List-Unsubscribe-Post, so mail programs offer a one-click
// unsubscribe (RFC 2369, RFC 8058).
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { fixedT } from '#shared/i18n/index.js';
import type { Mail } from '#shared/mail/outbox.js';
import type { Tenant } from '#shared/tenancy/index.js';
import { plainText } from './markdown.js';
import type { PressRelease } from './presse.tables.js';
import { runningNumber } from './format.js';

const page = (lang: string, body: ComponentChildren) => `<!doctype html>${renderToString(
  <html lang={lang}>
    <body>{body}</body>
  </html>,
)}`;

export function confirmationMail(input: { to: string; tenant: Tenant; lang: string; link: string; hours: number }): Mail {
  const t = fixedT(input.lang);
  const params = { tenant: input.tenant.name, hours: input.hours };
  const paragraphs = [t('presse:list.mail.intro', params), t('presse:list.mail.expiry', params), t('presse:list.mail.ignore')];
  return {
    kind: 'presse.presslist.confirm',
    to: input.to,
    subject: t('presse:list.mail.subject', params),
    text: [paragraphs[0], `${t('presse:list.mail.link')}:\n${input.link}`, ...paragraphs.slice(1)].join('\n\n'),
    html: page(
      input.lang,
      <>
        <p>{paragraphs[0]}</p>
        <p>
          <a href={input.link}>{t('presse:list.mail.link')}</a>
        </p>
        {paragraphs.slice(1).map((p) => (
          <p key={p}>{p}</p>
        ))}
      </>,
    ),
  };
}

export interface ReleaseMailInput {
  to: string;
  tenant: Tenant;
  release: PressRelease;
  /** The rendered body (markdown with raw HTML off), dateline leading. */
  bodyHtml: string;
  contact: string;
  url: string;
  unsubscribe: string;
}

/** A release as the list receives it: in German, the language releases are written in. */
export function releaseMail(input: ReleaseMailInput): Mail {
  const t = fixedT('de');
  const { release } = input;
  const number = runningNumber(release, t) ?? '';
  const text = [
    number,
    release.title,
    release.subtitle,
    `${release.dateline} ${plainText(release.body)}`,
    `${t('presse:release.contact')}:\n${input.contact}`,
    `${t('presse:list.mail.online')}: ${input.url}`,
    `${t('presse:list.mail.unsubscribe')}: ${input.unsubscribe}`,
  ]
    .filter(Boolean)
    .join('\n\n');
  const html = page(
    'de',
    <>
      <p>{number}</p>
      <h1>{release.title}</h1>
      {release.subtitle ? <p>{release.subtitle}</p> : null}
      <div dangerouslySetInnerHTML={{ __html: input.bodyHtml }} />
      <h2>{t('presse:release.contact')}</h2>
      <p style="white-space: pre-line">{input.contact}</p>
      <p>
        <a href={input.url}>{t('presse:list.mail.online')}</a>
      </p>
      <p>
        <a href={input.unsubscribe}>{t('presse:list.mail.unsubscribe')}</a>
      </p>
    </>,
  );
  return {
    kind: 'presse.presslist.release',
    to: input.to,
    subject: `${number}: ${release.title}`,
    text,
    html,
    headers: { 'List-Unsubscribe': `<${input.unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}
