import { Alert, ButtonLink, SummaryList, TableScroll } from '../../../shared/html/components.js';
import { useT, useTenantBase, useView } from '../../../shared/html/context.js';
import { Layout } from '../../../shared/html/Layout.js';
import { formatBerlinDateTime, formatBytes, formatLocalDate, statusText, type Receipt } from '../receipt.js';
import { ScanBadge } from './parts.js';

/** The Eingangsbestätigung as a page: shown right after sending, and later through the receipt link. */
export function ReceiptPage({ receipt, pdfHref }: { receipt: Receipt; pdfHref: string }) {
  const t = useT();
  const { lang } = useView();
  const base = useTenantBase();
  const alertType = receipt.status === 'infected' ? 'danger' : receipt.status === 'quarantined' || receipt.scanStatus === 'unscanned' ? 'warning' : 'success';
  const rows = [
    { key: t('unterlagen:receipt.reference'), value: receipt.reference },
    { key: t('unterlagen:receipt.receivedAt'), value: formatBerlinDateTime(receipt.receivedAt, lang) },
    { key: t('unterlagen:receipt.documentType'), value: t(`unterlagen:documentTypes.${receipt.documentType}`) },
  ];
  if (receipt.item) {
    rows.push({
      key: t('unterlagen:receipt.item'),
      value: t('unterlagen:receipt.itemValue', { number: receipt.item.number, description: receipt.item.description, due: formatLocalDate(receipt.item.dueDate, lang) }),
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
      <TableScroll>
        <table class="kern-table">
          <caption class="kern-sr-only">{t('unterlagen:receipt.filesHeading')}</caption>
          <thead class="kern-table__header">
            <tr class="kern-table__row">
              <th class="kern-table__header" scope="col">{t('unterlagen:receipt.fileName')}</th>
              <th class="kern-table__header kern-table__header--numeric" scope="col">{t('unterlagen:receipt.fileSize')}</th>
              <th class="kern-table__header" scope="col">SHA-256</th>
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {receipt.files.map((file) => (
              <tr class="kern-table__row" key={file.sha256 + file.name}>
                <td class="kern-table__cell ww-break">{file.name}</td>
                <td class="kern-table__cell kern-table__cell--numeric">{formatBytes(file.size, lang)}</td>
                <td class="kern-table__cell">
                  <code class="ww-hash">{file.sha256}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <h2 class="kern-heading-medium">{t('unterlagen:receipt.documentsHeading')}</h2>
      <ul class="kern-list">
        {receipt.documents.map((doc) => (
          <li key={doc.sha256}>
            <span class="ww-break">{doc.name}</span> ({formatBytes(doc.size, lang)}
            {doc.pages ? `, ${t('unterlagen:receipt.pages', { count: doc.pages })}` : ''}) <ScanBadge status={doc.scanStatus} />
          </li>
        ))}
      </ul>

      <div class="ww-actions">
        <ButtonLink href={pdfHref}>{t('unterlagen:receipt.downloadPdf')}</ButtonLink>
        <a class="kern-link" href={`${base}/unterlagen`}>
          {t('unterlagen:receipt.sendMore')}
        </a>
      </div>
      <p class="kern-body kern-body--small">{t('unterlagen:receipt.keepLink')}</p>
    </Layout>
  );
}
