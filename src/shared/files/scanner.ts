// The virus scan as the upload service sees it: a verdict per file, never an exception. When clamd
// cannot give a verdict the file is 'pending' (quarantine) and the scan job tries again (fail closed).
import type { Readable } from 'node:stream';
import type { Config } from '../config.js';
import { createClamdClient } from './clamd.js';

export type ScanVerdict =
  | { status: 'clean' }
  | { status: 'infected'; signature: string }
  | { status: 'pending'; reason: string }
  | { status: 'unscanned' };

export interface Scanner {
  /** True when a scanner is configured; false only outside production (config.ts enforces it). */
  configured: boolean;
  scan(source: Readable): Promise<ScanVerdict>;
}

export function createScanner(config: Config): Scanner {
  const address = config.clamd;
  if (!address) {
    return {
      configured: false,
      async scan(source) {
        source.resume();
        return { status: 'unscanned' };
      },
    };
  }
  const client = createClamdClient(address, { connectTimeoutMs: 2_000, idleTimeoutMs: 30_000 });
  return {
    configured: true,
    async scan(source) {
      try {
        const result = await client.scanStream(source);
        if (result.status === 'clean') return { status: 'clean' };
        if (result.status === 'infected') return { status: 'infected', signature: result.signature };
        return { status: 'pending', reason: result.message };
      } catch (error) {
        return { status: 'pending', reason: error instanceof Error ? error.message : String(error) };
      } finally {
        source.destroy();
      }
    },
  };
}
