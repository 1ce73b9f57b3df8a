// Lets the test clamd treat chosen bytes as infected (an MD5 signature), for tests of the virus-scan path.
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createClamdClient } from '#shared/files/clamd.js';
import type { ClamdFixture } from '#shared/files/test/clamd-fixture.js';

/**
 * Makes the test clamd report `bytes` as infected: an MD5 signature (like `sigtool --md5`) is added
 * to its database and clamd reloads. A valid PDF can thus play the infected file that passes every
 * content check, which EICAR (plain text) cannot.
 */
export async function markAsInfected(clamd: ClamdFixture, bytes: Buffer, name: string): Promise<void> {
  const md5 = createHash('md5').update(bytes).digest('hex');
  await writeFile(join(clamd.dir, 'db', `${name}.hdb`), `${md5}:${bytes.length}:${name}\n`);
  await new Promise<void>((resolve, reject) => {
    const socket = createConnection({ host: clamd.host, port: clamd.port }, () => socket.end('zRELOAD\0'));
    socket.on('data', () => socket.destroy());
    socket.on('close', () => resolve());
    socket.on('error', reject);
  });
  const client = createClamdClient(clamd);
  for (let attempt = 0; attempt < 200; attempt++) {
    const result = await client.scanStream(Readable.from([bytes]));
    if (result.status === 'infected') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('clamd did not pick up the test signature');
}
