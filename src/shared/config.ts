import { z } from 'zod';

/** Thrown when an environment variable is invalid; server.ts prints `message` as one line and exits 1. */
export class ConfigError extends Error {}

const port = z.coerce.number().int().min(1).max(65535);

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
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
    MAIL_FROM: z.string().min(3).optional(),
    CAPTCHA: z.enum(['on', 'off']).default('on'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SECRET_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
    WORKER: z.enum(['on', 'off']).default('on'),
  })
  .superRefine((env, ctx) => {
    if (env.CAPTCHA === 'off' && env.NODE_ENV !== 'test') {
      ctx.addIssue({ code: 'custom', path: ['CAPTCHA'], message: "may only be 'off' when NODE_ENV=test" });
    }
    if (env.NODE_ENV === 'production' && !env.SECRET_KEY) {
      ctx.addIssue({ code: 'custom', path: ['SECRET_KEY'], message: 'is required when NODE_ENV=production' });
    }
  });

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  captcha: boolean;
  logLevel: string;
  /** Secret for signing and key derivation. In development a fixed, clearly non-production value. */
  secretKey: string;
  worker: boolean;
}

const DEV_SECRET = 'development-only-secret-not-for-production-use-000';

/** Validates the environment; throws ConfigError with one line naming the variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    const value = source[name];
    const shown = value === undefined ? '' : ` (got "${name === 'DATABASE_URL' || name === 'SMTP_URL' || name === 'SECRET_KEY' ? '…' : value}")`;
    throw new ConfigError(`Invalid configuration: ${name} ${issue.message}${shown}`);
  }
  const env = parsed.data;
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    dataDir: env.DATA_DIR,
    databaseUrl: env.DATABASE_URL,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM ?? 'Wegweiser <no-reply@localhost>',
    captcha: env.CAPTCHA === 'on',
    logLevel: env.LOG_LEVEL,
    secretKey: env.SECRET_KEY ?? DEV_SECRET,
    worker: env.WORKER === 'on',
  };
}
