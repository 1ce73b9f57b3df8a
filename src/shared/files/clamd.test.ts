import { randomBytes } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClamdClient, parseScanReply, ScannerUnavailableError } from './clamd.js';
import { eicar, findClamd, startClamd, testSignatureName, type ClamdFixture } from './test/clamd-fixture.js';

const clamdPath = findClamd();
// The reason for skipping shows in the test report as part of the suite name.
const needsClamd = (title: string) =>
  clamdPath ? title : `${title} (skipped: no clamd binary; apt-get install clamav-daemon or set CLAMD_PATH)`;

describe.skipIf(!clamdPath)(needsClamd('clamd client against a real clamd'), () => {
  let clamd: ClamdFixture;
  beforeAll(async () => {
    clamd = await startClamd();
  });
  afterAll(async () => {
    await clamd?.stop();
  });

  it('answers PING', async () => {
    await expect(createClamdClient(clamd).ping()).resolves.toBeUndefined();
  });

  it('reports a clean file as clean', async () => {
    const result = await createClamdClient(clamd).scanStream(Readable.from([randomBytes(300_000)]));
    expect(result).toEqual({ status: 'clean' });
  });

  it('finds EICAR and names the local signature', async () => {
    const result = await createClamdClient(clamd).scanStream(Readable.from([eicar()]));
    expect(result).toEqual({ status: 'infected', signature: `${testSignatureName}.UNOFFICIAL` });
  });

  it('finds EICAR sent in many small INSTREAM chunks', async () => {
    const bytes = eicar();
    const source = Readable.from([bytes.subarray(0, 10), bytes.subarray(10, 11), bytes.subarray(11)]);
    const result = await createClamdClient(clamd, { chunkSize: 7 }).scanStream(source);
    expect(result).toMatchObject({ status: 'infected' });
  });

  it('scans several files at once', async () => {
    const client = createClamdClient(clamd);
    const results = await Promise.all([
      client.scanStream(Readable.from([eicar()])),
      client.scanStream(Readable.from([Buffer.from('Mietvertrag')])),
      client.scanStream(Readable.from([eicar()])),
    ]);
    expect(results.map((r) => r.status)).toEqual(['infected', 'clean', 'infected']);
  });

  it('passes on an error of the source stream', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('disk read failed'));
      },
    });
    await expect(createClamdClient(clamd).scanStream(failing)).rejects.toThrow('disk read failed');
  });
});

describe.skipIf(!clamdPath)(needsClamd('clamd limits and outages'), () => {
  it('answers "error" when the stream exceeds StreamMaxLength', async () => {
    const clamd = await startClamd({ streamMaxLength: '1M' });
    try {
      const big = Readable.from(Array.from({ length: 40 }, () => randomBytes(64 * 1024)));
      const result = await createClamdClient(clamd).scanStream(big);
      expect(result).toMatchObject({ status: 'error', message: expect.stringMatching(/size limit|StreamMaxLength/) });
    } finally {
      await clamd.stop();
    }
  });

  it('throws ScannerUnavailableError once clamd is stopped', async () => {
    const clamd = await startClamd();
    const client = createClamdClient(clamd);
    await client.ping();
    await clamd.stop();
    await expect(client.scanStream(Readable.from([Buffer.from('x')]))).rejects.toBeInstanceOf(ScannerUnavailableError);
    await expect(client.ping()).rejects.toBeInstanceOf(ScannerUnavailableError);
  });
});

describe('clamd client without clamd', () => {
  const servers: Server[] = [];
  afterAll(() => servers.forEach((server) => server.close()));

  async function fakeClamd(onConnection: (socket: Socket) => void): Promise<{ host: string; port: number }> {
    const server = createServer(onConnection);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    return { host: '127.0.0.1', port: address.port };
  }

  it('throws ScannerUnavailableError for a missing unix socket', async () => {
    const client = createClamdClient({ socketPath: join(tmpdir(), `no-clamd-${process.pid}.sock`) });
    await expect(client.scanStream(Readable.from([Buffer.from('x')]))).rejects.toBeInstanceOf(ScannerUnavailableError);
  });

  it('answers "error" when clamd stays silent past the idle timeout', async () => {
    const address = await fakeClamd((socket) => socket.resume());
    const result = await createClamdClient(address, { idleTimeoutMs: 200 }).scanStream(
      Readable.from([Buffer.from('x')]),
    );
    expect(result).toMatchObject({ status: 'error', message: expect.stringContaining('no answer') });
  });

  it('answers "error" when the connection closes without a verdict', async () => {
    const address = await fakeClamd((socket) => socket.once('data', () => socket.destroy()));
    const result = await createClamdClient(address).scanStream(Readable.from([Buffer.from('x')]));
    expect(result.status).toBe('error');
  });

  it('passes the bytes of a slow sender on to clamd while the upload still arrives', async () => {
    let received = 0;
    let answer: (() => void) | undefined;
    const address = await fakeClamd((socket) => {
      socket.on('data', (chunk: Buffer) => (received += chunk.length));
      answer = () => socket.end('stream: OK\0');
    });
    const source = new PassThrough();
    const scan = createClamdClient(address).scanStream(source);
    // Far less than a batch, and then nothing more for a while: clamd must not be left waiting for it.
    source.write(randomBytes(10_000));
    const deadline = Date.now() + 5_000;
    while (received < 10_000 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(received).toBeGreaterThanOrEqual(10_000);
    source.end();
    while (received < 10_000 + 'zINSTREAM\0'.length + 8 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    answer!();
    await expect(scan).resolves.toEqual({ status: 'clean' });
  });

  it('refuses a ping that is not answered with PONG', async () => {
    const address = await fakeClamd((socket) => socket.once('data', () => socket.end('NOPE\0')));
    await expect(createClamdClient(address).ping()).rejects.toBeInstanceOf(ScannerUnavailableError);
  });
});

describe('parseScanReply', () => {
  it.each([
    ['stream: OK', { status: 'clean' }],
    ['stream: Eicar-Test-Signature FOUND', { status: 'infected', signature: 'Eicar-Test-Signature' }],
    ['stream: Win.Test.EICAR_HDB-1 FOUND', { status: 'infected', signature: 'Win.Test.EICAR_HDB-1' }],
    ['INSTREAM size limit exceeded. ERROR', { status: 'error', message: 'INSTREAM size limit exceeded. ERROR' }],
    ['', { status: 'error', message: 'empty answer from clamd' }],
  ])('%j', (reply, expected) => {
    expect(parseScanReply(reply)).toEqual(expected);
  });
});
