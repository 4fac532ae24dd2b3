// Starts the real built server (`node server.js`) on a free port with its own SQLite file,
// and a small cookie-keeping HTTP client to talk to it like a browser without JavaScript.
import { spawn, type ChildProcess } from 'node:child_process';
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type TestServer = { url: string; dir: string; dbPath: string; stop: () => Promise<void>; kill: () => Promise<void>; output: () => string };

export async function startServer(env: Record<string, string> = {}, dir = mkdtempSync(join(tmpdir(), 'rj-it-'))): Promise<TestServer> {
  const dbPath = join(dir, 'portal.db');
  const child: ChildProcess = spawn(process.execPath, ['server.js'], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PORT: '0',
      DATABASE_PATH: dbPath,
      OUTBOX_DIR: join(dir, 'outbox'),
      SESSION_SECRET: 'integration-test-secret-0123456789abcdef',
      OUTBOX_FILES: 'true',
      OUTBOX_POLL_MS: '100',
      OUTBOX_RETRY_BASE_MS: '100',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    const check = () => {
      const m = /listening on http:\/\/localhost:(\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `http://localhost:${port}`,
    dir,
    dbPath,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
    // kill -9: no clean-up, as in a crash.
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}

export type Page = { status: number; url: string; html: string; headers: Headers };

/** A browser without JavaScript: keeps cookies, follows redirects, posts forms. */
export class Visitor {
  cookies = new Map<string, string>();
  /** When set, each request (and each redirect it follows) fails after this long. */
  timeoutMs?: number;
  constructor(
    readonly base: string,
    readonly headers: Record<string, string> = {},
  ) {}

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keepCookies(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i).trim();
      const value = pair!.slice(i + 1).trim();
      const expired = attrs.some((a) => /max-age=0\b/i.test(a.trim()) || /expires=Thu, 01 Jan 1970/i.test(a.trim()));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(path: string, init: RequestInit = {}): Promise<Page> {
    let url = new URL(path, this.base).toString();
    let res = await fetch(url, {
      ...init,
      redirect: 'manual',
      signal: this.timeoutMs ? AbortSignal.timeout(this.timeoutMs) : undefined,
      headers: { ...this.headers, Cookie: this.cookieHeader(), ...(init.headers as Record<string, string>) },
    });
    this.keepCookies(res);
    for (let hops = 0; res.status >= 300 && res.status < 400 && hops < 10; hops++) {
      url = new URL(res.headers.get('location')!, url).toString();
      res = await fetch(url, {
        redirect: 'manual',
        signal: this.timeoutMs ? AbortSignal.timeout(this.timeoutMs) : undefined,
        headers: { ...this.headers, Cookie: this.cookieHeader() },
      });
      this.keepCookies(res);
    }
    return { status: res.status, url: new URL(url).pathname + new URL(url).search, html: await res.text(), headers: res.headers };
  }

  get(path: string) {
    return this.request(path);
  }

  /** Posts fields as a browser form would (repeat a key by giving an array). */
  post(path: string, fields: Record<string, string | string[]> = {}) {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    return this.request(path, { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  }
}

/** The visible text of a page, roughly: tags removed, entities for quotes decoded. */
export function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** Reads the test server's database directly (read-only), as an attacker or auditor would. */
export function queryDb<T>(dbPath: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
