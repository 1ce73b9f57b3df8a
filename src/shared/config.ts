// The validated environment (zod): every setting of the server and the worker in one place.
import { isIP } from 'node:net';
import { z } from 'zod';
import { sha256 } from './crypto.js';

/** Thrown when an environment variable is invalid; server.ts prints `message` as one line and exits 1. */
export class ConfigError extends Error {}

const port = z.coerce.number().int().min(1).max(65535);

/** One trusted proxy: an address, a CIDR range, or a name proxy-addr knows. */
function isProxyEntry(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
}

/**
 * Whose X-Forwarded-For to believe (doc/adr/0127-trust-proxy.md): nobody (default), the nearest N hops, or the
 * listed proxies. Believing everybody lets any client pick its address and so escape every per-IP limit.
 */
const trustProxy = z
  .string()
  .trim()
  .default('')
  .transform((value, ctx): false | number | string[] => {
    if (value === '' || value === 'false' || value === '0') return false;
    if (/^\d+$/.test(value)) {
      const hops = Number(value);
      if (hops <= 10) return hops;
    } else {
      const entries = value.split(',').map((e) => e.trim()).filter(Boolean);
      if (entries.length > 0 && entries.every(isProxyEntry)) return entries;
    }
    ctx.addIssue({ code: 'custom', message: 'must be a hop count (1–10) or a comma-separated list of proxy addresses or CIDR ranges, e.g. 10.0.0.0/8,192.168.1.5' });
    return z.NEVER;
  });

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: port.default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
    DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(10_000),
    HTTP_REQUEST_TIMEOUT_S: z.coerce.number().int().min(10).max(3600).default(600),
    UPLOAD_MIN_BYTES_PER_S: z.coerce.number().int().min(1).max(10_000_000).default(1024),
    UPLOAD_MIN_RATE_WINDOW_S: z.coerce.number().int().min(1).max(300).default(15),
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
    MAIL_FROM: z.string().min(3).optional(),
    CAPTCHA: z.enum(['on', 'off']).default('on'),
    RATE_LIMITS: z.enum(['on', 'off']).default('on'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SECRET_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
    WORKER: z.enum(['on', 'off']).default('on'),
    HEALTH_TOKEN: z.string().regex(/^\S{32,}$/, 'must be at least 32 characters without spaces (openssl rand -base64 32)').optional(),
    TRUST_PROXY: trustProxy,
    FILES_MASTER_KEY: z
      .string()
      .refine((v) => Buffer.from(v, 'base64').length === 32 && Buffer.from(v, 'base64').toString('base64') === v.trim(), 'must be 32 random bytes, base64-encoded (openssl rand -base64 32)')
      .optional(),
    CLAMD_HOST: z.string().min(1).optional(),
    CLAMD_PORT: port.default(3310),
    CLAMD_SOCKET: z.string().min(1).optional(),
    UPLOAD_MAX_FILE_MB: z.coerce.number().int().min(1).max(1024).default(20),
    UPLOAD_MAX_TOTAL_MB: z.coerce.number().int().min(1).max(4096).default(100),
    UPLOAD_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
    FORM_DRAFT_DAYS: z.coerce.number().int().min(4).max(365).default(30),
    STORAGE: z.enum(['disk', 's3']).default('disk'),
    S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name (3–63 lower-case letters, digits, dots, hyphens)').optional(),
    S3_PREFIX: z.string().regex(/^([A-Za-z0-9._-]+\/)*$/, 'must be empty or end with "/", e.g. wegweiser/').default(''),
    S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
    S3_REGION: z.string().min(1).default('eu-central-1'),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.CAPTCHA === 'off' && env.NODE_ENV !== 'test') {
      ctx.addIssue({ code: 'custom', path: ['CAPTCHA'], message: "may only be 'off' when NODE_ENV=test" });
    }
    if (env.RATE_LIMITS === 'off' && env.NODE_ENV !== 'test') {
      ctx.addIssue({ code: 'custom', path: ['RATE_LIMITS'], message: "may only be 'off' when NODE_ENV=test" });
    }
    if (env.NODE_ENV === 'production' && !env.SECRET_KEY) {
      ctx.addIssue({ code: 'custom', path: ['SECRET_KEY'], message: 'is required when NODE_ENV=production' });
    }
    if (env.NODE_ENV === 'production' && !env.FILES_MASTER_KEY) {
      ctx.addIssue({ code: 'custom', path: ['FILES_MASTER_KEY'], message: 'is required when NODE_ENV=production' });
    }
    // Production fails closed: uploads must be scanned before anyone opens them (doc/security.md §6).
    if (env.NODE_ENV === 'production' && !env.CLAMD_HOST && !env.CLAMD_SOCKET) {
      ctx.addIssue({ code: 'custom', path: ['CLAMD_HOST'], message: 'or CLAMD_SOCKET is required when NODE_ENV=production' });
    }
    if (env.STORAGE === 's3' && !env.S3_BUCKET) {
      ctx.addIssue({ code: 'custom', path: ['S3_BUCKET'], message: 'is required when STORAGE=s3' });
    }
    if (!env.S3_ACCESS_KEY_ID !== !env.S3_SECRET_ACCESS_KEY) {
      ctx.addIssue({ code: 'custom', path: ['S3_SECRET_ACCESS_KEY'], message: 'and S3_ACCESS_KEY_ID must be given together (or both left out for the SDK default chain)' });
    }
    if (env.UPLOAD_MAX_TOTAL_MB < env.UPLOAD_MAX_FILE_MB) {
      ctx.addIssue({ code: 'custom', path: ['UPLOAD_MAX_TOTAL_MB'], message: 'must be at least UPLOAD_MAX_FILE_MB' });
    }
  });

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** PostgreSQL: the longest wait for a new connection and for one statement (doc/operations.md). */
  databaseTimeouts: { connectMs: number; statementMs: number };
  publicUrl: string;
  /** Slow or stuck clients (doc/operations.md): the whole request within requestTimeoutMs, and a request body at
   *  least minBytesPerSecond on average over every window of rateWindowMs. */
  http: { requestTimeoutMs: number; minBytesPerSecond: number; rateWindowMs: number };
  smtpUrl: string | undefined;
  mailFrom: string;
  captcha: boolean;
  /** Per-IP limits of unauthenticated writes (src/shared/ratelimit); off only in tests that do not test them. */
  rateLimits: boolean;
  logLevel: string;
  /** Secret for signing and key derivation. In development a fixed, clearly non-production value. */
  secretKey: string;
  worker: boolean;
  /** SHA-256 (hex) of HEALTH_TOKEN: the operators' token that shows the last mail error's text (ADR 0411). */
  healthTokenHash: string | undefined;
  /** Fastify's trustProxy: false (nobody), a hop count, or the trusted proxies' addresses and ranges. */
  trustProxy: false | number | string[];
  /** Master key (base64, 32 bytes) that wraps the data key of every stored upload. */
  filesMasterKey: string;
  /** ClamAV daemon; undefined means uploads are stored as "not scanned" (never in production). */
  clamd: { host: string; port: number } | { socketPath: string } | undefined;
  upload: { maxFileBytes: number; maxTotalBytes: number; retentionDays: number };
  /** Days of inactivity after which an unsubmitted online application (draft) is deleted. */
  formDraftDays: number;
  /** Where encrypted uploads are kept: DATA_DIR/files, or an S3-compatible bucket (plaintext stays local). */
  storage: { kind: 'disk' } | { kind: 's3'; bucket: string; prefix: string; endpoint: string | undefined; region: string; accessKeyId: string | undefined; secretAccessKey: string | undefined };
}

