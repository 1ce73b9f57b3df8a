// The module's settings in src/shared/config.ts: production fails closed without a scanner or a key.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '#shared/config.js';

const production = { NODE_ENV: 'production', SECRET_KEY: 'x'.repeat(40) };
const key = Buffer.alloc(32, 7).toString('base64');

describe('upload settings', () => {
  it('have defaults for trying it out: a development key, no scanner, 20/100 MB, 180 days', () => {
    const config = loadConfig({});
    expect(Buffer.from(config.filesMasterKey, 'base64')).toHaveLength(32);
    expect(config.clamd).toBeUndefined();
    expect(config.upload).toEqual({ maxFileBytes: 20 * 1024 * 1024, maxTotalBytes: 100 * 1024 * 1024, retentionDays: 180 });
  });

  it('require a master key and a virus scanner in production', () => {
    expect(() => loadConfig({ ...production, CLAMD_HOST: 'clamav' })).toThrow(/^Invalid configuration: FILES_MASTER_KEY is required/);
    expect(() => loadConfig({ ...production, FILES_MASTER_KEY: key })).toThrow(/^Invalid configuration: CLAMD_HOST or CLAMD_SOCKET is required/);
    expect(loadConfig({ ...production, FILES_MASTER_KEY: key, CLAMD_SOCKET: '/run/clamav/clamd.ctl' }).clamd).toEqual({ socketPath: '/run/clamav/clamd.ctl' });
    expect(loadConfig({ ...production, FILES_MASTER_KEY: key, CLAMD_HOST: 'clamav' }).clamd).toEqual({ host: 'clamav', port: 3310 });
  });

  it('refuse a key that is not 32 bytes without printing it, and a total below the file limit', () => {
    expect(() => loadConfig({ FILES_MASTER_KEY: 'c2hvcnQ=' })).toThrow('Invalid configuration: FILES_MASTER_KEY must be 32 random bytes, base64-encoded (openssl rand -base64 32) (got "…")');
    expect(() => loadConfig({ UPLOAD_MAX_FILE_MB: '50', UPLOAD_MAX_TOTAL_MB: '20' })).toThrow(/UPLOAD_MAX_TOTAL_MB must be at least UPLOAD_MAX_FILE_MB/);
  });

  it('store on disk by default; STORAGE=s3 needs a bucket, credentials come in pairs, the secret is never printed', () => {
    expect(loadConfig({}).storage).toEqual({ kind: 'disk' });
    expect(() => loadConfig({ STORAGE: 's3' })).toThrow('Invalid configuration: S3_BUCKET is required when STORAGE=s3');
    expect(() => loadConfig({ STORAGE: 's3', S3_BUCKET: 'Bad_Bucket' })).toThrow(/^Invalid configuration: S3_BUCKET must be an S3 bucket name/);
    expect(() => loadConfig({ STORAGE: 's3', S3_BUCKET: 'jc-uploads', S3_SECRET_ACCESS_KEY: 'geheim-geheim' })).toThrow(
      'Invalid configuration: S3_SECRET_ACCESS_KEY and S3_ACCESS_KEY_ID must be given together (or both left out for the SDK default chain) (got "…")',
    );
    expect(loadConfig({ STORAGE: 's3', S3_BUCKET: 'jc-uploads', S3_PREFIX: 'wegweiser/', S3_ENDPOINT: 'https://s3.example.de' }).storage).toEqual({
      kind: 's3',
      bucket: 'jc-uploads',
      prefix: 'wegweiser/',
      endpoint: 'https://s3.example.de',
      region: 'eu-central-1',
      accessKeyId: undefined,
      secretAccessKey: undefined,
    });
  });
});
