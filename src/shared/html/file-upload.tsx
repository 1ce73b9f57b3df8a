// The form of a file import for staff (KldB list, labour-market figures): one required file with its hint, sent as
// multipart with the CSRF token; the import's preview page follows. A file that cannot be used comes back with its
// message in the error summary (linking to the field) and at the field, as in every other form.
import type { FieldError } from '../http/errors.js';
import { Button, CsrfField, ErrorSummary, useErrorText } from './components.js';
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

export function FileImportForm({ action, label, hint, submit, accept, problem }: FileImportFormProps) {
  const { csrfToken } = useView();
  const text = useErrorText();
  const error = problem ? { field: 'file', ...problem } : undefined;
  return (
    <form method="post" action={action} enctype="multipart/form-data">
      <CsrfField token={csrfToken} />
      <ErrorSummary errors={error ? [error] : []} labels={{ file: label }} />
      <label class="kern-label" for="f-file">
        {label}
      </label>
      <p class="kern-hint" id="f-file-hint">
        {hint}
      </p>
      {error ? (
        <p class="kern-error" id="f-file-error">
          <span class="kern-icon kern-icon--danger" aria-hidden="true"></span>
          <span>{text(error)}</span>
        </p>
      ) : null}
      <input
        class="ww-file-input"
        type="file"
        id="f-file"
        name="file"
        required
        accept={accept}
        aria-describedby={error ? 'f-file-hint f-file-error' : 'f-file-hint'}
        aria-invalid={error ? 'true' : undefined}
      />
      <div class="ww-actions">
        <Button>{submit}</Button>
      </div>
    </form>
  );
}
