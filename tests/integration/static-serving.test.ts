// What the server sends for what does not change: learning pages rendered once and served
// from memory, and hashed assets compressed at build time. Raw node:http, so the bytes on
// the wire are what is checked, not what a client decompressed.
import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../setup/server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };
function get(path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((done, fail) => {
    http
      .get(new URL(path, server.url), { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', fail);
  });
}

describe('learning pages', () => {
  it('are the same bytes for every visitor, compressed as asked, with every security header', async () => {
    const plain = await get('/what-is-restorative-justice');
    const gzip = await get('/what-is-restorative-justice', { 'accept-encoding': 'gzip', cookie: 'rj_session=someone' });
    const br = await get('/what-is-restorative-justice', { 'accept-encoding': 'br, gzip' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(plain.body.toString()).toContain('<h1 class="govuk-heading-l">What restorative justice is</h1>');
    for (const r of [plain, gzip, br]) {
      expect(r.headers['cache-control']).toBe('no-store');
      expect(r.headers['content-security-policy']).toContain("default-src 'self'");
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    }
    // A query string or a page with a form still goes through Remix as before.
    expect((await get('/what-is-restorative-justice?x=1')).status).toBe(200);
    expect((await get('/refer/who')).body.toString()).toContain('Are you the person who was harmed?');
  });
});

describe('hashed assets', () => {
  it('are sent precompressed when the browser accepts it, cached for a year', async () => {
    const html = (await get('/')).body.toString();
    const css = /href="(\/assets\/main-[^"]+\.css)"/.exec(html)![1]!;
    const plain = await get(css);
    const br = await get(css, { 'accept-encoding': 'br' });
    const gzip = await get(css, { 'accept-encoding': 'gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
    expect(br.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toContain('Accept-Encoding');
    expect(br.body.length).toBeLessThan(plain.body.length / 5);
    // A browser that refuses brotli gets gzip; one that wants neither gets the plain file,
    // which also says it varies, so no cache hands a compressed copy to the wrong client.
    expect((await get(css, { 'accept-encoding': 'br;q=0, gzip' })).headers['content-encoding']).toBe('gzip');
    // Browsers list gzip first ("gzip, deflate, br, zstd"): brotli, the smaller, still goes when accepted (issue 26).
    expect((await get(css, { 'accept-encoding': 'gzip, deflate, br, zstd' })).headers['content-encoding']).toBe('br');
    const none = await get(css, { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.body.equals(plain.body)).toBe(true);
    expect(plain.headers.vary).toContain('Accept-Encoding');
  });

  it('the icons at the top are served; other paths are pages', async () => {
    const icon = await get('/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers['content-type']).toContain('image/svg+xml');
    expect((await get('/favicon.svg.br')).status).toBe(404);
  });
});
