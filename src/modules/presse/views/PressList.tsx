import type { FieldError } from '#shared/http/errors.js';
import { BackLink, Button, ChoiceGroup, TextField } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import { useT, useTenantBase } from '#shared/html/context.js';
import { Layout } from '#shared/html/Layout.js';

export interface SubscribeProps {
  categories: string[];
  values: { email?: string | undefined; categories?: string[] | undefined };
  errors: FieldError[];
}

/** The press list's subscription form: an address and optional topics; what happens next is said before sending. */
export function SubscribePage({ categories, values, errors }: SubscribeProps) {
  const t = useT();
  const base = useTenantBase();
  const error = (field: string) => errorsOf(errors, field);
  return (
    <Layout title={t('presse:list.title')}>
      <BackLink href={`${base}/presse`} />
      <h1 class="kern-heading-large">{t('presse:list.title')}</h1>
      <p class="kern-body">{t('presse:list.intro')}</p>
      <ErrorSummary errors={errors} />
      <form method="post" action={`${base}/presse/verteiler`} class="pr-form" novalidate>
        <TextField name="email" type="email" autocomplete="email" spellcheck={false} label={t('presse:list.email')} value={values.email} error={error('email')} />
        {categories.length > 0 ? (
          <ChoiceGroup
            name="categories"
            multiple
            optional
            legend={t('presse:list.topics')}
            hint={t('presse:list.topicsHint')}
            options={categories.map((c) => ({ value: c, label: c }))}
            value={values.categories}
            error={error('categories')}
          />
        ) : null}
        <p class="kern-body kern-body--small">{t('presse:list.privacy')}</p>
        <div class="ww-actions">
          <Button>{t('presse:list.submit')}</Button>
        </div>
      </form>
    </Layout>
  );
}

export interface ListMessageProps {
  title: string;
  text: string;
  /** A button that POSTs to this path (confirm or unsubscribe: a mail scanner following a link changes nothing). */
  action?: { path: string; label: string } | undefined;
  /** Announce the text (the outcome of the visitor's action). */
  status?: boolean;
}

export function ListMessagePage({ title, text, action, status }: ListMessageProps) {
  const base = useTenantBase();
  const t = useT();
  return (
    <Layout title={title}>
      <h1 class="kern-heading-large">{title}</h1>
      <p class="kern-body" role={status ? 'status' : undefined}>
        {text}
      </p>
      {action ? (
        <form method="post" action={action.path}>
          <div class="ww-actions">
            <Button>{action.label}</Button>
          </div>
        </form>
      ) : null}
      <p class="kern-body">
        <a class="kern-link" href={`${base}/presse`}>
          {t('presse:newsroom.title')}
        </a>
      </p>
    </Layout>
  );
}
