// Prints what a page costs a visitor on a phone (bytes, by kind of page, first visit and
// next page) and server response times for a few pages. Figures, not assertions.
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
for (const [kind, pages] of KINDS) {
  console.log(`  ${kind}`);
  let cached = new Set();
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
