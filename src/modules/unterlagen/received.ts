// What an upload reads of a received file, and where: the encrypted copy written while it arrived (ADR 0340) and,
// for a PDF whose copy is on local disk, nothing else: it is checked from that copy (ADR 0384).
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { AppDeps } from '#shared/module.js';
import { parseMasterKey, unwrapDataKey } from '#shared/files/index.js';
import { inspectFile, type SealedFile } from './files/index.js';
import type { ReceivedFile, StagedCopy, Stager } from './intake.js';
import type { UploadContext } from './upload-context.js';

/**
 * What receiveMultipart needs to encrypt every file of a tenant's request to the staging name while it arrives
 * (ADR 0340): the upload takes the copy over instead of reading the plaintext again; a copy it does not take (a
 * refused file) is removed at the end of the request, and one a crash leaves behind by the cleanup job.
 */
export function stagingFor(deps: AppDeps, tenantId: string): Stager {
  const masterKey = parseMasterKey(deps.config.filesMasterKey);
  return (plaintext) => {
    const fileId = randomUUID();
    // receiveMultipart hashes these very bytes while they pass: no second hash (ADR 0380).
    const encrypted = deps.fileStore.stage(tenantId, fileId, plaintext, masterKey, { digest: false });
    // Awaited by the upload that takes the copy, or by discardIntake.
    encrypted.catch(() => undefined);
    return { fileId, encrypted, taken: false, onDisk: deps.fileStore.stagedOnDisk(tenantId, fileId), remove: () => deps.fileStore.remove(tenantId, fileId) };
  };
}

/** The plaintext of a received file: its temporary file, or its staged copy decrypted (ADR 0384). */
export async function plaintextOf(ctx: UploadContext, file: ReceivedFile): Promise<Readable> {
  if (file.path) return createReadStream(file.path);
  const copy = stagedCopyOf(file);
  const { wrappedKey } = await copy.encrypted;
  return ctx.deps.fileStore.openDecrypted(ctx.tenant.id, copy.fileId, wrappedKey, parseMasterKey(ctx.deps.config.filesMasterKey));
}

function stagedCopyOf(file: ReceivedFile): StagedCopy & { onDisk: string } {
  const copy = file.staged;
  if (!copy?.onDisk) throw new Error('a received file without plaintext must have its staged copy on local disk');
  return copy as StagedCopy & { onDisk: string };
}

/**
 * Checks a file by content. A PDF without plaintext (ADR 0384) is checked from its first and last bytes and its
 * staged copy, once that is written, which the PDF checker decrypts with the file's own data key.
 */
export async function inspectReceived(ctx: UploadContext, file: ReceivedFile, maxBytes: number) {
  if (file.path) return inspectFile(file.path, file.originalName, { maxBytes });
  const copy = stagedCopyOf(file);
  const { wrappedKey, size } = await copy.encrypted;
  const dataKey = unwrapDataKey(wrappedKey, parseMasterKey(ctx.deps.config.filesMasterKey));
  const sealed: SealedFile = { size, head: file.head ?? Buffer.alloc(0), tail: file.tail ?? Buffer.alloc(0), copy: { path: copy.onDisk, dataKey } };
  try {
    return await inspectFile(sealed, file.originalName, { maxBytes });
  } finally {
    dataKey.fill(0);
  }
}
