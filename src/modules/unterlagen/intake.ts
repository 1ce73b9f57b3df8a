// Reads a multipart request as a stream: every file part goes straight to a temporary file (never
// into memory), hashed, scanned and encrypted to the store's staging name on the way (ADR 0340); the per-file and
// per-submission limits hold while bytes arrive.
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Transform, Writable, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Multipart } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '#shared/http/errors.js';
import { EdgesTap, fileWriteBuffer, ScanTap, Sha256Tap, TeeTap, type Edges, type EncryptedCopy, type ScanVerdict, type Scanner } from '#shared/files/index.js';
import { inspectedEdges } from './files/index.js';

/** The encrypted copy of a file, written under the store's staging name while the file arrived. */
export interface StagedCopy {
  fileId: string;
  /** Resolves once the copy is durable; rejects (and the copy is gone) when writing it failed. Not hashed again: the intake's digest is the copy's. */
  encrypted: Promise<EncryptedCopy>;
  /** Set when an upload takes the copy over (it commits or removes it); discardIntake removes the others. */
  taken: boolean;
  remove(): Promise<void>;
}

/** Starts the encrypted copy of one file from its plaintext as it arrives. */
export type Stager = (plaintext: Readable) => StagedCopy;

export interface ReceivedFile {
  originalName: string;
  /** Plaintext on disk; removed by discardIntake. */
  path: string;
  size: number;
  sha256: string;
  /** Cut off at the per-file limit while streaming. */
  tooLarge: boolean;
  /** The form's file group: 1 for the field `file`, n for `file.n` (one document type each). */
  group: number;
  /** The virus scanner's verdict on exactly these bytes, scanned while they arrived (PDFs and photos are stored as sent). */
  scan?: Promise<ScanVerdict> | undefined;
  /** The encrypted copy of exactly these bytes, when the request was read with a stager. */
  staged?: StagedCopy | undefined;
  /** The first and last bytes, kept while the file arrived: what the content checks read besides a parse (ADR 0408). */
  edges?: Edges | undefined;
}

/** How many file groups (document types) one submission may carry. */
export const maxFileGroups = 3;

/** The group of a file field (`file` → 1, `file.2` → 2), or undefined for any other field. */
export function fileGroupOf(fieldname: string): number | undefined {
  if (fieldname === 'file') return 1;
  const match = /^file\.([2-9])$/.exec(fieldname);
  const group = match ? Number(match[1]) : undefined;
  return group !== undefined && group <= maxFileGroups ? group : undefined;
}

export interface Intake {
  fields: Record<string, string>;
  files: ReceivedFile[];
  /** The submission went over the total limit; later files were not stored. */
  overTotal: boolean;
  tooManyFiles: boolean;
}

export interface IntakeLimits {
  maxFileBytes: number;
  maxTotalBytes: number;
  maxFiles: number;
  /** When given, every file is streamed to the scanner while it is written to disk. */
  scanner?: Scanner;
}


/** Beyond this the connection is cut: a browser still gets a page for anything up to twice the limit. */
function hardLimit(limits: IntakeLimits): number {
  return limits.maxTotalBytes * 2 + 1024 * 1024;
}

class PayloadTooLargeError extends DomainError {
  constructor(limits: IntakeLimits) {
    super(413, 'unterlagen:refused.total-too-large', { maxTotalMb: limits.maxTotalBytes / 1024 / 1024 });
  }
}

const multipartLimitCodes = new Set(['FST_FILES_LIMIT', 'FST_PARTS_LIMIT']);

