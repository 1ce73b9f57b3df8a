import type { FieldError } from '#shared/http/errors.js';
import { Alert, BackLink, Button } from '#shared/html/components.js';
import { ErrorSummary } from '#shared/html/form-errors.js';
import { useT } from '#shared/html/context.js';
import { Layout } from '#shared/html/Layout.js';
import type { FlowDefinition } from '../flow.js';
import type { SectionStatus } from '../navigation.js';
import type { SummarySection } from '../summary.js';
import { useFlowBase } from './QuestionView.js';

export interface TaskListSection {
  id: string;
  titleKey: string;
  status: SectionStatus;
  href: string;
}

const badge: Record<SectionStatus | 'cannotStart', string> = {
  completed: 'kern-badge--success',
  inProgress: 'kern-badge--warning',
  notStarted: 'kern-badge--info',
  cannotStart: 'kern-badge--info',
};

function StatusBadge({ status, id }: { status: SectionStatus | 'cannotStart'; id: string }) {
  const t = useT();
  return (
    <div class="kern-task-list__status" id={id}>
      <span class={`kern-badge ${badge[status]}`}>
        <span class="kern-label kern-label--small">{t(`forms:taskList.status.${status}`)}</span>
      </span>
    </div>
  );
}

/** The task list (GOV.UK pattern, KERN markup): every section with its status, then "check and send". */
export function TaskListView({ flow, sections, complete, expiresOn }: { flow: FlowDefinition; sections: TaskListSection[]; complete: boolean; expiresOn: string }) {
  const t = useT();
  const base = useFlowBase(flow);
  const doneCount = sections.filter((s) => s.status === 'completed').length;
  const items = [...sections.map((s) => ({ ...s, status: s.status as SectionStatus | 'cannotStart', link: true }))];
  items.push({ id: 'pruefen', titleKey: 'forms:taskList.check', status: complete ? 'notStarted' : 'cannotStart', href: `${base}/pruefen`, link: complete });
  return (
    <Layout title={t(flow.titleKey)}>
      <h1 class="kern-heading-large">{t(flow.titleKey)}</h1>
      <p class="kern-body">{t('forms:taskList.progress', { done: doneCount, total: sections.length })}</p>
      <p class="kern-body">{t('forms:taskList.savedUntil', { date: expiresOn })}</p>
      <div class="kern-task-list">
        <ol class="kern-task-list__list">
          {items.map((item, i) => (
            <li class="kern-task-list__item" key={item.id}>
              <div class="kern-task-list__title">
                {item.link ? (
                  <a class="kern-link kern-link--stretched kern-task-list__content-wrapper" href={item.href} aria-describedby={`status-${item.id}`}>
                    <span class="kern-number">{i + 1}</span>
                    <span>{t(item.titleKey)}</span>
                  </a>
                ) : (
                  <div class="kern-task-list__content-wrapper">
                    <span class="kern-number">{i + 1}</span>
                    <span class="kern-body">{t(item.titleKey)}</span>
                  </div>
                )}
              </div>
              <StatusBadge status={item.status} id={`status-${item.id}`} />
            </li>
          ))}
        </ol>
      </div>
      <p class="kern-body">
        <a class="kern-link" href={`${base}/speichern`}>
          {t('forms:page.saveForLater')}
        </a>
      </p>
    </Layout>
  );
}

/** "Check your answers": every answer with a change link, the declaration and the submit button. */
export function CheckAnswersView(props: {
  flow: FlowDefinition;
  sections: SummarySection[];
  incomplete: { titleKey: string; href: string }[];
  errors: FieldError[];
  backHref: string;
}) {
  const t = useT();
  const base = useFlowBase(props.flow);
  const title = t('forms:check.title');
  return (
    <Layout title={props.errors.length > 0 ? t('forms:page.errorTitle', { title }) : title}>
      <BackLink href={props.backHref} />
      <ErrorSummary errors={props.errors} />
      <h1 class="kern-heading-large">{title}</h1>
      {props.incomplete.length > 0 ? (
        <Alert type="warning" title={t('forms:check.incompleteTitle')}>
          <ul class="kern-list kern-list--bullet">
            {props.incomplete.map((s) => (
              <li key={s.href}>
                <a class="kern-link" href={s.href}>
                  {t(s.titleKey)}
                </a>
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {props.sections.map((section) =>
        section.blocks.some((b) => b.rows.length > 0) ? (
          <section class="ww-section" key={section.id} aria-labelledby={`h-${section.id}`}>
            <h2 class="kern-heading-medium" id={`h-${section.id}`}>
              {section.title}
            </h2>
            {section.blocks.map((block, i) => (
              <div key={i}>
                {block.title ? <h3 class="kern-heading-small">{block.title}</h3> : null}
                <dl class="kern-description-list">
                  {block.rows.map((row, j) => (
                    <div class="kern-description-list-item" key={j}>
                      <dt class="kern-description-list-item__key">{row.label}</dt>
                      <dd class="kern-description-list-item__value">
                        <span class="ww-answer">{row.value}</span>{' '}
                        <a class="kern-link" href={`${base}${row.changePath}?ziel=pruefen`}>
                          {t('common:form.change')}
                          <span class="ww-visually-hidden"> – {row.label}</span>
                        </a>
                      </dd>
                    </div>
                  ))}
                </dl>
              </div>
            ))}
          </section>
        ) : null,
      )}
      {props.incomplete.length === 0 ? (
        <form method="post" action={`${base}/absenden`} novalidate>
          <h2 class="kern-heading-medium">{t('forms:check.declarationHeading')}</h2>
          <div class={`kern-form-check${props.errors.length ? ' kern-form-check--error' : ''}`}>
            <input class="kern-form-check__checkbox" type="checkbox" id="f-declaration" name="declaration" value="ja" aria-describedby={props.errors.length ? 'f-declaration-error' : undefined} />
            <label class="kern-label" for="f-declaration">
              {t(props.flow.declarationKey)}
            </label>
          </div>
          {props.errors.length ? (
            <p class="kern-error" id="f-declaration-error">
              <span class="kern-icon kern-icon--danger" aria-hidden="true"></span>
              <span>{t(props.errors[0]!.message)}</span>
            </p>
          ) : null}
          <div class="ww-actions">
            <Button>{t('forms:check.submit')}</Button>
          </div>
        </form>
      ) : null}
    </Layout>
  );
}
