// Prints what a public page costs a visitor on a phone: bytes sent (raw and gzip) for
// HTML, CSS and JS, and server response times for a few pages. Figures, not assertions.
import { gzipSync } from 'node:zlib';
import { startBenchServer } from './server.mjs';

const { base, child } = await startBenchServer();

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
async function bytes(path) {
  const body = Buffer.from(await (await fetch(base + path)).arrayBuffer());
  return { raw: body.length, gzip: gzipSync(body, { level: 6 }).length };
}

for (const page of ['/', '/what-is-restorative-justice', '/refer/who']) {
  const html = await (await fetch(base + page)).text();
  const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
  const js = [...new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]))];
  const h = { raw: Buffer.byteLength(html), gzip: gzipSync(html).length };
  const sum = async (list) => (await Promise.all(list.map(bytes))).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
  const c = await sum(css);
  const j = await sum(js);
  console.log(`${page}`);
  console.log(`  HTML ${kb(h.raw)} (gzip ${kb(h.gzip)})  CSS ${kb(c.raw)} (gzip ${kb(c.gzip)})  JS ${kb(j.raw)} in ${js.length} files (gzip ${kb(j.gzip)})`);
  console.log(`  total gzip ${kb(h.gzip + c.gzip + j.gzip)}; without JavaScript ${kb(h.gzip + c.gzip)}`);
}

for (const page of ['/', '/refer/who', '/check-your-referral']) {
  const times = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    await (await fetch(base + page)).text();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`GET ${page}: median ${times[100].toFixed(1)} ms, p95 ${times[190].toFixed(1)} ms (200 requests, one at a time)`);
}
child.kill('SIGTERM');
