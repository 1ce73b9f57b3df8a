import { Alert } from '#shared/html/components.js';
import { useT } from '#shared/html/context.js';
import { Layout } from '#shared/html/Layout.js';

interface Row {
  id: string;
  kind: string;
  to: string;
  subject: string;
  status: string;
  createdAt: Date;
  text: string;
}

export function DevMailPage({ files, rows }: { files: string[]; rows: Row[] }) {
  const t = useT();
  return (
    <Layout title={t('staff:devmail.title')} wide>
      <h1 class="kern-heading-large">{t('staff:devmail.title')}</h1>
      <Alert type="warning" title={t('staff:devmail.devOnly')} />
      <h2 class="kern-heading-medium">{t('staff:devmail.files')}</h2>
      {files.length === 0 ? (
        <p class="kern-body">{t('staff:devmail.none')}</p>
      ) : (
        <ul class="kern-list kern-list--bullet">
          {files.map((f) => (
            <li key={f}>
              <a class="kern-link" href={`/dev/mail/${f}`}>
                {f}
              </a>
            </li>
          ))}
        </ul>
      )}
      <h2 class="kern-heading-medium">{t('staff:devmail.outbox')}</h2>
      {rows.length === 0 ? <p class="kern-body">{t('staff:devmail.none')}</p> : null}
      {rows.map((r) => (
        <details class="ww-section" key={r.id}>
          <summary>
            {r.createdAt.toISOString()} · {r.status} · {r.kind} · {r.to} · {r.subject}
          </summary>
          <pre class="ww-mail-text">{r.text}</pre>
        </details>
      ))}
    </Layout>
  );
}
