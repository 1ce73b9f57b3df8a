// Images and PDF attachments of a release: the press office adds (multipart), reorders and removes them on the
// release page and sees them in any state; the public gets them only while the release is visible. Public image
// URLs carry the content hash, so they are cached for a year (ADR 0260); everything else keeps no-store.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '#shared/http/errors.js';
import { safeParseForm, submittedTexts } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import { requirePermission } from '../staff/index.js';
import { mediaLimits, mimeOf, parseVariantFile } from './media.js';
import * as media from './media.service.js';
import { moveForm } from './media.schemas.js';
import { acceptMultipart, uploadedFile } from '#shared/http/multipart.js';
import { publicRelease } from './newsroom.service.js';
import type { PressAttachment } from './presse.tables.js';
import { orDetail, renderDetail } from './staff.detail.js';
import { actorOf, contextOf, pressBase, uuidParam, type WithId, type WithItem } from './staff.http.js';

type ItemParams = { Params: { id: string; item: string } };
type VariantParams = { Params: { id: string; item: string; file: string } };
type PublicVariantParams = { Params: { item: string; file: string } };
type PublicAttachmentParams = { Params: { ref: string; item: string } };

/** A year, and never revalidated: a changed image gets a new hash and so a new URL. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

function sendPdf(reply: FastifyReply, attachment: PressAttachment) {
  // fileName is reduced to [A-Za-z0-9_.-] when stored (pdfName), so it is safe inside the quotes.
  return reply.type('application/pdf').header('content-disposition', `attachment; filename="${attachment.fileName}"`).header('x-content-type-options', 'nosniff').send(attachment.pdf);
}

function sendVariant(reply: FastifyReply, bytes: Buffer | undefined, format: 'webp' | 'jpeg', cacheControl?: string) {
  if (!bytes) throw new NotFoundError();
  void reply.type(mimeOf(format)).header('x-content-type-options', 'nosniff');
  if (cacheControl) void reply.header('cache-control', cacheControl);
  return reply.send(bytes);
}

function mediaHandlers(deps: AppDeps) {
  const back = (request: WithId, notice: string, anchor: string) => `${pressBase(request)}/${uuidParam(request.params.id)}?ok=${notice}#${anchor}`;
  return {
    addImage(request: WithId, reply: FastifyReply) {
      return orDetail(deps, request, reply, 'image', async () => {
        await media.addImage(contextOf(request, deps), actorOf(request), uuidParam(request.params.id), submittedTexts(request.body), uploadedFile(request.body, 'image'));
        return back(request, 'imageAdded', 'pr-images');
      });
    },

    moveImage(request: WithItem, reply: FastifyReply) {
      const parsed = safeParseForm(moveForm, submittedTexts(request.body));
      if (!parsed.ok) return renderDetail(deps, request, reply, { problem: 'common:errors.badRequest.text', status: 400 });
      return orDetail(deps, request, reply, 'image', async () => {
        await media.moveImage(contextOf(request, deps), actorOf(request), uuidParam(request.params.id), uuidParam(request.params.item), parsed.data.direction);
        return back(request, 'imageMoved', 'pr-images');
      });
    },

    removeImage(request: WithItem, reply: FastifyReply) {
      return orDetail(deps, request, reply, 'image', async () => {
        await media.removeImage(contextOf(request, deps), actorOf(request), uuidParam(request.params.id), uuidParam(request.params.item));
        return back(request, 'imageRemoved', 'pr-images');
      });
    },

    addAttachment(request: WithId, reply: FastifyReply) {
      return orDetail(deps, request, reply, 'attachment', async () => {
        await media.addAttachment(contextOf(request, deps), actorOf(request), uuidParam(request.params.id), submittedTexts(request.body), uploadedFile(request.body, 'attachment'));
        return back(request, 'attachmentAdded', 'pr-attachments');
      });
    },

    removeAttachment(request: WithItem, reply: FastifyReply) {
      return orDetail(deps, request, reply, 'attachment', async () => {
        await media.removeAttachment(contextOf(request, deps), actorOf(request), uuidParam(request.params.id), uuidParam(request.params.item));
        return back(request, 'attachmentRemoved', 'pr-attachments');
      });
    },

    /** Any state of the release, for the press office only: private, no-store. */
    async staffImage(request: FastifyRequest<VariantParams>, reply: FastifyReply) {
      const file = parseVariantFile(request.params.file);
      if (!file) throw new NotFoundError();
      uuidParam(request.params.id);
      return sendVariant(reply, await media.staffVariant(request.tdb, uuidParam(request.params.item), file.hash, file.width, file.format), file.format);
    },

    async staffAttachment(request: WithItem, reply: FastifyReply) {
      const found = await media.attachmentFile(request.tdb, uuidParam(request.params.id), uuidParam(request.params.item));
      if (!found) throw new NotFoundError();
      return sendPdf(reply, found);
    },

    async publicImage(request: FastifyRequest<PublicVariantParams>, reply: FastifyReply) {
      const file = parseVariantFile(request.params.file);
      if (!file) throw new NotFoundError();
      const bytes = await media.publicVariant(request.tdb, deps.clock.now(), uuidParam(request.params.item), file.hash, file.width, file.format);
      return sendVariant(reply, bytes, file.format, IMMUTABLE);
    },

    async publicAttachment(request: FastifyRequest<PublicAttachmentParams>, reply: FastifyReply) {
      const { release } = await publicRelease(request.tdb, request.tenant, deps.clock.now(), request.params.ref);
      const found = await media.attachmentFile(request.tdb, release.id, uuidParam(request.params.item));
      if (!found) throw new NotFoundError();
      return sendPdf(reply, found);
    },
  };
}

export async function registerMediaRoutes(app: FastifyInstance, deps: AppDeps) {
  const view = { onRequest: requirePermission(deps, 'presse.view') };
  const edit = { onRequest: requirePermission(deps, 'presse.edit') };
  const handle = mediaHandlers(deps);
  app.get<PublicVariantParams>('/presse/bilder/:item/:file', handle.publicImage);
  app.get<PublicAttachmentParams>('/presse/:ref/anhaenge/:item', handle.publicAttachment);
  app.get<VariantParams>('/staff/presse/:id/bilder/:item/:file', view, handle.staffImage);
  app.get<ItemParams>('/staff/presse/:id/anhaenge/:item', view, handle.staffAttachment);
  app.post<ItemParams>('/staff/presse/:id/bilder/:item/verschieben', edit, handle.moveImage);
  app.post<ItemParams>('/staff/presse/:id/bilder/:item/entfernen', edit, handle.removeImage);
  app.post<ItemParams>('/staff/presse/:id/anhaenge/:item/entfernen', edit, handle.removeAttachment);
  await app.register(async (scope) => {
    // Up to twice the file limit is read, so a file somewhat too large gets the form with its message, not a 413.
    acceptMultipart(scope, 2 * Math.max(mediaLimits.imageBytes, mediaLimits.attachmentBytes) + 64 * 1024);
    scope.post<{ Params: { id: string } }>('/staff/presse/:id/bilder', edit, handle.addImage);
    scope.post<{ Params: { id: string } }>('/staff/presse/:id/anhaenge', edit, handle.addAttachment);
  });
}
