import { Alert, Button, CsrfField, DataTable, TextField } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import type { FieldError } from '#shared/http/errors.js';
import type { Tenant } from '#shared/tenancy/index.js';
import { StaffLayout } from '../../staff/index.js';

export function TenantsPage(props: { tenants: Tenant[]; errors: FieldError[]; values: Record<string, unknown>; created?: string | undefined }) {
  const t = useT();
  const base = useTenantBase();
  const { csrfToken } = useView();
  const value = (name: string) => (typeof props.values[name] === 'string' ? (props.values[name] as string) : undefined);
  const field = (name: string, extra: { type?: 'email' | 'tel'; autocomplete?: string; inputmode?: 'numeric'; width?: 2 | 4; hint?: string } = {}) => (
    <TextField name={name} label={t(`tenants:field.${name}`)} value={value(name)} error={errorsOf(props.errors, name)} autocomplete={extra.autocomplete ?? 'off'} {...extra} />
  );
  return (
    <StaffLayout title={t('tenants:title')} wide>
      <h1 class="kern-heading-large">{t('tenants:title')}</h1>
      <p class="kern-body">{t('tenants:intro')}</p>
      <ErrorSummary errors={props.errors} />
      {props.created ? <Alert type="success" title={t('tenants:created', { slug: props.created })} /> : null}
      <DataTable
        head={[t('tenants:field.name'), t('tenants:field.slug'), t('tenants:field.city'), t('tenants:field.email')]}
        rows={props.tenants}
        rowKey={(tenant) => tenant.id}
        cells={(tenant) => [
          <a class="kern-link" href={`/t/${tenant.slug}`}>
            {tenant.name}
          </a>,
          tenant.slug,
          `${tenant.postalCode} ${tenant.city}`,
          tenant.email,
        ]}
      />
      <h2 class="kern-heading-medium">{t('tenants:create')}</h2>
      <form method="post" action={`${base}/staff/plattform/mandanten`} novalidate>
        <CsrfField token={csrfToken} />
        {field('slug', { hint: t('tenants:hint.slug') })}
        {field('name', { autocomplete: 'organization' })}
        {field('shortName')}
        {field('street', { autocomplete: 'street-address' })}
        {field('postalCode', { autocomplete: 'postal-code', inputmode: 'numeric', width: 4 })}
        {field('city', { autocomplete: 'address-level2' })}
        {field('phone', { type: 'tel', autocomplete: 'tel' })}
        {field('email', { type: 'email', autocomplete: 'email' })}
        <div class="ww-actions">
          <Button>{t('tenants:create')}</Button>
        </div>
      </form>
    </StaffLayout>
  );
}
