// The form of a file import for staff (KldB list, labour-market figures): one required file with its hint, sent as
// multipart with the CSRF token; the import's preview page follows. A file that cannot be used comes back with its
// problems in the error summary (each linking to the field) and at the field, as in every other form.
import type { FieldError } from '../http/errors.js';
import { Button, CsrfField, Label } from './components.js';
import { useT, useView } from './context.js';
import { describedBy, errorList, ErrorSummary, fieldId, FieldMessages, type FieldErrors } from './form-errors.js';

/** Why a file was refused: an i18n key with its parameters, and the cell to blame when there is one. */
export interface FileProblem {
  message: string;
  params?: Record<string, unknown> | undefined;
  /** 1-based row of the sheet or CSV file. */
  row?: number | undefined;
  /** Column letter, e.g. "C". */
  column?: string | undefined;
}

/**
 * A file with more problems than this lists the first ones and counts the rest: a wrong layout yields one problem
 * per cell, and the first few show what is wrong.
 */
export const LISTED_FILE_PROBLEMS = 10;

export const XLSX_TYPES = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The problems of a refused file as errors of its field, each with its cell, at most LISTED_FILE_PROBLEMS and then
 * one counting the rest: `atField` beside the input, `summary` for the error summary, where each names the field
 * first ("Excel file (XLSX), row 5, column D: …").
 */
function useFileErrors(name: string, label: string, problems: readonly FileProblem[]): { atField: FieldError[]; summary: FieldError[] } {
  const t = useT();
  const rest = problems.length - LISTED_FILE_PROBLEMS;
  const shown: FileProblem[] = [...problems.slice(0, LISTED_FILE_PROBLEMS), ...(rest > 0 ? [{ message: 'common:fileImport.more', params: { count: rest } }] : [])];
  const atField: FieldError[] = [];
  const summary: FieldError[] = [];
  for (const p of shown) {
    const problem = t(p.message, p.params ?? {});
    const at = { file: label, row: p.row, column: p.column };
    if (p.row === undefined) {
      atField.push({ field: name, message: p.message, params: p.params ?? {} });
      summary.push({ field: name, message: 'common:fileImport.located', params: { where: label, problem } });
    } else {
      atField.push({ field: name, message: 'common:fileImport.located', params: { where: t(p.column ? 'common:fileImport.cell' : 'common:fileImport.row', at), problem } });
      summary.push({ field: name, message: 'common:fileImport.located', params: { where: t(p.column ? 'common:fileImport.fileCell' : 'common:fileImport.fileRow', at), problem } });
    }
  }
  return { atField, summary };
}

interface FileImportFormProps {
  action: string;
  label: string;
  hint: string;
  submit: string;
  /** The input's accept list, e.g. XLSX_TYPES. */
  accept: string;
  /** Why the last file was refused. */
  problems?: readonly FileProblem[] | undefined;
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

export function FileImportForm({ action, label, hint, submit, accept, problems = [] }: FileImportFormProps) {
  const { csrfToken } = useView();
  const { atField, summary } = useFileErrors('file', label, problems);
  return (
    <form method="post" action={action} enctype="multipart/form-data">
      <CsrfField token={csrfToken} />
      <ErrorSummary errors={summary} />
      <FileField name="file" label={label} hint={hint} accept={accept} error={atField} />
      <div class="ww-actions">
        <Button>{submit}</Button>
      </div>
    </form>
  );
}
