// A local S3 emulator (s3rver, from npm) for the STORAGE=s3 tests: real HTTP, real SigV4, real multipart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

export interface S3Fixture {
  env: Record<string, string>;
  options: { bucket: string; prefix: string; endpoint: string; region: string; accessKeyId: string; secretAccessKey: string };
  close(): Promise<void>;
}

export async function startS3(bucket = 'wegweiser-test'): Promise<S3Fixture> {
  const directory = mkdtempSync(join(tmpdir(), 'wegweiser-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  // s3rver's fixed credentials; the SDK signs every request with them as it would against a real bucket.
  const options = { bucket, prefix: 'uploads/', endpoint, region: 'eu-central-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  return {
    options,
    env: {
      STORAGE: 's3',
      S3_BUCKET: bucket,
      S3_PREFIX: options.prefix,
      S3_ENDPOINT: endpoint,
      S3_REGION: options.region,
      S3_ACCESS_KEY_ID: options.accessKeyId,
      S3_SECRET_ACCESS_KEY: options.secretAccessKey,
    },
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
