// Form components shared by all pages (KERN UX markup): text fields, selects, choice groups, buttons, tables; the
// error summary and a field's messages are in form-errors.tsx.
import type { ComponentChildren } from 'preact';
import { useT } from './context.js';
import { describedBy, errorList, fieldId, FieldMessages, type FieldErrors } from './form-errors.js';

interface FieldProps {
  name: string;
  label: string;
  /** Text, or text with markup (a whole example of a code on its own line). */
  hint?: ComponentChildren;
  /** Each message is shown beside the field. */
  error?: FieldErrors;
  optional?: boolean;
}

export function Label({ name, label, optional }: Pick<FieldProps, 'name' | 'label' | 'optional'>) {
  const t = useT();
  return (
    <label class="kern-label" for={fieldId(name)}>
      {label}
      {optional ? <span class="kern-label__optional"> {t('common:form.optional')}</span> : null}
    </label>
  );
}

export function TextField(
  props: FieldProps & {
    value?: string | undefined;
    type?: 'text' | 'email' | 'tel' | 'date' | 'number' | 'password' | 'search';
    autocomplete?: string;
    inputmode?: 'numeric' | 'decimal' | 'email' | 'tel' | 'text';
    /** 2 and 4: KERN's narrow widths; 10: a date typed as TT.MM.JJJJ or a month as JJJJ-MM (KERN has no such width). */
    width?: 2 | 4 | 10 | undefined;
    spellcheck?: boolean;
    /** A long code typed from a letter: on a small phone the field makes room for the whole code (app.css). */
    code?: boolean;
  },
) {
  const { name, hint, error, value, type = 'text', autocomplete, inputmode, width, spellcheck, code } = props;
  const invalid = errorList(error).length > 0;
  const classes = ['kern-form-input__input'];
  if (invalid) classes.push('kern-form-input__input--error');
  if (width) classes.push(width === 10 ? 'ww-input--width-10' : `kern-form-input__input--width-${width}`);
  if (code) classes.push('ww-input--code');
  return (
    <div class={`kern-form-input${invalid ? ' kern-form-input--error' : ''}`}>
      <Label {...props} />
      <FieldMessages name={name} hint={hint} error={error} />
      {/* preact types `type` as a discriminated union; the attributes are plain strings here */}
      <input
        {...({
          class: classes.join(' '),
          id: fieldId(name),
          name,
          type,
          value: value ?? '',
          autocomplete,
          inputmode,
          spellcheck,
          'aria-describedby': describedBy(name, hint, error),
          'aria-invalid': invalid ? 'true' : undefined,
        } as Record<string, unknown>)}
        required={!props.optional}
      />
    </div>
  );
}

/**
 * A date typed as TT.MM.JJJJ. A native date field follows the browser's language, not the page's, and shows
 * mm/dd/yyyy in an English browser on a German page; the server reads both forms (parseTypedDate). A stored
 * 'YYYY-MM-DD' is shown the German way; anything else (what was typed, with its error) is shown as typed.
 */
export function DateField(props: FieldProps & { value?: string | undefined }) {
  const t = useT();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(props.value ?? '');
  const value = iso ? `${iso[3]}.${iso[2]}.${iso[1]}` : props.value;
  return <TextField {...props} hint={props.hint ?? t('common:form.dateHint')} value={value} inputmode="numeric" width={10} autocomplete="off" />;
}

