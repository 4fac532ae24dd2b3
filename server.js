// The portal's HTTP server: Express 4 in front of the Remix build. It sets the security
// headers (with a fresh CSP nonce per request), limits request bodies, refuses cross-site
// form posts, serves the static build and, before it listens, migrates the database,
// seeds the demo (with --demo) and starts the outbox sender.
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { createRequestHandler } from '@remix-run/express';
import { createRequestHandler as createRemixRequestHandler } from '@remix-run/node';
import compression from 'compression';
import express from 'express';

const args = new Set(process.argv.slice(2));
const dev = args.has('--dev');
if (args.has('--demo') && !process.env.DEMO) process.env.DEMO = 'true';
process.env.NODE_ENV ??= dev ? 'development' : 'production';

const viteDevServer = dev ? await import('vite').then((vite) => vite.createServer({ server: { middlewareMode: true } })) : undefined;

const loadBuild = () => (viteDevServer ? viteDevServer.ssrLoadModule('virtual:remix/server-build') : import('./build/server/index.js'));

let build;
try {
  build = await loadBuild();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

// Validates configuration, migrates, seeds (demo only), starts background work.
let stopBackground;
try {
  stopBackground = await build.entry.module.startup();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
const { env, inlineScriptHashes, languageFor, LANGS, LANGUAGE_COOKIE } = build.entry.module;

const app = express();
app.disable('x-powered-by');
// How many reverse proxies stand in front (0: none). Each one's X-Forwarded-For entry is
// believed; the port must then be reachable only through them (README, security).
if (env.TRUST_PROXY) app.set('trust proxy', env.TRUST_PROXY);

// Pages that are the same bytes for everyone (handle.staticPage, no loader of their own):
// rendered once at start and served from memory, with their gzip and brotli forms and
// headers made once, ahead of everything else, so a learning page costs about what a
// static file does. They carry no nonce: nothing on them runs but our hashed inline scripts.
// One copy a language, chosen as every page's language is (app/i18n/i18n.server.ts).
const staticPages = viteDevServer ? new Map() : staticPagesOf(build);
app.use((req, res, next) => {
  const copies = (req.method === 'GET' || req.method === 'HEAD') && req.url === req.path ? staticPages.get(req.path) : undefined;
  const page = copies?.[languageFor(req.path, req.get('cookie'), req.get('accept-language'))];
  if (!page?.raw) return next();
  const accepted = req.get('accept-encoding') ?? '';
  const [encoding, body] = accepted.includes('br') ? ['br', page.br] : accepted.includes('gzip') ? ['gzip', page.gzip] : [undefined, page.raw];
  res.writeHead(200, { ...page.headers, ...(encoding ? { 'Content-Encoding': encoding } : {}), 'Content-Length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
});

function staticPagesOf(build) {
  const pages = new Map();
  for (const route of Object.values(build.routes)) {
    if (route.parentId === 'root' && route.module.handle?.staticPage && !route.module.loader && !route.module.action) pages.set(`/${route.path ?? ''}`, {});
  }
  return pages;
}

const renderRemix = createRemixRequestHandler(build, env.NODE_ENV);
async function renderOnce(path, lang) {
  const request = new Request(`http://localhost${path}`, { headers: { Cookie: `${LANGUAGE_COOKIE}=${lang}` } });
  const response = await renderRemix(request, { nonce: '', clientAddress: 'render-once' });
  if (response.status !== 200) throw new Error(`${path} answered ${response.status} when rendered once`);
  const raw = Buffer.from(await response.arrayBuffer());
  const headers = {
    ...securityHeaders(null),
    'Cache-Control': 'no-store',
    'Content-Type': 'text/html; charset=utf-8',
    Vary: 'Accept-Encoding, Accept-Language, Cookie',
  };
  return { raw, gzip: gzipSync(raw, { level: 9 }), br: brotliCompressSync(raw), headers };
}
// Rendered before the server listens (a few milliseconds each), so nothing races them.
for (const [path, copies] of staticPages) for (const lang of LANGS) copies[lang] = await renderOnce(path, lang);

app.use(compression());
// Remix writes a page as React streams it and calls res.flush() after every chunk when the
// compression middleware offers it, so each chunk is compressed on its own (about a quarter
// more bytes and ~2 ms a page). The portal never streams data after the first paint (no
// deferred loaders), so nothing is gained by flushing early: the page is compressed whole.
app.use((req, res, next) => {
  delete res.flush;
  next();
});

/** The security headers of every answer; `nonce` only where Remix may run inline scripts. */
function securityHeaders(nonce) {
  const csp = [
    "default-src 'self'",
    // The nonce is for Remix's own inline scripts on staff pages; our inline scripts go by hash.
    `script-src 'self'${nonce ? ` 'nonce-${nonce}'` : ''} ${inlineScriptHashes.join(' ')}${dev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self'${dev ? " 'unsafe-inline'" : ''}`,
    "img-src 'self'",
    "font-src 'self'",
    `connect-src 'self'${dev ? ' ws:' : ''}`,
    "manifest-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
    ...(env.NODE_ENV === 'production' ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

app.use((req, res, next) => {
  const nonce = randomBytes(16).toString('base64');
  res.locals.nonce = nonce;
  res.set(securityHeaders(nonce));
  next();
});

// Every answer of 500 or more is logged: its method, path (never its query, which may hold
// a search), status, time and an id that the error's own line (handleError) carries too. Paths
// hold no personal data (references and codes never go in a URL).
app.use((req, res, next) => {
  const started = performance.now();
  res.locals.requestId = randomBytes(6).toString('hex');
  res.once('finish', () => {
    if (res.statusCode < 500) return;
    const ms = Math.round(performance.now() - started);
    console.error(`${res.statusCode} ${req.method} ${req.path} in ${ms} ms (request ${res.locals.requestId})`);
  });
  next();
});

// `?_data=` was Remix's old data protocol; with single fetch nothing of ours sends it, and
// Remix answers it with a 500 and two stack traces. A plain 400 instead.
app.use((req, res, next) => {
  if (req.query._data !== undefined) return res.status(400).type('text/plain').send('Bad request.');
  next();
});

// Refuse oversized bodies, and form posts from other sites, before anything reads them.
const MAX_BODY_BYTES = 2 * 1024 * 1024;
const TOO_LARGE = 'What you sent is too large. Go back and shorten it.';
app.use((req, res, next) => {
  if (req.method === 'GET' || req.method === 'HEAD') return next();
  const length = Number(req.get('content-length') ?? 0);
  if (length > MAX_BODY_BYTES) return res.status(413).type('text/plain').send(TOO_LARGE);
  if (!isSameSite(req)) return res.status(403).type('text/plain').send('This form can only be sent from this website.');
  // Remix's own check throws (a 500) on `Origin: null`; we have already judged the request.
  if (req.headers.origin === 'null') delete req.headers.origin;
  limitStreamedBody(req, res);
  res.once('finish', () => drainBody(req));
  next();
});

// A handler may answer without reading the body (a redirect, a 404 for a bad link). What is
// left of it must still be read, or the next request on that keep-alive connection waits
// behind it until the socket is reset. Remix reads the body through a stream that pauses
// the request when nobody pulls: its listeners go, and the rest is read and dropped (at most
// MAX_BODY_BYTES: past that, limitStreamedBody closes the connection).
function drainBody(req) {
  if (req.complete) return;
  req.removeAllListeners('data');
  req.on('data', () => {});
  req.resume();
}

// A chunked body has no length to check up front: count its bytes as the HTTP parser hands
// them over. Past the limit, nothing more is kept, the answer is 413, and the connection
// closes (the handler still waiting for the body then fails quietly; see the error handler).
function limitStreamedBody(req, res) {
  let received = 0;
  const push = req.push;
  req.push = function (chunk, encoding) {
    if (res.locals.tooLarge) return true;
    if (chunk) received += chunk.length;
    if (received <= MAX_BODY_BYTES) return push.call(this, chunk, encoding);
    res.locals.tooLarge = true;
    // Already answered without reading it (drainBody): nothing to tell; the connection goes.
    if (res.headersSent) {
      req.socket.destroy();
      return true;
    }
    res.status(413).set('Connection', 'close').type('text/plain').send(TOO_LARGE);
    // Half-close first, so the browser reads the 413 before the connection goes (a reset
    // while it is still sending can lose the answer); what it still sends is dropped.
    res.once('finish', () => {
      req.socket.end();
      setTimeout(() => req.socket.destroy(), 2000).unref();
    });
    return true;
  };
}

// Browsers say where a request came from in Sec-Fetch-Site. With Referrer-Policy
// no-referrer they send `Origin: null` on plain form posts, so Origin alone cannot be
// trusted to tell our own forms apart; it is the fallback for clients without Sec-Fetch-*.
function isSameSite(req) {
  const origin = req.get('origin');
  // An Origin that names another site is refused whatever Sec-Fetch-Site claims (Remix
  // would otherwise answer a mismatch with a 500).
  if (origin !== undefined && origin !== 'null' && !sameHost(origin, req.get('host'))) return false;
  const site = req.get('sec-fetch-site');
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  // No Sec-Fetch-Site: a client without it (curl, a test) sends no Origin, or ours.
  return origin === undefined || sameHost(origin, req.get('host'));
}

function sameHost(origin, host) {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

if (viteDevServer) {
  app.use(viteDevServer.middlewares);
} else {
  // Precompressed: scripts/precompress.mjs made a .br and a .gz beside each hashed asset at
  // build time; the one the browser accepts is sent as it is (compression() leaves a
  // response that already has a Content-Encoding alone).
  const precompressed = new Set(readdirSync('build/client/assets'));
  const EXTENSION = { br: '.br', gzip: '.gz' };
  app.use('/assets', (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !/^\/[\w.-]+$/.test(req.path)) return next();
    const name = req.path.slice(1);
    const made = Object.keys(EXTENSION).filter((encoding) => precompressed.has(name + EXTENSION[encoding]));
    if (!made.length) return next();
    // The answer depends on Accept-Encoding whichever copy goes, the plain one included.
    res.vary('Accept-Encoding');
    // Negotiated with q-values (`br;q=0` means no brotli), but brotli, the smaller, goes
    // whenever it is accepted at all: browsers list gzip first ("gzip, deflate, br").
    const encoding = made.includes('br') && req.acceptsEncodings(['br']) ? 'br' : req.acceptsEncodings(made);
    if (!encoding) return next();
    res.type(extname(name)).set('Content-Encoding', encoding);
    res.sendFile(resolve('build/client/assets', name + EXTENSION[encoding]), { immutable: true, maxAge: '1y' });
  });
  app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }));
  // The few files at the top of build/client (icons), known at start: any other path goes
  // straight to the pages, without a file-system look-up (and its error) per page request.
  const topFiles = new Set(
    readdirSync('build/client', { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => `/${entry.name}`),
  );
  const serveTopFile = express.static('build/client', { maxAge: '1h' });
  app.use((req, res, next) => (topFiles.has(req.path) ? serveTopFile(req, res, next) : next()));
}

// Pages are never stored: on a shared device even a visit to a learning page can say too
// much. (Static files above set their own caching: hashed assets for a year.)
app.use((req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
});

app.all(
  '*',
  createRequestHandler({
    build: viteDevServer ? loadBuild : build,
    mode: env.NODE_ENV,
    getLoadContext: (req, res) => ({ nonce: res.locals.nonce, clientAddress: req.ip ?? 'unknown', requestId: res.locals.requestId }),
  }),
);

// A body cut off at the limit leaves its handler failing after the 413 went out: nothing
// more to send or log. Anything else is a real error: one short line, a plain 500.
app.use((error, req, res, _next) => {
  if (res.locals.tooLarge || res.headersSent) return;
  console.error(`error on ${req.method} ${req.path} (request ${res.locals.requestId}): ${error instanceof Error ? error.message : 'error'}`);
  res.status(500).type('text/plain').send('Sorry, there is a problem with the service.');
});

const server = app.listen(env.PORT, env.HOST, () => {
  console.log(`Portal listening on http://localhost:${server.address().port}`);
});

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  stopBackground?.();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 3000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
