// What a form says about its errors: the summary at its top, linking to the fields, and each field's hint and
// message beside it, tied to its input by ids (f-<name>, f-<name>-hint, f-<name>-error).
import type { ComponentChildren } from 'preact';
import type { FieldError } from '../http/errors.js';
import { useT } from './context.js';

/** Translated message of a field error (messages are i18n keys with interpolation params). */
export function useErrorText() {
  const t = useT();
  return (error: FieldError | undefined) => (error ? t(error.message, error.params ?? {}) : undefined);
}

/** The id of a form field's input (its label, hint and error ids derive from it). */
export function fieldId(name: string) {
  return `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

/**
 * Error summary at the top of a form: focusable, each message links to its field (GOV.UK pattern). With `labels`
 * (field name → visible label) each entry starts with its field's label, for forms where one message can stand
 * for several fields (two dates, several days). With `order` (field names as the form shows them) the entries follow
 * the form, whatever order the checks reported them in (cross-field checks come after the single fields); fields
 * not named there come last. Several errors of one field (refused files) are each listed, keyed by position.
 */
export function ErrorSummary({ errors, labels, order }: { errors: FieldError[]; labels?: Record<string, string>; order?: readonly string[] }) {
  const t = useT();
  const text = useErrorText();
  if (errors.length === 0) return null;
  const rank = (field: string) => (order?.includes(field) ? order.indexOf(field) : (order?.length ?? 0));
  const shown = order ? [...errors].sort((a, b) => rank(a.field) - rank(b.field)) : errors;
  return (
    <div class="kern-alert kern-alert--danger ww-error-summary" role="alert" tabindex={-1} data-error-summary>
      <div class="kern-alert__header">
        <span class="kern-icon kern-icon--danger" aria-hidden="true"></span>
        <h2 class="kern-title">{t('common:errors.summaryTitle')}</h2>
      </div>
      <div class="kern-alert__body">
        <ul class="kern-list">
          {shown.map((error, position) => (
            <li key={`${position}-${error.field}`}>
              <a class="kern-link" href={`#${fieldId(error.field)}`}>
                {labels?.[error.field] ? `${labels[error.field]}: ${text(error) ?? ''}` : text(error)}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** A field's hint and error message, with the ids its input names in aria-describedby (`describedBy`). */
export function FieldMessages({ name, hint, error }: { name: string; hint?: ComponentChildren; error?: FieldError | undefined }) {
  const text = useErrorText();
  const id = fieldId(name);
  return (
    <>
      {hint ? (
        <div class="kern-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p class="kern-error" id={`${id}-error`}>
          <span class="kern-icon kern-icon--danger" aria-hidden="true"></span>
          <span>{text(error)}</span>
        </p>
      ) : null}
    </>
  );
}

export function describedBy(name: string, hint?: ComponentChildren, error?: FieldError) {
  const id = fieldId(name);
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}
