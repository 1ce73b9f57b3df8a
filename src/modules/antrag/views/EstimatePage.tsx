import type { ContentPageProps } from '../../forms/index.js';
import { Alert } from '#shared/html/components.js';
import { useView } from '#shared/html/context.js';
import type { EstimateData } from '../antrag.service.js';
import { EstimateView } from './EstimateResult.js';

/** The Orientierungsrechnung of the Erstantrag: the same presentation as the public Rechner, clearly non-binding. */
export function EstimatePage({ data }: ContentPageProps) {
  const { t } = useView();
  const d = data as EstimateData;
  return (
    <>
      <Alert type="warning" title={t('antrag:estimate.nonBindingTitle')}>
        <p class="kern-body">{t('antrag:estimate.nonBinding')}</p>
      </Alert>
      {d.result ? (
        <EstimateView result={d.result} limits={d.limits} bgSize={d.bgSize} />
      ) : (
        <p class="kern-body">{t(d.missing === 'household' ? 'antrag:estimate.notPossible' : 'antrag:estimate.missing')}</p>
      )}
    </>
  );
}