const DEV_SECRET = 'development-only-secret-not-for-production-use-000';
// base64 of 'dev-only-files-key-not-for-prod!' (32 bytes): readable as what it is.
const DEV_FILES_MASTER_KEY = 'ZGV2LW9ubHktZmlsZXMta2V5LW5vdC1mb3ItcHJvZCE=';

/** Validates the environment; throws ConfigError with one line naming the variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    const value = source[name];
    const shown = value === undefined ? '' : ` (got "${['DATABASE_URL', 'SMTP_URL', 'SECRET_KEY', 'HEALTH_TOKEN', 'FILES_MASTER_KEY', 'S3_SECRET_ACCESS_KEY'].includes(name) ? '…' : value}")`;
    throw new ConfigError(`Invalid configuration: ${name} ${issue.message}${shown}`);
  }
  const env = parsed.data;
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    dataDir: env.DATA_DIR,
    databaseUrl: env.DATABASE_URL,
    databaseTimeouts: { connectMs: env.DB_CONNECT_TIMEOUT_MS, statementMs: env.DB_STATEMENT_TIMEOUT_MS },
    http: { requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_S * 1000, minBytesPerSecond: env.UPLOAD_MIN_BYTES_PER_S, rateWindowMs: env.UPLOAD_MIN_RATE_WINDOW_S * 1000 },
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM ?? 'Wegweiser <no-reply@localhost>',
    captcha: env.CAPTCHA === 'on',
    rateLimits: env.RATE_LIMITS === 'on',
    logLevel: env.LOG_LEVEL,
    secretKey: env.SECRET_KEY ?? DEV_SECRET,
    worker: env.WORKER === 'on',
    // Only the hash is kept: the config object never holds the token itself.
    healthTokenHash: env.HEALTH_TOKEN === undefined ? undefined : sha256(env.HEALTH_TOKEN),
    trustProxy: env.TRUST_PROXY,
    filesMasterKey: env.FILES_MASTER_KEY ?? DEV_FILES_MASTER_KEY,
    clamd: env.CLAMD_SOCKET
      ? { socketPath: env.CLAMD_SOCKET }
      : env.CLAMD_HOST
        ? { host: env.CLAMD_HOST, port: env.CLAMD_PORT }
        : undefined,
    upload: {
      maxFileBytes: env.UPLOAD_MAX_FILE_MB * 1024 * 1024,
      maxTotalBytes: env.UPLOAD_MAX_TOTAL_MB * 1024 * 1024,
      retentionDays: env.UPLOAD_RETENTION_DAYS,
    },
    formDraftDays: env.FORM_DRAFT_DAYS,
    storage:
      env.STORAGE === 's3'
        ? {
            kind: 's3',
            bucket: env.S3_BUCKET!,
            prefix: env.S3_PREFIX,
            endpoint: env.S3_ENDPOINT,
            region: env.S3_REGION,
            accessKeyId: env.S3_ACCESS_KEY_ID,
            secretAccessKey: env.S3_SECRET_ACCESS_KEY,
          }
        : { kind: 'disk' },
  };
}
