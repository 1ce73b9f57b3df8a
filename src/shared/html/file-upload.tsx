// The form of a file import for staff (KldB list, labour-market figures): one required file with its hint, sent as
// multipart with the CSRF token; the import's preview page follows. A file that cannot be used comes back with its
// message in the error summary (linking to the field) and at the field, as in every other form.
import type { FieldError } from '../http/errors.js';
import { Button, CsrfField, Label } from './components.js';
import { describedBy, errorList, ErrorSummary, fieldId, FieldMessages, type FieldErrors } from './form-errors.js';
import { useView } from './context.js';

/** Why a file was refused: an i18n key with its parameters; the form shows it for its field `file`. */
export type FileProblem = Omit<FieldError, 'field'>;

export const XLSX_TYPES = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface FileImportFormProps {
  action: string;
  label: string;
  hint: string;
  submit: string;
  /** The input's accept list, e.g. XLSX_TYPES. */
  accept: string;
  /** Why the last file was refused. */
  problem?: FileProblem | undefined;
}

/** A required file input with its label, hint and errors, like the shared text fields (ids f-<name>…). */
export function FileField({ name, label, hint, accept, error, class: extra }: { name: string; label: string; hint: string; accept: string; error: FieldErrors; class?: string }) {
  const invalid = errorList(error).length > 0;
  return (
    <div class={`kern-form-input${extra ? ` ${extra}` : ''}${invalid ? ' kern-form-input--error' : ''}`}>
      <Label name={name} label={label} />
      <FieldMessages name={name} hint={hint} error={error} />
      <input
        class="ww-file-input"
        type="file"
        id={fieldId(name)}
        name={name}
        accept={accept}
        required
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={invalid ? 'true' : undefined}
      />
    </div>
  );
}

export function FileImportForm({ action, label, hint, submit, accept, problem }: FileImportFormProps) {
  const { csrfToken } = useView();
  const error = problem ? { field: 'file', ...problem } : undefined;
  return (
    <form method="post" action={action} enctype="multipart/form-data">
      <CsrfField token={csrfToken} />
      <ErrorSummary errors={error ? [error] : []} labels={{ file: label }} />
      <FileField name="file" label={label} hint={hint} accept={accept} error={error} />
      <div class="ww-actions">
        <Button>{submit}</Button>
      </div>
    </form>
  );
}
