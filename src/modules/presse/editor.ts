// Between the editor's form and a release: the embargo's Berlin date and time, categories as a comma list.
import { DateTime } from 'luxon';
import { ValidationError } from '#shared/http/errors.js';
import { BERLIN } from '#shared/time.js';
import type { PressRelease } from './presse.tables.js';
import type { ReleaseForm } from './presse.schemas.js';
import type { DraftValues } from './release.repository.js';

export type FormValues = Record<string, string | undefined>;

export function draftValues(form: ReleaseForm): DraftValues {
  let embargoUntil: Date | null = null;
  if (form.embargoDate && form.embargoTime) {
    const local = DateTime.fromISO(`${form.embargoDate}T${form.embargoTime}`, { zone: BERLIN });
    if (!local.isValid) throw new ValidationError([{ field: 'embargoDate', message: 'common:validation.format' }]);
    embargoUntil = local.toJSDate();
  }
  const categories = [...new Set(form.categories.split(',').map((c) => c.trim()).filter(Boolean))];
  return { title: form.title, subtitle: form.subtitle, dateline: form.dateline, body: form.body, categories, embargoUntil };
}

export function formValues(release: PressRelease): FormValues {
  const embargo = release.embargoUntil ? DateTime.fromJSDate(release.embargoUntil, { zone: BERLIN }) : null;
  return {
    title: release.title,
    subtitle: release.subtitle,
    dateline: release.dateline,
    body: release.body,
    categories: release.categories.join(', '),
    embargoDate: embargo?.toISODate() ?? '',
    embargoTime: embargo?.toFormat('HH:mm') ?? '',
  };
}
