import { formatDateTime, formatDayShort } from '#shared/time.js';
import { Alert, ButtonLink, SummaryList } from '#shared/html/components.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import { Layout } from '#shared/html/Layout.js';
import { formatBytes, statusText, type Receipt } from '../receipt.js';
import { FeedbackLink } from '../../feedback/index.js';

/**
 * The Eingangsbestätigung as a page: shown right after sending, and later through the receipt link. It speaks to
 * the citizen (what arrived, what happens next); check sums, stored documents and their scan state are in the PDF,
 * which is the proof and says in one sentence what the check sums prove.
 */
export function ReceiptPage({ receipt, pdfHref, moreHref }: { receipt: Receipt; pdfHref: string; moreHref?: string | undefined }) {
  const t = useT();
  const { lang } = useView();
  const base = useTenantBase();
  const alertType = receipt.status === 'infected' ? 'danger' : receipt.status === 'quarantined' || receipt.scanStatus === 'unscanned' ? 'warning' : 'success';
  const rows = [
    { key: t('unterlagen:receipt.reference'), value: receipt.reference },
    { key: t('unterlagen:receipt.receivedAt'), value: formatDateTime(receipt.receivedAt, lang) },
    {
      key: t(receipt.documentTypes.length > 1 ? 'unterlagen:receipt.documentTypes' : 'unterlagen:receipt.documentType'),
      value: receipt.documentTypes.map((type) => t(`unterlagen:documentTypes.${type}`)).join(', '),
    },
  ];
  if (receipt.applicationReference) rows.splice(2, 0, { key: t('unterlagen:receipt.application'), value: receipt.applicationReference });
  if (receipt.item) {
    rows.push({
      key: t('unterlagen:receipt.item'),
      value: t('unterlagen:receipt.itemValue', { number: receipt.item.number, description: receipt.item.description, due: formatDayShort(receipt.item.dueDate, lang) }),
    });
  }
  return (
    <Layout title={t('unterlagen:receipt.title')}>
      <h1 class="kern-heading-large">{t('unterlagen:receipt.title')}</h1>
      <Alert type={alertType} title={statusText(t, receipt)}>
        <p class="kern-body">{t(`unterlagen:receipt.next.${receipt.status}`)}</p>
      </Alert>
      <SummaryList rows={rows} />

      <h2 class="kern-heading-medium">{t('unterlagen:receipt.filesHeading')}</h2>
      <ul class="kern-list kern-list--bullet">
        {receipt.files.map((file) => (
          <li key={file.sha256 + file.name}>
            <span class="ww-break">{file.name}</span> ({formatBytes(file.size, lang)})
          </li>
        ))}
      </ul>
      <p class="kern-body">{t('unterlagen:receipt.proofInPdf')}</p>

      <div class="ww-actions">
        <ButtonLink href={pdfHref}>{t('unterlagen:receipt.downloadPdf')}</ButtonLink>
        <a class="kern-link" href={moreHref ?? `${base}/unterlagen`}>
          {t('unterlagen:receipt.sendMore')}
        </a>
      </div>
      <p class="kern-body kern-body--small">{t('unterlagen:receipt.keepLink')}</p>
      <FeedbackLink service="unterlagen" />
    </Layout>
  );
}
