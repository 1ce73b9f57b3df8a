import type { ComponentChildren } from 'preact';
import type { FieldError } from '#shared/http/errors.js';
import { BackLink, Button } from '#shared/html/components.js';
import { ErrorSummary } from '#shared/html/form-errors.js';
import { useT, useTenantBase } from '#shared/html/context.js';
import { Layout } from '#shared/html/Layout.js';
import type { Field } from '../fields.js';
import type { FlowDefinition, Item } from '../flow.js';
import { FieldView } from './FieldView.js';

const FIELDSET_KINDS = new Set(['radio', 'checkbox', 'date']);

export interface QuestionViewProps {
  flow: FlowDefinition;
  title: string;
  intro?: string | undefined;
  fields: Field[];
  /** raw values by field name */
  values: Record<string, unknown>;
  errors: FieldError[];
  params: Record<string, string>;
  action: string;
  backHref: string;
  /** the overview of a repeatable group lists its items above the question */
  overview?: { heading: string; items: { item: Item; label: string; changeHref: string; removeHref: string }[] } | undefined;
}

/** A question page: one fieldset or a few fields, "continue" and "save for later". */
export function QuestionView(props: QuestionViewProps) {
  const t = useT();
  const { fields, errors, params } = props;
  // Error messages name the field they belong to ({{label}}), so a summary with several amounts stays clear.
  const labelled = errors.map((e) => {
    const field = fields.find((f) => f.name === e.field);
    return { ...e, params: { ...e.params, label: field ? t(field.labelKey, params) : '' } };
  });
  const hasItems = (props.overview?.items.length ?? 0) > 0;
  const legendIsHeading = fields.length === 1 && FIELDSET_KINDS.has(fields[0]!.kind) && !hasItems;
  const title = errors.length > 0 ? t('forms:page.errorTitle', { title: props.title }) : props.title;
  return (
    <Layout title={title}>
      <BackLink href={props.backHref} />
      <ErrorSummary errors={labelled} />
      {props.overview && hasItems ? (
        <>
          <h1 class="kern-heading-large">{props.overview.heading}</h1>
          <ul class="ww-item-list">
            {props.overview.items.map((entry) => (
              <li key={entry.item.id}>
                <span class="ww-item-list__name">{entry.label}</span>
                <span class="ww-item-list__actions">
                  <a class="kern-link" href={entry.changeHref}>
                    {t('forms:overview.change')}
                    <span class="ww-visually-hidden"> – {entry.label}</span>
                  </a>
                  <a class="kern-link" href={entry.removeHref}>
                    {t('forms:overview.remove')}
                    <span class="ww-visually-hidden"> – {entry.label}</span>
                  </a>
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : legendIsHeading ? null : (
        <h1 class="kern-heading-large">{props.title}</h1>
      )}
      {props.intro ? <p class="kern-body">{props.intro}</p> : null}
      <form method="post" action={props.action} novalidate data-flow-form>
        {fields.map((field) => (
          <FieldView
            key={field.name}
            field={field}
            value={props.values[field.name]}
            error={labelled.find((e) => e.field === field.name)}
            params={params}
            asHeading={legendIsHeading}
            headingText={props.title}
          />
        ))}
        <div class="ww-actions">
          <Button name="_action" value="continue">
            {t('common:form.continue')}
          </Button>
          <Button name="_action" value="save" variant="secondary">
            {t('forms:page.saveForLater')}
          </Button>
        </div>
      </form>
      <script src="/assets/forms.js" defer></script>
    </Layout>
  );
}

export function RemoveItemView({ label, action, backHref }: { label: string; action: string; backHref: string }) {
  const t = useT();
  const title = t('forms:overview.removeTitle', { name: label });
  return (
    <Layout title={title}>
      <BackLink href={backHref} />
      <h1 class="kern-heading-large">{title}</h1>
      <p class="kern-body">{t('forms:overview.removeText')}</p>
      <form method="post" action={action}>
        <div class="ww-actions">
          <Button>{t('forms:overview.removeConfirm')}</Button>
          <a class="kern-link" href={backHref}>
            {t('common:form.cancel')}
          </a>
        </div>
      </form>
    </Layout>
  );
}

/** A page that shows computed content (estimate, checklist) with a "continue" button. */
export function ContentView({ title, action, backHref, children }: { title: string; action: string; backHref: string; children: ComponentChildren }) {
  const t = useT();
  return (
    <Layout title={title}>
      <BackLink href={backHref} />
      <h1 class="kern-heading-large">{title}</h1>
      {children}
      <form method="post" action={action}>
        <div class="ww-actions">
          <Button name="_action" value="continue">
            {t('common:form.continue')}
          </Button>
        </div>
      </form>
    </Layout>
  );
}

export function useFlowBase(flow: FlowDefinition): string {
  return `${useTenantBase()}${flow.basePath}`;
}
