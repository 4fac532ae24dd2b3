import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { isbot } from 'isbot';
import { renderToPipeableStream } from 'react-dom/server';
import { EXIT_THIS_PAGE, JS_ENABLED } from './utils/inline-scripts';
import { NonceContext } from './utils/nonce';
import { I18nContext } from './i18n/context';
import { i18nFor, languageOf } from './i18n/i18n.server';

export { env } from './utils/env.server';
export { startup } from './startup.server';
// server.js picks the language of the pages it serves from memory the same way.
export { languageFor, LANGUAGE_COOKIE } from './i18n/i18n.server';
export { LANGS } from './i18n/languages';

/** CSP sources that allow the portal's own inline scripts (server.js adds them). */
export const inlineScriptHashes = [JS_ENABLED, EXIT_THIS_PAGE].map((source) => `'sha256-${createHash('sha256').update(source).digest('base64')}'`);

const ABORT_DELAY = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.nonce === 'string' ? loadContext.nonce : '';
  const waitForAll = isbot(request.headers.get('user-agent') ?? '') || remixContext.isSpaMode;
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <I18nContext.Provider value={i18nFor(languageOf(request))}>
        <NonceContext.Provider value={nonce}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </NonceContext.Provider>
      </I18nContext.Provider>,
      {
        nonce,
        [waitForAll ? 'onAllReady' : 'onShellReady']() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Before the shell, the error reaches handleError; after it, only this line tells.
          if (shellRendered) console.error(`error while streaming ${new URL(request.url).pathname} (request ${loadContext.requestId ?? '-'}):`, error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

// Keep stack traces out of responses and personal data out of logs: the path (never the
// query) and the error. The request id matches server.js's line for the 500 it became.
export function handleError(error: unknown, { request, context }: { request: Request; context: AppLoadContext }) {
  const path = new URL(request.url).pathname;
  const what = error instanceof Error ? (error.stack ?? error.message) : 'unknown error';
  // A visitor who left mid-request aborts it: worth a line, not a stack.
  if (request.signal.aborted) return console.error(`aborted ${request.method} ${path} (request ${context.requestId ?? '-'})`);
  console.error(`error on ${request.method} ${path} (request ${context.requestId ?? '-'}):`, what);
}
