// Requests that used to be answered badly: a chunked body past the limit, Remix's old
// `?_data=` protocol, a forged Origin behind a same-origin Sec-Fetch-Site; and caching.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { startServer, Visitor, type TestServer } from '../setup/server';
import { report } from './report';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

/**
 * On one keep-alive connection: a POST with `size` bytes of body, then (once its answer
 * has come) a GET. Returns the two status lines and how long the GET took, bounded at 10 s.
 */
function postThenGet(path: string, size: number, chunked: boolean): Promise<{ statuses: string[]; getMs: number }> {
  const { port } = new URL(server.url);
  const body = `a=${'x'.repeat(size - 2)}`;
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    let received = '';
    let getSentAt = 0;
    const done = () => {
      socket.destroy();
      resolve({ statuses: received.match(/HTTP\/1\.1 \d+/g) ?? [], getMs: getSentAt ? Date.now() - getSentAt : -1 });
    };
    const timer = setTimeout(done, 10_000);
    socket.on('data', (d) => {
      received += d;
      if (!getSentAt && received.includes('\r\n\r\n')) {
        getSentAt = Date.now();
        socket.write(`GET /robots.txt HTTP/1.1\r\nHost: localhost:${port}\r\nConnection: close\r\n\r\n`);
      }
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      done();
    });
    const head = `POST ${path} HTTP/1.1\r\nHost: localhost:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\n`;
    socket.write(
      chunked
        ? `${head}Transfer-Encoding: chunked\r\n\r\n${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`
        : `${head}Content-Length: ${body.length}\r\n\r\n${body}`,
    );
  });
}

describe('the edges of HTTP', () => {
  // A page that answers a post without reading its body (a redirect, a 404 for a bad link)
  // left the rest unread: the next request on the connection waited ~6 s and was reset.
  it.each([
    ['/refer/confirmation', 'with no referral under way'],
    ['/staff/set-up?token=bad', 'with a bad link'],
  ])('a post to %s %s is read to its end: the next request on the connection is answered at once', async (path) => {
    for (const [size, chunked] of [
      [1_500_000, false],
      [1_500_000, true],
      [100, false],
    ] as const) {
      const { statuses, getMs } = await postThenGet(path, size, chunked);
      report(
        `post then get, one connection, ${path}`,
        `${size.toLocaleString('en-GB')} bytes${chunked ? ', chunked' : ''}`,
        `${statuses.join(', ')}; get in ${getMs} ms`,
      );
      expect(statuses, `${size} bytes${chunked ? ', chunked' : ''}`).toHaveLength(2);
      expect(statuses[1]).toBe('HTTP/1.1 200');
      expect(getMs).toBeLessThan(2000);
    }
  });

  it('a chunked body over the limit is cut off with 413, whatever the headers say, and the server carries on', async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x61);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 40 * 1024 * 1024) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const res = await fetch(`${server.url}/refer/who`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
      duplex: 'half',
    } as RequestInit).catch((e: Error) => ({ status: `connection closed (${e.message})` }));
    report('chunked body, no length, /refer/who', `up to 40 MB, ${(sent / 1024 / 1024).toFixed(1)} MB sent`, `status ${res.status}`);
    expect(res.status).toBe(413);
    expect((await new Visitor(server.url).get('/')).status).toBe(200);
  });

  it('?_data= requests get a 400 and no stack trace in the log', async () => {
    const before = server.output().length;
    for (const path of ['/staff/sign-in?_data=routes%2Fstaff.sign-in', '/?_data=root', '/refer/who?_data=routes%2Frefer.%24step']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(400);
    }
    const log = server.output().slice(before);
    report('?_data= on three routes', '3 GETs', `400 each, ${log.split('\n').filter(Boolean).length} log lines`);
    expect(log).not.toMatch(/at .*\(.*:\d+:\d+\)/);
  });

  it('a post claiming same-origin but sent from another origin is refused with 403, not 500', async () => {
    const res = await fetch(`${server.url}/check-your-referral`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'same-origin', Origin: 'https://evil.example' },
      body: 'reference=RJ-AAAA-AAAA&passphrase=x',
    });
    expect(res.status).toBe(403);
  });

  it('hashed assets are cached for a year; pages are never stored', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const asset = /\/assets\/[^"]+\.css/.exec(await page.text())?.[0];
    expect(asset).toBeDefined();
    const res = await fetch(`${server.url}${asset}`);
    expect(res.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable|immutable.*max-age=31536000/);
  });

  it('a 500 is logged with its path and an id that ties it to its error, and nothing the visitor typed', async () => {
    const broken = await startServer();
    try {
      // A table gone from under the running server (a bad manual edit): a sign-in now fails inside.
      const db = new Database(broken.dbPath);
      db.exec('drop table sign_in_failures');
      db.close();
      const before = broken.output().length;
      const res = await fetch(`${broken.url}/check-your-referral`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'reference=RJ-ABCD-EFGH&passphrase=secret-words-here',
      });
      expect(res.status).toBe(500);
      let log = '';
      for (const end = Date.now() + 5000; !/500 POST/.test(log) && Date.now() < end;) {
        await new Promise((r) => setTimeout(r, 20));
        log = broken.output().slice(before);
      }
      const id = /^500 POST \/check-your-referral in \d+ ms \(request ([0-9a-f]{12})\)$/m.exec(log)?.[1];
      report('a table dropped under the server', 'POST /check-your-referral', `status ${res.status}; log: ${log.split('\n')[0]}`);
      expect(id, log).toBeDefined();
      expect(log).toContain(`error on POST /check-your-referral (request ${id}):`);
      expect(log).not.toMatch(/secret-words-here|ABCD-EFGH/);
    } finally {
      await broken.stop();
    }
  });
});
