import type { FieldError } from '#shared/http/errors.js';
import { useErrorText } from '#shared/html/form-errors.js';
import { useT, useView } from '#shared/html/context.js';
import { formatBytes } from '../receipt.js';
import type { ConversionState, ItemStatus, ReviewStatus, ScanStatus } from '../unterlagen.tables.js';

/** What the file input offers; the server decides by content anyway (inspectFile). */
export const acceptAttribute = 'application/pdf,image/jpeg,image/png,image/heic,image/heif,.pdf,.jpg,.jpeg,.png,.heic,.heif';

/** A file already received with a refused form: shown as received, with a box to leave it out. */
export interface HeldFileItem {
  position: number;
  name: string;
  size: number;
}

/**
 * A native file input (works without JavaScript, opens the camera or gallery on phones).
 * Several errors may belong to it, one per refused file. `held`: files of this field already received with an
 * earlier, refused attempt; they are sent again by the token in the form and need not be chosen again.
 */
export function FileField({
  name = 'file',
  label,
  errors,
  maxMb,
  maxTotalMb,
  held = [],
  required = true,
}: {
  name?: string;
  label?: string;
  errors: FieldError[];
  maxMb: number;
  maxTotalMb: number;
  held?: HeldFileItem[];
  required?: boolean;
}) {
  const t = useT();
  const { lang } = useView();
  const text = useErrorText();
  const id = `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
  const errorIds = errors.map((_e, i) => `${id}-error-${i}`);
  const heldId = `${id}-held`;
  return (
    <div class={`kern-form-input${errors.length ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={id}>
        {label ?? t('unterlagen:form.file')}
      </label>
      <div class="kern-hint" id={`${id}-hint`}>
        {t('unterlagen:form.fileHint', { maxMb, maxTotalMb })}
      </div>
      {held.length ? (
        <div class="ww-held" id={heldId}>
          <p class="kern-body">
            <strong>{t('unterlagen:held.title')}</strong> {t('unterlagen:held.intro', { count: held.length })}
          </p>
          <ul class="ww-held__list">
            {held.map((file) => (
              <li key={file.position} class="ww-held__item">
                <span class="ww-break">{file.name}</span> ({formatBytes(file.size, lang)})
                <div class="kern-form-check">
                  <input class="kern-form-check__checkbox" type="checkbox" id={`f-remove-${file.position}`} name={`remove.${file.position}`} value="1" />
                  <label class="kern-label" for={`f-remove-${file.position}`}>
                    {t('unterlagen:held.remove', { name: file.name })}
                  </label>
                </div>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {errors.map((error, i) => (
        <p class="kern-error" id={errorIds[i]} key={errorIds[i]}>
          <span class="kern-icon kern-icon--danger" aria-hidden="true"></span>
          <span>{text(error)}</span>
        </p>
      ))}
      <input
        class="ww-file-input"
        type="file"
        id={id}
        name={name}
        multiple
        accept={acceptAttribute}
        required={required && held.length === 0}
        aria-describedby={[`${id}-hint`, ...(held.length ? [heldId] : []), ...errorIds].join(' ')}
        aria-invalid={errors.length ? 'true' : undefined}
      />
    </div>
  );
}

type BadgeKind = 'info' | 'success' | 'warning' | 'danger';

export function Badge({ kind, children }: { kind: BadgeKind; children: string }) {
  return (
    <span class={`kern-badge kern-badge--${kind}`}>
      <span class="kern-label">{children}</span>
    </span>
  );
}

const itemBadge: Record<ItemStatus, BadgeKind> = { open: 'info', submitted: 'success', accepted: 'success', rejected: 'danger' };

export function ItemStatusBadge({ status }: { status: ItemStatus }) {
  const t = useT();
  return <Badge kind={itemBadge[status]}>{t(`unterlagen:itemStatus.${status}`)}</Badge>;
}

const scanBadge: Record<ScanStatus, BadgeKind> = { clean: 'success', pending: 'warning', infected: 'danger', unscanned: 'warning' };

export function ScanBadge({ status }: { status: ScanStatus }) {
  const t = useT();
  return <Badge kind={scanBadge[status]}>{t(`unterlagen:scan.${status}`)}</Badge>;
}

const conversionBadge: Record<ConversionState, BadgeKind> = { pending: 'info', failed: 'danger' };

/** Photos still being joined into a PDF, or that could not be (then they are there as sent). */
export function ConversionBadge({ state }: { state: ConversionState | null }) {
  const t = useT();
  return state ? <Badge kind={conversionBadge[state]}>{t(`unterlagen:staff.conversion.${state}`)}</Badge> : null;
}

const reviewBadge: Record<ReviewStatus, BadgeKind> = { new: 'info', accepted: 'success', rejected: 'danger', 'more-requested': 'warning' };

export function ReviewBadge({ status }: { status: ReviewStatus }) {
  const t = useT();
  return <Badge kind={reviewBadge[status]}>{t(`unterlagen:review.${status}`)}</Badge>;
}

/** Text with line breaks as paragraphs (messages typed by caseworkers). */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n{2,}/)
        .filter((p) => p.trim() !== '')
        .map((p, i) => (
          <p class="kern-body ww-pre-line" key={i}>
            {p}
          </p>
        ))}
    </>
  );
}