/** `stage`: when given, every file is also encrypted to the store's staging name while it arrives. */
export async function receiveMultipart(request: FastifyRequest, incomingPath: () => string, limits: IntakeLimits, stage?: Stager): Promise<Intake> {
  if (!request.isMultipart()) throw new DomainError(415, 'unterlagen:errors.notMultipart');
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > hardLimit(limits)) throw new PayloadTooLargeError(limits);

  const intake: Intake = { fields: {}, files: [], overTotal: false, tooManyFiles: false };
  // Counted on the raw socket, so even data of discarded parts is bounded.
  let rawBytes = 0;
  const onData = (chunk: Buffer) => {
    rawBytes += chunk.length;
    if (rawBytes > hardLimit(limits)) request.raw.destroy(new PayloadTooLargeError(limits));
  };
  request.raw.on('data', onData);

  let total = 0;
  try {
    // The plugin is registered with throwFileSizeLimit: false, so an oversized file ends up `truncated`.
    const parts = request.parts({
      // Fields: the identification, a type per group, the held-files token and one remove box per held file.
      limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles, fields: 40, fieldSize: 8 * 1024, parts: limits.maxFiles + 40 },
    });
    for await (const part of parts) {
      if (part.type === 'field') {
        if (typeof part.value === 'string' && !(part.fieldname in intake.fields)) intake.fields[part.fieldname] = part.value;
        continue;
      }
      // A browser sends an empty part when no file was chosen.
      const group = fileGroupOf(part.fieldname);
      if (group === undefined || !part.filename || intake.overTotal) {
        await drain(part);
        continue;
      }
      const path = incomingPath();
      const file: ReceivedFile = { originalName: part.filename, path, size: 0, sha256: '', tooLarge: false, group };
      intake.files.push(file);
      const tap = new Sha256Tap();
      const edges = new EdgesTap(inspectedEdges.head, inspectedEdges.tail);
      const budget = new Transform({
        transform(chunk: Buffer, _encoding, callback: TransformCallback) {
          total += chunk.length;
          if (total > limits.maxTotalBytes) intake.overTotal = true;
          callback(null, intake.overTotal ? undefined : chunk);
        },
      });
      const scan = limits.scanner ? new ScanTap(limits.scanner) : undefined;
      const staging = stage ? new TeeTap((plaintext) => (file.staged = stage(plaintext)).encrypted) : undefined;
      const taps = [scan, staging].filter((t) => t !== undefined);
      await pipeline([part.file, budget, tap, edges, ...taps, createWriteStream(path, { mode: 0o600, highWaterMark: fileWriteBuffer })]);
      file.scan = scan?.verdict();
      file.size = tap.size;
      file.sha256 = tap.sha256;
      file.edges = edges.edges;
      file.tooLarge = part.file.truncated;
    }
  } catch (error) {
    if (!multipartLimitCodes.has((error as { code?: string }).code ?? '')) {
      await discardIntake(intake);
      throw isMalformedMultipart(error) ? new DomainError(400, 'common:errors.badRequest.text') : error;
    }
    intake.tooManyFiles = true;
  } finally {
    request.raw.off('data', onData);
  }
  return intake;
}

/**
 * The parser (busboy) reports a missing boundary or a broken body as a plain Error without a code; system errors
 * (disk full) carry a code and our own refusals are DomainErrors. Only the first are the client's fault (400).
 */
function isMalformedMultipart(error: unknown): boolean {
  return error instanceof Error && error.constructor === Error && (error as { code?: unknown }).code === undefined;
}

async function drain(part: Multipart): Promise<void> {
  if (part.type !== 'file') return;
  await pipeline(
    part.file,
    new Writable({
      write(_chunk, _encoding, callback) {
        callback();
      },
    }),
  );
}

/** Removes the plaintext of a request, and the encrypted copies no upload took over; call it in `finally`. */
export async function discardIntake(intake: Pick<Intake, 'files'>): Promise<void> {
  await Promise.all(
    intake.files.map(async (f) => {
      await rm(f.path, { force: true });
      const copy = f.staged;
      if (!copy || copy.taken) return;
      // Removed only once written to the end, so a late write cannot leave it behind.
      await copy.encrypted.catch(() => undefined);
      await copy.remove();
    }),
  );
}
