// The page shown for an error status on HTML routes (not found, invalid input, too many requests, unavailable, …), translated, inside the layout.
import type { FieldError } from '../http/errors.js';
import { ErrorSummary } from './form-errors.js';
import { useView } from './context.js';
import { Layout } from './Layout.js';

export function ErrorPage(props: {
  status: number;
  titleKey: string;
  detailKey?: string | undefined;
  fields?: FieldError[];
  params?: Record<string, unknown>;
}) {
  const { t, tenant } = useView();
  const title = t(props.titleKey, props.params ?? {});
  return (
    <Layout title={title}>
      <h1 class="kern-heading-large">{title}</h1>
      {props.fields?.length ? <ErrorSummary errors={props.fields} /> : null}
      {props.detailKey ? <p class="kern-body">{t(props.detailKey, props.params ?? {})}</p> : null}
      <p class="kern-body">
        <a class="kern-link" href={tenant ? `/t/${tenant.slug}` : '/'}>
          {t('common:errors.backHome')}
        </a>
      </p>
      <p class="kern-body kern-body--small">{t('common:errors.statusCode', { status: props.status })}</p>
    </Layout>
  );
}
