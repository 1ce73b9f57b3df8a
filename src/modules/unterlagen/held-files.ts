// Files already received with a form that was refused (a missing field, another file refused) are held, so the
// citizen does not lose them and need not choose them again (ADR 0220). They are encrypted in the file store's
// staging area like any upload; the form carries a random token in a hidden field, stored only as its hash.
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { hashToken, isToken, newToken } from '#shared/crypto.js';
import { ValidationError, type FieldError } from '#shared/http/errors.js';
import { parseMasterKey } from '#shared/files/index.js';
import { sanitizeName } from './files/index.js';
import type { ReceivedFile } from './intake.js';
import * as repo from './upload.repository.js';
import type { UploadContext } from './upload-context.js';

/** Long enough to find a missing paper and come back; every new refusal starts the time again. */
export const heldHours = 24;

/** A held file as the form shows it ("bereits empfangen"), with the box to remove it. */
export interface HeldFileView {
  position: number;
  group: number;
  name: string;
  size: number;
}

/** What the refused form carries on: the token for its hidden field and the files held with it. */
export interface Holding {
  token: string;
  files: HeldFileView[];
  expiresAt: Date;
}

/** A held file, decrypted again for this request; `heldId` marks it as not new. */
export type TakenFile = ReceivedFile & { heldId: string };

export interface Taken {
  token: string | undefined;
  files: TakenFile[];
}

/** The form was refused; `holding` lists what was kept (empty when nothing could be kept). */
export class UploadRefused extends ValidationError {
  constructor(
    fields: FieldError[],
    readonly holding: Holding | undefined,
  ) {
    super(fields);
  }
}

/**
 * The files held for this form under the token in the fields (`heldToken`), without those the citizen ticked to
 * remove (`remove.<position>`, deleted at once), decrypted to plaintext files of this request (see `discardTaken`).
 */
export async function takeHeldFiles(ctx: UploadContext, form: string, fields: Record<string, string>, incomingPath: () => string): Promise<Taken> {
  const token = fields.heldToken;
  if (!isToken(token)) return { token: undefined, files: [] };
  const rows = await repo.heldFiles(ctx.tdb, hashToken(token), form, ctx.deps.clock.now());
  const removed = rows.filter((row) => fields[`remove.${row.position}`] !== undefined);
  await repo.deleteHeldFiles(
    ctx.tdb,
    removed.map((row) => row.id),
  );
  const store = ctx.deps.fileStore;
  for (const row of removed) await store.remove(ctx.tenant.id, row.id);

  const masterKey = parseMasterKey(ctx.deps.config.filesMasterKey);
  const files: TakenFile[] = [];
  try {
    for (const row of rows.filter((r) => !removed.includes(r))) {
      const path = incomingPath();
      files.push({ heldId: row.id, originalName: row.originalName, path, size: row.size, sha256: row.sha256, tooLarge: false, group: row.groupNo });
      await pipeline(await store.openDecrypted(ctx.tenant.id, row.id, Buffer.from(row.wrappedKey, 'base64'), masterKey), createWriteStream(path, { mode: 0o600 }));
    }
  } catch (error) {
    await discardTaken(files);
    throw error;
  }
  return { token, files };
}

/**
 * After a refusal: keeps the new files that were fine under the token (a new one when the form had none) and
 * gives every held file of the token the full time again. Nothing new to keep and nothing held: no holding.
 */
export async function holdFiles(ctx: UploadContext, form: string, taken: Taken, fresh: ReceivedFile[]): Promise<Holding | undefined> {
  if (fresh.length === 0 && taken.files.length === 0) return undefined;
  const token = taken.token ?? newToken();
  const tokenHash = hashToken(token);
  const now = ctx.deps.clock.now();
  const expiresAt = new Date(now.getTime() + heldHours * 3_600_000);
  const store = ctx.deps.fileStore;
  const masterKey = parseMasterKey(ctx.deps.config.filesMasterKey);
  const known = await repo.heldFiles(ctx.tdb, tokenHash, form, now);
  let position = Math.max(0, ...known.map((f) => f.position));
  const rows: Parameters<typeof repo.insertHeldFiles>[1] = [];
  for (const file of fresh) {
    const { id, encrypted } = await keepCopy(ctx, file, masterKey);
    rows.push({
      id,
      tokenHash,
      form,
      groupNo: file.group,
      position: ++position,
      originalName: file.originalName,
      size: file.size,
      sha256: file.sha256,
      wrappedKey: encrypted.wrappedKey.toString('base64'),
      createdAt: now,
      expiresAt,
    });
  }
  try {
    await ctx.tdb.transaction(async (tx) => {
      await repo.insertHeldFiles(tx, rows);
      await repo.extendHeldFiles(tx, tokenHash, expiresAt);
    });
  } catch (error) {
    await Promise.all(rows.map((row) => store.remove(ctx.tenant.id, row.id)));
    throw error;
  }
  const all = await repo.heldFiles(ctx.tdb, tokenHash, form, now);
  return { token, expiresAt, files: all.map((f) => ({ position: f.position, group: f.groupNo, name: sanitizeName(f.originalName), size: f.size })) };
}

/**
 * The encrypted copy the intake wrote of a file while it arrived is held as it is (ADR 0388); only a file without
 * one is encrypted from its plaintext now.
 */
async function keepCopy(ctx: UploadContext, file: ReceivedFile, masterKey: Buffer): Promise<{ id: string; encrypted: { wrappedKey: Buffer } }> {
  const copy = file.staged;
  if (copy && !copy.taken) {
    const encrypted = await copy.encrypted;
    copy.taken = true;
    return { id: copy.fileId, encrypted };
  }
  const id = randomUUID();
  return { id, encrypted: await ctx.deps.fileStore.stage(ctx.tenant.id, id, createReadStream(file.path), masterKey) };
}

/** After the upload was committed: the held files are part of it now. A failure here only leaves them to expire. */
export async function releaseHeldFiles(ctx: UploadContext, taken: Taken): Promise<void> {
  try {
    await repo.deleteHeldFiles(
      ctx.tdb,
      taken.files.map((f) => f.heldId),
    );
    for (const file of taken.files) await ctx.deps.fileStore.remove(ctx.tenant.id, file.heldId);
  } catch (err) {
    ctx.deps.logger.warn({ err }, 'held files not released; they expire');
  }
}

/** Removes the plaintext copies of held files made for this request. */
export async function discardTaken(files: Pick<ReceivedFile, 'path'>[]): Promise<void> {
  await Promise.all(files.map((f) => rm(f.path, { force: true })));
}
