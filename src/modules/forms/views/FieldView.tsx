import type { FieldError } from '#shared/http/errors.js';
import { ChoiceGroup, TextArea, TextField } from '#shared/html/components.js';
import { fieldId, useErrorText } from '#shared/html/form-errors.js';
import { useT } from '#shared/html/context.js';
import type { Field } from '../fields.js';
import type { DateParts } from '../values.js';

const asString = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '');

/** Day / month / year in one fieldset (GOV.UK date input); the day input carries the field id. */
function DateInput({ field, value, error, legend, asHeading }: { field: Field; value: unknown; error?: FieldError | undefined; legend: string; asHeading: boolean }) {
  const t = useT();
  const text = useErrorText();
  const parts: Partial<DateParts> = value && typeof value === 'object' ? (value as DateParts) : {};
  const id = fieldId(field.name);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const bday = field.autocomplete === 'bday';
  const inputs = [
    { key: 'day', id, label: t('forms:field.day'), width: 2 as const, auto: bday ? 'bday-day' : undefined },
    { key: 'month', id: `${id}-month`, label: t('forms:field.month'), width: 2 as const, auto: bday ? 'bday-month' : undefined },
    { key: 'year', id: `${id}-year`, label: t('forms:field.year'), width: 4 as const, auto: bday ? 'bday-year' : undefined },
  ];
  return (
    <fieldset class={`kern-fieldset${error ? ' kern-fieldset--error' : ''}`} role="group" aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}>
      <legend class={asHeading ? 'kern-label kern-label--large' : 'kern-label'}>{asHeading ? <h1 class="kern-heading-medium">{legend}</h1> : legend}</legend>
      <div class="kern-hint" id={hintId}>
        {t(field.hintKey ?? 'forms:field.dateHint')}
      </div>
      {error ? (
        <p class="kern-error" id={errorId}>
          <span class="kern-icon kern-icon--danger" aria-hidden="true"></span>
          <span>{text(error)}</span>
        </p>
      ) : null}
      <div class="kern-fieldset__body kern-fieldset__body--horizontal ww-date">
        {inputs.map((input) => (
          <div class="kern-form-input" key={input.key}>
            <label class="kern-label" for={input.id}>
              {input.label}
            </label>
            <input
              {...({
                class: `kern-form-input__input kern-form-input__input--width-${input.width}${error ? ' kern-form-input__input--error' : ''}`,
                id: input.id,
                name: `${field.name}-${input.key}`,
                type: 'text',
                inputmode: 'numeric',
                autocomplete: input.auto,
                value: (parts as Record<string, string | undefined>)[input.key] ?? '',
                'aria-invalid': error ? 'true' : undefined,
                required: !field.optional,
              } as Record<string, unknown>)}
            />
          </div>
        ))}
      </div>
    </fieldset>
  );
}

export interface FieldViewProps {
  field: Field;
  /** raw value (as typed, or formatted from the stored value) */
  value: unknown;
  error?: FieldError | undefined;
  params: Record<string, string>;
  /** the only field on the page is a fieldset (choices, date): its legend is the page heading */
  asHeading: boolean;
  /** label text when the field is the page's only one (the page title) */
  headingText?: string | undefined;
}

export function FieldView({ field, value, error, params, asHeading, headingText }: FieldViewProps) {
  const t = useT();
  const label = asHeading && headingText ? headingText : t(field.labelKey, params);
  const hint = field.hintKey ? t(field.hintKey, params) : undefined;
  const optional = field.optional;
  switch (field.kind) {
    case 'radio':
    case 'checkbox':
      return (
        <ChoiceGroup
          name={field.name}
          legend={label}
          legendAsHeading={asHeading}
          hint={hint}
          error={error}
          optional={optional}
          multiple={field.kind === 'checkbox'}
          value={field.kind === 'checkbox' ? (Array.isArray(value) ? value.map(String) : value === undefined ? [] : [asString(value)]) : asString(value)}
          options={(field.options ?? []).map((o) => ({ value: o.value, label: t(o.labelKey, params), hint: o.hintKey ? t(o.hintKey, params) : undefined }))}
        />
      );
    case 'date':
      return <DateInput field={field} value={value} error={error} legend={label} asHeading={asHeading} />;
    case 'textarea':
      return <TextArea name={field.name} label={label} hint={hint} error={error} value={asString(value)} optional={optional} />;
    default:
      return (
        <TextField
          name={field.name}
          label={label}
          hint={hint}
          error={error}
          value={asString(value)}
          optional={optional}
          type={field.kind === 'email' ? 'email' : field.kind === 'tel' ? 'tel' : 'text'}
          autocomplete={field.autocomplete ?? (field.kind === 'iban' ? 'off' : undefined)}
          inputmode={field.kind === 'money' ? 'decimal' : field.kind === 'integer' || field.kind === 'postalCode' ? 'numeric' : undefined}
          width={field.kind === 'money' || field.kind === 'integer' || field.kind === 'postalCode' ? 4 : undefined}
          spellcheck={field.kind === 'iban' || field.kind === 'email' ? false : undefined}
        />
      );
  }
}
