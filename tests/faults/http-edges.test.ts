// Requests that used to be answered badly: a chunked body past the limit, Remix's old
// `?_data=` protocol, a forged Origin behind a same-origin Sec-Fetch-Site; and caching.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, Visitor, type TestServer } from '../setup/server';
import { report } from './report';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

describe('the edges of HTTP', () => {
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
});
