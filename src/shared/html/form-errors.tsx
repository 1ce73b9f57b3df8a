// What a form says about its errors: the summary at its top, linking to the fields, and each field's hint and
// messages beside it, tied to its input by ids (f-<name>, f-<name>-hint, f-<name>-error).
import type { ComponentChildren } from 'preact';
import type { FieldError } from '../http/errors.js';
import { useT } from './context.js';

/** A field's error: none, one, or several (independent problems, or the refused files of a file field). */
export type FieldErrors = FieldError | readonly FieldError[] | undefined;

export function errorList(errors: FieldErrors): readonly FieldError[] {
  if (errors === undefined) return [];
  return 'field' in errors ? [errors] : errors;
}

/** The errors of one field, for its component (which shows each); undefined when it has none. */
export function errorsOf(errors: readonly FieldError[], field: string): FieldError[] | undefined {
  const mine = errors.filter((e) => e.field === field);
  return mine.length > 0 ? mine : undefined;
}

/** Translated message of a field error (messages are i18n keys with interpolation params). */
export function useErrorText() {
  const t = useT();
  return (error: FieldError | undefined) => (error ? t(error.message, error.params ?? {}) : undefined);
}

/** The id of a form field's input (its label, hint and error ids derive from it). */
export function fieldId(name: string) {
  return `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

/** The ids of a field's messages: the first keeps `-error`, further ones are numbered from 2. */
function errorIds(name: string, errors: FieldErrors) {
  const id = fieldId(name);
  return errorList(errors).map((_error, i) => (i === 0 ? `${id}-error` : `${id}-error-${i + 1}`));
}

/**
 * Error summary at the top of a form: focusable, each message links to its field (GOV.UK pattern). With `labels`
 * (field name → visible label) each entry starts with its field's label, for forms where one message can stand
 * for several fields (two dates, several days). With `order` (field names as the form shows them) the entries follow
 * the form, whatever order the checks reported them in (cross-field checks come after the single fields); fields
 * not named there come last. Several errors of one field (refused files) are each listed, keyed by position.
 */
export function ErrorSummary({ errors, labels, order }: { errors: readonly FieldError[]; labels?: Record<string, string>; order?: readonly string[] }) {
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

/** A field's hint and error messages (each of several on its own line), with the ids its input names in aria-describedby (`describedBy`). */
export function FieldMessages({ name, hint, error }: { name: string; hint?: ComponentChildren; error?: FieldErrors }) {
  const text = useErrorText();
  const id = fieldId(name);
  const ids = errorIds(name, error);
  return (
    <>
      {hint ? (
        <div class="kern-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {errorList(error).map((one, i) => (
        <p class="kern-error" id={ids[i]} key={ids[i]}>
          <span class="kern-icon kern-icon--danger" aria-hidden="true"></span>
          <span>{text(one)}</span>
        </p>
      ))}
    </>
  );
}

export function describedBy(name: string, hint?: ComponentChildren, error?: FieldErrors) {
  const ids = [...(hint ? [`${fieldId(name)}-hint`] : []), ...errorIds(name, error)].join(' ');
  return ids || undefined;
}
