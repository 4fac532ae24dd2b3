// Prints what a page costs a visitor on a phone (bytes, by kind of page, first visit and
// next page) and server response times for a few pages. Figures, not assertions.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { startBenchServer } from './server.mjs';

const { base, child } = await startBenchServer();

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const gzipped = async (path) => gzipSync(Buffer.from(await (await fetch(base + path)).arrayBuffer()), { level: 6 }).length;

// What a browser fetches for a page: the HTML, then its stylesheets, scripts (with the
// modules they preload) and its SVG icon. Figures are gzip, as the server sends them.
function assetsOf(html) {
  const links = [...html.matchAll(/<link ([^>]+)>/g)].map((m) => m[1]);
  const attr = (tag, name) => new RegExp(`${name}="([^"]+)"`).exec(tag)?.[1];
  const css = links.filter((l) => /rel="stylesheet"/.test(l)).map((l) => attr(l, 'href'));
  const preloads = links.filter((l) => /rel="modulepreload"/.test(l)).map((l) => attr(l, 'href'));
  const icons = links.filter((l) => /rel="icon"/.test(l) && /svg/.test(l)).map((l) => attr(l, 'href'));
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]);
  // Remix's runtime loads its entry and route modules from an inline script.
  const imported = [...html.matchAll(/import\("([^"]+\.js)"\)|from "([^"]+\.js)"/g)].map((m) => m[1] ?? m[2]);
  return [...new Set([...css, ...preloads, ...scripts, ...imported, ...icons])];
}

const KINDS = [
  [
    'learning',
    [
      '/',
      '/what-is-restorative-justice',
      '/ways-it-can-happen',
      '/is-it-right-for-me',
      '/what-happens-next',
      '/what-the-evidence-says',
      '/questions',
      '/privacy',
    ],
  ],
  ['question', ['/refer', '/refer/who', '/refer-as-a-professional']],
  ['participant', ['/check-your-referral', '/letters', '/letters/set-up']],
  ['staff (keeps the runtime)', ['/staff/sign-in']],
];
console.log(
  'Page weight, gzip: first visit (empty cache) and as the next page (its assets cached from the page before). Goal for public pages: 50 KB / 10 KB.',
);
let cached = new Set();
for (const [kind, pages] of KINDS) {
  console.log(`  ${kind}`);
  for (const page of pages) {
    const html = await (await fetch(base + page)).text();
    const htmlGzip = gzipSync(html, { level: 6 }).length;
    const assets = assetsOf(html);
    const sizes = new Map(await Promise.all(assets.map(async (a) => [a, await gzipped(a)])));
    const first = htmlGzip + [...sizes.values()].reduce((a, b) => a + b, 0);
    const next = htmlGzip + assets.filter((a) => !cached.has(a)).reduce((a, b) => a + sizes.get(b), 0);
    const js = assets.filter((a) => a.endsWith('.js')).reduce((a, b) => a + sizes.get(b), 0);
    console.log(`    ${page.padEnd(30)} first ${kb(first).padStart(8)}  next ${kb(next).padStart(8)}  (HTML ${kb(htmlGzip)}, JavaScript ${kb(js)})`);
    cached = new Set(assets);
  }
}

// Throughput: each page beside a bare node:http server replaying the very bytes (headers
// and gzip body) the portal sent, loaded the same way: 2,000 requests, 8 at a time, over
// keep-alive connections. Learning pages are rendered once and served from memory (goal:
// at least half the bare replay's requests a second).
const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
function get(url) {
  return new Promise((done, fail) => {
    http
      .get(url, { agent, headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => done({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', fail);
  });
}
async function requestsPerSecond(url, total = 2000, parallel = 8) {
  for (let i = 0; i < 200; i++) await get(url); // warm up
  let sent = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (sent++ < total) await get(url);
    }),
  );
  return total / ((performance.now() - start) / 1000);
}
let replay = { headers: {}, body: Buffer.alloc(0) };
const bare = http.createServer((_, res) => {
  res.writeHead(200, {
    'content-type': replay.headers['content-type'],
    ...(replay.headers['content-encoding'] ? { 'content-encoding': replay.headers['content-encoding'] } : {}),
  });
  res.end(replay.body);
});
await new Promise((r) => bare.listen(0, '127.0.0.1', r));
const bareBase = `http://127.0.0.1:${bare.address().port}`;
const cpuMs = (pid) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * 10; // utime + stime: 100 ticks a second
};

console.log('\nThroughput, 2,000 requests 8 at a time, beside a bare node:http replay of the same bytes');
console.log(`${'page'.padEnd(30)} ${'portal req/s'.padStart(13)} ${'bare req/s'.padStart(11)} ${'ratio'.padStart(6)}  server CPU/request`);
const PAGES = [
  ...KINDS[0][1].map((p) => [p, 'learning (goal ≥ 0.5× bare)']),
  ['/refer/who', 'question (goal ≤ 2 ms CPU)'],
  ['/check-your-referral', 'participant (goal ≤ 2 ms CPU)'],
];
for (const [page, kind] of PAGES) {
  replay = await get(base + page);
  const cpu0 = cpuMs(child.pid);
  const ours = await requestsPerSecond(base + page);
  const cpu = (cpuMs(child.pid) - cpu0) / 2000;
  const floor = await requestsPerSecond(bareBase);
  console.log(
    `${page.padEnd(30)} ${ours.toFixed(0).padStart(13)} ${floor.toFixed(0).padStart(11)} ${`${(ours / floor).toFixed(2)}×`.padStart(6)}  ${cpu.toFixed(2)} ms  ${kind}`,
  );
}
bare.close();
agent.destroy();
child.kill('SIGTERM');
