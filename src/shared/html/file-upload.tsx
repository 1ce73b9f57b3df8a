// The form of a file import for staff (KldB list, labour-market figures): one required file with its hint, sent as
// multipart with the CSRF token; the import's preview page follows.
import { Button, CsrfField } from './components.js';
import { useView } from './context.js';

export const XLSX_TYPES = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface FileImportFormProps {
  action: string;
  label: string;
  hint: string;
  submit: string;
  /** The input's accept list, e.g. XLSX_TYPES. */
  accept: string;
}

export function FileImportForm({ action, label, hint, submit, accept }: FileImportFormProps) {
  const { csrfToken } = useView();
  return (
    <form method="post" action={action} enctype="multipart/form-data">
      <CsrfField token={csrfToken} />
      <label class="kern-label" for="f-file">
        {label}
      </label>
      <p class="kern-hint" id="f-file-hint">
        {hint}
      </p>
      <input class="ww-file-input" type="file" id="f-file" name="file" required accept={accept} aria-describedby="f-file-hint" />
      <div class="ww-actions">
        <Button>{submit}</Button>
      </div>
    </form>
  );
}
