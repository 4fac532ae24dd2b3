// Staff accounts for tests, made the way a real deployment makes them: the staff CLI,
// the set-up link, a password, and an authenticator code computed from the shown key.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { generate } from 'otplib';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, inject } from 'vitest';
import { queryDb, startServer, textOf, Visitor, type TestServer } from './server';
import type { StaffTemplate } from './team-template';

const run = promisify(execFile);
export const STAFF_PASSWORD = 'correct horse battery staple';

export async function createStaffViaCli(server: TestServer, who: { email: string; name: string; role: 'facilitator' | 'manager' }) {
  const { stdout } = await run(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'scripts/staff.ts', 'create', '--email', who.email, '--name', who.name, '--role', who.role],
    {
      env: {
        PATH: process.env.PATH,
        DATABASE_PATH: server.dbPath,
        SESSION_SECRET: 'integration-test-secret-0123456789abcdef',
        NODE_ENV: 'production',
        PUBLIC_URL: server.url,
      },
    },
  );
  const link = /Set-up link \(one use, 72 hours\): (\S+)/.exec(stdout)?.[1];
  expect(link, stdout).toBeDefined();
  return new URL(link!).pathname + new URL(link!).search;
}

/** A code for the next time step: the enrolment used this one, and a code counts once. */
export const codeFor = (key: string, stepsAhead = 1) => generate({ secret: key, epoch: Math.floor(Date.now() / 1000) + 30 * stepsAhead });

export type SignedInStaff = { visitor: Visitor; key: string; csrf: string; email: string };

export function csrfOf(html: string): string {
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
  expect(csrf).toBeDefined();
  return csrf!;
}

/** Follows the set-up link: password, then authenticator. Returns a signed-in visitor. */
export async function setUpStaff(server: TestServer, who: { email: string; name: string; role: 'facilitator' | 'manager' }): Promise<SignedInStaff> {
  const link = await createStaffViaCli(server, who);
  const visitor = new Visitor(server.url);
  const setUp = await visitor.post(link, { password: STAFF_PASSWORD, confirm: STAFF_PASSWORD });
  expect(setUp.url, textOf(setUp.html).slice(0, 300)).toBe('/staff/set-up/authenticator');
  const key = /<code id="totp-key" class="app-passphrase">([A-Z2-7 ]+)<\/code>/.exec(setUp.html)?.[1]?.replace(/ /g, '');
  expect(key).toBeDefined();
  const done = await visitor.post('/staff/set-up/authenticator', { code: await generate({ secret: key! }) });
  expect(done.url).toBe('/staff/cases');
  return { visitor, key: key!, csrf: csrfOf(done.html), email: who.email };
}

export async function signInStaff(server: TestServer, email: string, key: string, stepsAhead = 1): Promise<SignedInStaff> {
  const visitor = new Visitor(server.url);
  const first = await visitor.post('/staff/sign-in', { email, password: STAFF_PASSWORD });
  expect(first.url).toBe('/staff/sign-in/code');
  const done = await visitor.post('/staff/sign-in/code', { code: await codeFor(key, stepsAhead) });
  expect(done.url).toBe('/staff/cases');
  return { visitor, key, csrf: csrfOf(done.html), email };
}

/** A staff form post, with the CSRF token the session was given. */
export const staffPost = (s: SignedInStaff, path: string, fields: Record<string, string | string[]>) => s.visitor.post(path, { csrf: s.csrf, ...fields });

/** Two facilitators and a manager, signed in, for tests of who may see what. */
export async function setUpTeam(server: TestServer) {
  const [fran, otto, morgan] = await Promise.all([
    setUpStaff(server, { email: 'fran@example.org', name: 'Fran Facilitator', role: 'facilitator' }),
    setUpStaff(server, { email: 'otto@example.org', name: 'Otto Other', role: 'facilitator' }),
    setUpStaff(server, { email: 'morgan@example.org', name: 'Morgan Manager', role: 'manager' }),
  ]);
  return { fran, otto, morgan };
}

/**
 * A server on a fresh copy of the database the global setup made (tests/setup/team-template.ts),
 * with the team already signed in: Fran and Otto (facilitators) and Morgan (a manager).
 */
export async function startTeamServer(env: Record<string, string> = {}) {
  const template = inject('teamTemplate');
  const dir = mkdtempSync(join(tmpdir(), 'rj-it-'));
  copyFileSync(join(template.dir, 'portal.db'), join(dir, 'portal.db'));
  // The copied sessions' clocks move on to now, as if the team had just signed in.
  const db = new Database(join(dir, 'portal.db'));
  const shift = Date.now() - (db.prepare('select max(last_seen_at) as at from sessions').get() as { at: number }).at;
  db.prepare('update sessions set last_seen_at = last_seen_at + ?, expires_at = expires_at + ?').run(shift, shift);
  db.close();
  const server = await startServer(env, dir);
  const signedIn = (s: StaffTemplate): SignedInStaff => {
    const visitor = new Visitor(server.url);
    for (const [name, value] of s.cookies) visitor.cookies.set(name, value);
    return { visitor, key: s.key, csrf: s.csrf, email: s.email };
  };
  return { server, fran: signedIn(template.fran), otto: signedIn(template.otto), morgan: signedIn(template.morgan) };
}

/** A member of staff's id, by email. */
export const staffIdOf = (server: TestServer, email: string) =>
  queryDb<{ id: number }>(server.dbPath, 'select id from staff_users where email = ?', email)[0]!.id;
