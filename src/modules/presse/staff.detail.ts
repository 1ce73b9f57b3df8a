// The release page of the press office: state, people, workflow steps, the editor with its images and attachments,
// and the preview. Rendered by every handler that answers on it, with the errors of the form that was sent.
import type { FastifyReply } from 'fastify';
import { h } from 'preact';
import { DomainError, NotFoundError, ValidationError, type FieldError } from '#shared/http/errors.js';
import { submittedTexts } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import { staffDirectory } from '../staff/index.js';
import { formValues, type FormValues } from './editor.js';
import { renderRelease } from './markdown.js';
import { attachmentsOf, imagesOf } from './media.service.js';
import type { PressRelease } from './presse.tables.js';
import * as release from './release.service.js';
import { actorOf, contextOf, may, noticeOf, uuidParam, type WithId } from './staff.http.js';
import { ReleaseDetailPage, type ReleaseDetailProps } from './views/Staff.js';

/** Which form of the page the values and errors belong to. */
export type DetailForm = 'release' | 'correction' | 'image' | 'attachment';

export interface DetailExtra {
  form?: DetailForm;
  values?: FormValues;
  errors?: FieldError[];
  problem?: string;
  status?: number;
}

function actionsFor(deps: AppDeps, r: PressRelease, request: WithId): ReleaseDetailProps['actions'] {
  const editor = may(deps, request, 'presse.edit');
  switch (r.status) {
    case 'draft':
      return editor ? ['submit'] : [];
    case 'submitted':
      return [...(may(deps, request, 'presse.approve') && r.authorId !== request.staff.userId ? (['approve'] as const) : []), ...(editor ? (['reopen'] as const) : [])];
    case 'approved':
      return editor ? ['publish', 'reopen'] : [];
    case 'published':
      return editor ? ['correct', 'withdraw'] : [];
    default:
      return [];
  }
}

export async function renderDetail(deps: AppDeps, request: WithId, reply: FastifyReply, extra: DetailExtra = {}) {
  const id = uuidParam(request.params.id);
  const ctx = contextOf(request, deps);
  const found = await release.releaseOf(ctx, id);
  if (!found) throw new NotFoundError();
  const state = release.displayState(found, deps.clock.now());
  const people = new Map((await staffDirectory(deps, request.tdb, request.staff, 'presse.view')).map((p) => [p.id, p.displayName]));
  const nameOf = (person: string) => people.get(person) ?? request.t('presse:staff.unknownPerson');
  const form = extra.form ?? 'release';
  const errors = extra.errors ?? [];
  const props: ReleaseDetailProps = {
    release: found,
    state,
    bodyHtml: renderRelease(found.dateline, found.body, `/t/${request.tenant.slug}/arbeitsmarkt.svg`),
    values: form === 'release' || form === 'correction' ? (extra.values ?? formValues(found)) : formValues(found),
    errors: form === 'release' || form === 'correction' ? errors : [],
    media: {
      images: await imagesOf(request.tdb, id),
      attachments: await attachmentsOf(request.tdb, id),
      form: form === 'image' || form === 'attachment' ? form : undefined,
      values: form === 'image' || form === 'attachment' ? (extra.values ?? {}) : {},
      errors: form === 'image' || form === 'attachment' ? errors : [],
    },
    actions: actionsFor(deps, found, request),
    editable: found.status === 'draft' && may(deps, request, 'presse.edit'),
    ownRelease: found.authorId === actorOf(request).userId,
    notice: noticeOf(request),
    problem: extra.problem,
    names: { author: nameOf(found.authorId), approver: found.approverId ? nameOf(found.approverId) : undefined },
  };
  return reply.status(extra.status ?? (errors.length ? 422 : 200)).render(h(ReleaseDetailPage, props));
}

/** Shows a domain refusal (wrong state, forbidden) on the release page, with the form's values kept. */
export async function orDetail(deps: AppDeps, request: WithId, reply: FastifyReply, form: DetailForm, run: () => Promise<string>) {
  try {
    return reply.redirect(await run(), 303);
  } catch (err) {
    if (err instanceof ValidationError) return renderDetail(deps, request, reply, { form, values: submittedTexts(request.body), errors: err.fields });
    if (err instanceof DomainError) return renderDetail(deps, request, reply, { problem: err.key, status: err.status });
    throw err;
  }
}