export function TextArea(props: FieldProps & { value?: string | undefined; rows?: number }) {
  const { name, hint, error, value, rows = 5 } = props;
  const invalid = errorList(error).length > 0;
  return (
    <div class={`kern-form-input${invalid ? ' kern-form-input--error' : ''}`}>
      <Label {...props} />
      <FieldMessages name={name} hint={hint} error={error} />
      <textarea
        class={`kern-form-input__input${invalid ? ' kern-form-input__input--error' : ''}`}
        id={fieldId(name)}
        name={name}
        rows={rows}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={invalid ? 'true' : undefined}
        required={!props.optional}
      >
        {value ?? ''}
      </textarea>
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
  hint?: string | undefined;
}

export function SelectField(props: FieldProps & { options: Option[]; value?: string | undefined }) {
  const { name, hint, error, options, value } = props;
  const invalid = errorList(error).length > 0;
  return (
    <div class={`kern-form-input${invalid ? ' kern-form-input--error' : ''}`}>
      <Label {...props} />
      <FieldMessages name={name} hint={hint} error={error} />
      <div class="kern-form-input__select-wrapper">
        <select
          class={`kern-form-input__select${invalid ? ' kern-form-input__select--error' : ''}`}
          id={fieldId(name)}
          name={name}
          aria-describedby={describedBy(name, hint, error)}
          aria-invalid={invalid ? 'true' : undefined}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value} selected={o.value === value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** Radios or checkboxes in a fieldset whose legend is the question. The first input carries the field id. */
export function ChoiceGroup(
  props: Omit<FieldProps, 'label'> & {
    legend: string;
    options: Option[];
    value?: string | string[] | undefined;
    multiple?: boolean;
    legendAsHeading?: boolean;
  },
) {
  const { name, legend, hint, error, options, value, multiple, legendAsHeading } = props;
  const invalid = errorList(error).length > 0;
  const t = useT();
  const selected = new Set(Array.isArray(value) ? value : value ? [value] : []);
  const type = multiple ? 'checkbox' : 'radio';
  const id = fieldId(name);
  return (
    <fieldset
      class={`kern-fieldset${invalid ? ' kern-fieldset--error' : ''}`}
      aria-describedby={describedBy(name, hint, error)}
    >
      <legend class={legendAsHeading ? 'kern-label kern-label--large' : 'kern-label'}>
        {legendAsHeading ? <h1 class="kern-heading-medium">{legend}</h1> : legend}
        {props.optional ? <span class="kern-label__optional"> {t('common:form.optional')}</span> : null}
      </legend>
      <FieldMessages name={name} hint={hint} error={error} />
      <div class="kern-fieldset__body">
        {options.map((o, i) => {
          const optionId = i === 0 ? id : `${id}-${i}`;
          // Not `${optionId}-hint`: for the first option that is the group's own hint id.
          const hintId = `${id}-${i}-hint`;
          return (
            <div class={`kern-form-check${invalid ? ' kern-form-check--error' : ''}`} key={o.value}>
              <input
                class={`kern-form-check__${type}${invalid ? ` kern-form-check__${type}--error` : ''}`}
                type={type}
                id={optionId}
                name={name}
                value={o.value}
                checked={selected.has(o.value)}
                aria-describedby={o.hint ? hintId : undefined}
              />
              <label class="kern-label" for={optionId}>
                {o.label}
              </label>
              {o.hint ? (
                <div class="kern-hint" id={hintId}>
                  {o.hint}
                </div>
              ) : null}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

export function Button({
  children,
  variant = 'primary',
  name,
  value,
  type = 'submit',
}: {
  children: ComponentChildren;
  variant?: 'primary' | 'secondary' | 'tertiary';
  name?: string;
  value?: string;
  type?: 'submit' | 'button';
}) {
  return (
    <button class={`kern-btn kern-btn--${variant}`} type={type} name={name} value={value}>
      <span class="kern-label">{children}</span>
    </button>
  );
}

/** A link styled as a button (GET navigation, never a state change). */
export function ButtonLink({ href, children, variant = 'primary' }: { href: string; children: ComponentChildren; variant?: 'primary' | 'secondary' | 'tertiary' }) {
  return (
    <a class={`kern-btn kern-btn--${variant}`} href={href}>
      <span class="kern-label">{children}</span>
    </a>
  );
}

export function Alert({
  type = 'info',
  title,
  children,
  headingLevel = 2,
}: {
  type?: 'info' | 'success' | 'warning' | 'danger';
  title: string;
  children?: ComponentChildren;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div class={`kern-alert kern-alert--${type}`} role={type === 'danger' ? 'alert' : 'status'}>
      <div class="kern-alert__header">
        <span class={`kern-icon kern-icon--${type}`} aria-hidden="true"></span>
        <Heading class="kern-title">{title}</Heading>
      </div>
      {children ? <div class="kern-alert__body">{children}</div> : null}
    </div>
  );
}

/** Key–value list for "check your answers" and receipts, with optional change links. */
export function SummaryList({
  rows,
}: {
  rows: { key: string; value: ComponentChildren; change?: { href: string; label: string } | undefined }[];
}) {
  return (
    <dl class="kern-description-list">
      {rows.map((row) => (
        <div class="kern-description-list-item" key={row.key}>
          <dt class="kern-description-list-item__key">{row.key}</dt>
          <dd class="kern-description-list-item__value">
            {row.value}
            {row.change ? (
              <>
                {' '}
                <a class="kern-link" href={row.change.href}>
                  {row.change.label}
                  <span class="kern-sr-only"> – {row.key}</span>
                </a>
              </>
            ) : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function BackLink({ href }: { href: string }) {
  const t = useT();
  return (
    <p class="ww-back">
      <a class="kern-link" href={href}>
        <span class="kern-icon kern-icon--arrow-back" aria-hidden="true"></span>
        {t('common:form.back')}
      </a>
    </p>
  );
}

/** Hidden CSRF field for staff forms; the token comes from the view context. */
export function CsrfField({ token }: { token: string | undefined }) {
  return token ? <input type="hidden" name="_csrf" value={token} /> : null;
}

/**
 * The scrolling wrapper of a wide table. A region that scrolls must be reachable by keyboard (WCAG 2.1.1, axe
 * scrollable-region-focusable): it is focusable and named, so a screen reader announces what is scrolled.
 */
export function TableScroll({ label, labelledBy, children }: { label?: string | undefined; labelledBy?: string | undefined; children: ComponentChildren }) {
  const t = useT();
  return (
    <div class="ww-table-wrap" tabindex={0} role="region" aria-labelledby={labelledBy} aria-label={labelledBy ? undefined : (label ?? t('common:table.label'))}>
      {children}
    </div>
  );
}

/**
 * A KERN data table in a scrolling wrapper (narrow screens): column headers, then one array of cells per row.
 * `rowKey` keeps rows stable; a cell is any content (text, links). `label` names the scrolling region.
 * `stacked`: on a phone each row becomes a block of labelled cells instead of a table wider than the screen; for
 * tables whose last columns hold what a person must reach (actions), which would otherwise start off-screen. Its
 * headers must then be text: each labels its cells on a phone (`data-label`).
 */
type DataTableProps<T> = {
  rows: readonly T[];
  rowKey: (row: T) => string;
  cells: (row: T) => ComponentChildren[];
  label?: string | undefined;
} & ({ stacked?: false; head: ComponentChildren[] } | { stacked: true; head: string[] });

export function DataTable<T>(props: DataTableProps<T>) {
  const { rows, rowKey, cells, label } = props;
  const cellLabel = (i: number) => (props.stacked ? (props.head[i] ?? '') : undefined);
  return (
    <TableScroll label={label}>
      <table class={props.stacked ? 'kern-table ww-table--stacked' : 'kern-table'}>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            {props.head.map((label, i) => (
              <th scope="col" class="kern-table__header" key={i}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {rows.map((row) => (
            <tr class="kern-table__row" key={rowKey(row)}>
              {cells(row).map((cell, i) => (
                <td class="kern-table__cell" key={i} data-label={cellLabel(i)}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
