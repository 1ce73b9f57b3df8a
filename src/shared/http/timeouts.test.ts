// Slow clients against the real HTTP server: a body trickling at 1 byte/s and a Content-Length larger than the
// body are both answered (408) and the connection is closed, while a normal request is unaffected.
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/app.js';

let ctx: TestContext;
let port: number;
beforeAll(async () => {
  // One-second windows keep the test short; production measures over 15 s.
  ctx = await createTestContext({ env: { UPLOAD_MIN_BYTES_PER_S: '100', UPLOAD_MIN_RATE_WINDOW_S: '1' } });
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  port = (ctx.app.server.address() as AddressInfo).port;
});
afterAll(async () => ctx.close());

/** Sends `head`, then `body` one byte every `gapMs` (or all at once when gapMs is 0, or only `sendBytes` of it); resolves with what came back and when the server closed. */
function slowRequest(head: string, body: string, options: { gapMs: number; sendBytes?: number }): Promise<{ response: string; closedAfterMs: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let response = '';
    const trickle: { timer?: NodeJS.Timeout } = {};
    socket.on('data', (chunk) => (response += chunk.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(trickle.timer);
      resolve({ response, closedAfterMs: Date.now() - started });
    });
    setTimeout(() => {
      socket.destroy();
      reject(new Error(`still open after 10 s; got: ${response.slice(0, 200)}`));
    }, 10_000).unref();
    socket.write(head);
    const toSend = body.slice(0, options.sendBytes ?? body.length);
    if (options.gapMs === 0) {
      socket.write(toSend);
      return;
    }
    let i = 0;
    trickle.timer = setInterval(() => {
      if (i < toSend.length && !socket.destroyed) socket.write(toSend[i++]!);
    }, options.gapMs);
  });
}

const formHead = (length: number) =>
  `POST /t/neue-wege/staff/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${length}\r\n\r\n`;

describe('slow request bodies', () => {
  it('answers 408 and closes a body that arrives at a few bytes a second', async () => {
    const body = `email=${'a'.repeat(400)}`;
    const { response, closedAfterMs } = await slowRequest(formHead(body.length), body, { gapMs: 200 });
    expect(response).toMatch(/^HTTP\/1\.1 408 /);
    expect(closedAfterMs).toBeLessThan(4_000);
  });

  it('answers a Content-Length larger than the body that follows', async () => {
    const { response, closedAfterMs } = await slowRequest(formHead(1000), 'email=x', { gapMs: 0 });
    expect(response).toMatch(/^HTTP\/1\.1 408 /);
    expect(closedAfterMs).toBeLessThan(4_000);
  });

  it('cuts off a multipart upload that trickles in', async () => {
    const boundary = 'x-boundary';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4${'x'.repeat(2000)}\r\n--${boundary}--\r\n`;
    const head = `POST /api/v1/t/neue-wege/uploads HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${body.length}\r\n\r\n`;
    const { response, closedAfterMs } = await slowRequest(head, body, { gapMs: 100 });
    expect(response).toMatch(/^HTTP\/1\.1 (408|4\d\d) /);
    expect(closedAfterMs).toBeLessThan(4_000);
  });

  it('leaves a request whose body arrives at once alone', async () => {
    const body = 'email=nobody%40example.org&password=wrong';
    const { response } = await slowRequest(`${formHead(body.length).replace('HTTP/1.1\r\n', 'HTTP/1.1\r\nConnection: close\r\n')}`, body, { gapMs: 0 });
    expect(response).not.toMatch(/^HTTP\/1\.1 408 /);
    expect(response).toMatch(/^HTTP\/1\.1 [2-4]\d\d /);
  });
});
