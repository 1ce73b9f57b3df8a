import type { FieldError } from '#shared/http/errors.js';
import { Button, CsrfField, TextField } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import { FileField } from '#shared/html/file-upload.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import type { FormValues } from '../editor.js';
import { fileSize } from '../format.js';
import { mediaLimits, variantFile } from '../media.js';
import type { AttachmentInfo, ImageWithVariants } from '../media.service.js';
import { ReleaseFigure, type VariantUrl } from './Figure.js';

export interface StaffMediaProps {
  images: ImageWithVariants[];
  attachments: AttachmentInfo[];
  /** The form the values and errors belong to, after a refused upload. */
  form?: 'image' | 'attachment' | undefined;
  values: FormValues;
  errors: FieldError[];
}

function ItemButton({ action, label, which, name, value, variant = 'secondary' }: { action: string; label: string; which: string; name?: string; value?: string; variant?: 'secondary' | 'tertiary' }) {
  const { csrfToken } = useView();
  return (
    <form method="post" action={action}>
      <CsrfField token={csrfToken} />
      {name ? <input type="hidden" name={name} value={value} /> : null}
      <Button variant={variant}>
        {label}
        <span class="kern-sr-only">: {which}</span>
      </Button>
    </form>
  );
}

export function StaffImages({ releaseId, editable, media }: { releaseId: string; editable: boolean; media: StaffMediaProps }) {
  const t = useT();
  const { csrfToken } = useView();
  const base = `${useTenantBase()}/staff/presse/${releaseId}`;
  const url: VariantUrl = (image, width, format) => `${base}/bilder/${image.id}/${variantFile(image.hash, width, format)}`;
  const errors = media.form === 'image' ? media.errors : [];
  const values = media.form === 'image' ? media.values : {};
  const err = (f: string) => errorsOf(errors, f);
  return (
    <section aria-labelledby="pr-images" class="ww-section">
      <h2 id="pr-images" class="kern-heading-medium">
        {t('presse:media.imagesTitle')}
      </h2>
      {media.images.length === 0 ? <p class="kern-body">{t('presse:media.noImages')}</p> : null}
      <ol class="pr-media-list">
        {media.images.map((image, i) => {
          const which = t('presse:media.which', { n: i + 1, alt: image.alt });
          return (
            <li class="pr-media-item" key={image.id}>
              <ReleaseFigure image={image} url={url} />
              <div>
                <p class="kern-body">
                  <strong>{t('presse:media.alt')}:</strong> {image.alt}
                </p>
                <p class="kern-body kern-body--small">{t('presse:media.variants', { count: image.variants.length, width: image.width, height: image.height })}</p>
                {editable ? (
                  <div class="ww-actions">
                    {i > 0 ? <ItemButton action={`${base}/bilder/${image.id}/verschieben`} name="direction" value="up" label={t('presse:media.up')} which={which} /> : null}
                    {i < media.images.length - 1 ? <ItemButton action={`${base}/bilder/${image.id}/verschieben`} name="direction" value="down" label={t('presse:media.down')} which={which} /> : null}
                    <ItemButton action={`${base}/bilder/${image.id}/entfernen`} label={t('presse:media.remove')} which={which} variant="tertiary" />
                  </div>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
      {editable ? (
        <form method="post" action={`${base}/bilder`} enctype="multipart/form-data" novalidate class="pr-form">
          <CsrfField token={csrfToken} />
          <h3 class="kern-heading-small">{t('presse:media.addImage')}</h3>
          <ErrorSummary errors={errors} />
          <FileField
            class="pr-file-field"
            name="image"
            label={t('presse:media.image')}
            hint={t('presse:media.imageHint', { maxMb: mediaLimits.imageBytes / 1024 / 1024, maxMegapixels: mediaLimits.imageMegapixels })}
            accept="image/jpeg,image/png,image/webp,.jpg,.jpeg,.png,.webp"
            error={err('image')}
          />
          <TextField name="alt" label={t('presse:media.alt')} hint={t('presse:media.altHint')} value={values.alt} error={err('alt')} />
          <TextField name="credit" label={t('presse:media.credit')} hint={t('presse:media.creditHint')} value={values.credit} error={err('credit')} />
          <TextField name="caption" label={t('presse:media.caption')} value={values.caption} error={err('caption')} optional />
          <div class="ww-actions">
            <Button>{t('presse:media.upload')}</Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

export function StaffAttachments({ releaseId, editable, media }: { releaseId: string; editable: boolean; media: StaffMediaProps }) {
  const t = useT();
  const { csrfToken, lang } = useView();
  const base = `${useTenantBase()}/staff/presse/${releaseId}`;
  const errors = media.form === 'attachment' ? media.errors : [];
  const values = media.form === 'attachment' ? media.values : {};
  const err = (f: string) => errorsOf(errors, f);
  return (
    <section aria-labelledby="pr-attachments" class="ww-section">
      <h2 id="pr-attachments" class="kern-heading-medium">
        {t('presse:media.attachmentsTitle')}
      </h2>
      {media.attachments.length === 0 ? <p class="kern-body">{t('presse:media.noAttachments')}</p> : null}
      <ul class="pr-attachments">
        {media.attachments.map((a) => (
          <li key={a.id} class="kern-body">
            <a class="kern-link" href={`${base}/anhaenge/${a.id}`} type="application/pdf" download={a.fileName}>
              {a.title}
            </a>{' '}
            ({t('presse:media.pdfInfo', { size: fileSize(a.size, lang), count: a.pages })})
            {editable ? <ItemButton action={`${base}/anhaenge/${a.id}/entfernen`} label={t('presse:media.remove')} which={a.title} variant="tertiary" /> : null}
          </li>
        ))}
      </ul>
      {editable ? (
        <form method="post" action={`${base}/anhaenge`} enctype="multipart/form-data" novalidate class="pr-form">
          <CsrfField token={csrfToken} />
          <h3 class="kern-heading-small">{t('presse:media.addAttachment')}</h3>
          <ErrorSummary errors={errors} />
          <FileField class="pr-file-field" name="attachment" label={t('presse:media.attachment')} hint={t('presse:media.attachmentHint', { maxMb: mediaLimits.attachmentBytes / 1024 / 1024, maxPages: mediaLimits.attachmentPages })} accept="application/pdf,.pdf" error={err('attachment')} />
          <TextField name="attachmentTitle" label={t('presse:media.attachmentTitle')} hint={t('presse:media.attachmentTitleHint')} value={values.attachmentTitle} error={err('attachmentTitle')} />
          <div class="ww-actions">
            <Button>{t('presse:media.uploadAttachment')}</Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
