// Props of the dossier page and the "which form failed" state its sections share.
import type { FieldError } from '#shared/http/errors.js';
import type { DistrictSnapshot } from '../../presse/index.js';
import type { Dossier } from '../coaching.service.js';
import type { TerminEintrag } from '../termin.service.js';
import { errorsOf } from '#shared/html/form-errors.js';

/** The form that failed on the last POST, with what was entered (re-rendered with its errors). */
export interface FormState {
  id: string;
  values: Record<string, string>;
  errors: FieldError[];
}

export interface DossierPageProps {
  dossier: Dossier;
  base: string;
  form?: FormState | undefined;
  notice?: 'referred' | undefined;
  /** A personal link just issued: shown once, never stored in the clear. */
  issuedLink?: string | undefined;
  linkMailed?: boolean;
  /** The district's newest unemployment figures, from the press office's import. */
  district?: DistrictSnapshot | null | undefined;
  /** Appointments with the coach, as the Onlineterminierung has them. */
  termine?: TerminEintrag[] | undefined;
}

/** Values and errors of `id` when it is the form that failed, else empty. */
export function formFor(form: FormState | undefined, id: string) {
  const mine = form?.id === id ? form : undefined;
  return { values: mine?.values ?? {}, errors: mine?.errors ?? [], err: (field: string) => errorsOf(mine?.errors ?? [], field) };
}
