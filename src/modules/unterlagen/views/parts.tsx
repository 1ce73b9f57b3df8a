import type { FieldError } from '#shared/http/errors.js';
import { useErrorText } from '#shared/html/components.js';
import { useT } from '#shared/html/context.js';
import type { ItemStatus, ReviewStatus, ScanStatus } from '../unterlagen.tables.js';

/** What the file input offers; the server decides by content anyway (inspectFile). */
export const acceptAttribute = 'application/pdf,image/jpeg,image/png,image/heic,image/heif,.pdf,.jpg,.jpeg,.png,.heic,.heif';

/**
 * A native file input (works without JavaScript, opens the camera or gallery on phones).
 * Several errors may belong to it, one per refused file.
 */
export function FileField({ errors, maxMb, maxTotalMb }: { errors: FieldError[]; maxMb: number; maxTotalMb: number }) {
  const t = useT();
  const text = useErrorText();
  const errorIds = errors.map((_e, i) => `f-file-error-${i}`);
  return (
    <div class={`kern-form-input${errors.length ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for="f-file">
        {t('unterlagen:form.file')}
      </label>
      <div class="kern-hint" id="f-file-hint">
        {t('unterlagen:form.fileHint', { maxMb, maxTotalMb })}
      </div>
      {errors.map((error, i) => (
        <p class="kern-error" id={errorIds[i]} key={errorIds[i]}>
          <span class="kern-icon kern-icon--danger" aria-hidden="true"></span>
          <span>{text(error)}</span>
        </p>
      ))}
      <input
        class="ww-file-input"
        type="file"
        id="f-file"
        name="file"
        multiple
        accept={acceptAttribute}
        required
        aria-describedby={['f-file-hint', ...errorIds].join(' ')}
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
