import type { FieldError } from '#shared/http/errors.js';
import { Button, ButtonLink, TextField } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import { useT, useTenantBase } from '#shared/html/context.js';
import { Layout } from '#shared/html/Layout.js';
import { accessCodeExample } from '../tokens.js';

/** Two ways in: with the code from a letter or e-mail, or freely with the BG-Nummer. */
export function StartPage({ errors = [], code }: { errors?: FieldError[]; code?: string }) {
  const t = useT();
  const base = useTenantBase();
  return (
    <Layout title={errors.length ? `${t('common:errors.summaryTitle')}: ${t('unterlagen:start.title')}` : t('unterlagen:start.title')}>
      <ErrorSummary errors={errors} />
      <h1 class="kern-heading-large">{t('unterlagen:start.title')}</h1>
      <p class="kern-body kern-body--large">{t('unterlagen:start.intro')}</p>

      <section class="ww-section" aria-labelledby="with-code">
        <h2 class="kern-heading-medium" id="with-code">
          {t('unterlagen:start.codeHeading')}
        </h2>
        <form method="post" action={`${base}/unterlagen/code`} novalidate>
          <TextField
            name="code"
            label={t('unterlagen:start.codeLabel')}
            hint={
              <>
                {t('unterlagen:start.codeHint')} <span class="ww-hint__example">{accessCodeExample}</span>
              </>
            }
            value={code}
            error={errorsOf(errors, 'code')}
            autocomplete="off"
            spellcheck={false}
            code
          />
          <div class="ww-actions">
            <Button>{t('unterlagen:start.codeSubmit')}</Button>
          </div>
        </form>
      </section>

      <section class="ww-section" aria-labelledby="without-code">
        <h2 class="kern-heading-medium" id="without-code">
          {t('unterlagen:start.freeHeading')}
        </h2>
        <p class="kern-body">{t('unterlagen:start.freeText')}</p>
        <ButtonLink href={`${base}/unterlagen/frei`} variant="secondary">
          {t('unterlagen:start.freeLink')}
        </ButtonLink>
      </section>

      <section class="ww-section" aria-labelledby="good-to-know">
        <h2 class="kern-heading-medium" id="good-to-know">
          {t('unterlagen:start.infoHeading')}
        </h2>
        <ul class="kern-list kern-list--bullet">
          <li>{t('unterlagen:start.infoFormats')}</li>
          <li>{t('unterlagen:start.infoPhotos')}</li>
          <li>{t('unterlagen:start.infoReceipt')}</li>
          <li>{t('unterlagen:start.infoSafety')}</li>
        </ul>
      </section>
    </Layout>
  );
}
