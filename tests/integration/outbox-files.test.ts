// Without SMTP the outbox writes each email as a file. Those copies hold an address and a
// reference: they are readable by the server's user alone, they go when their row goes (a
// referrer's "delete", the retention purge), and production will not write them unless told.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryDb, startServer, Visitor, type TestServer } from '../setup/server';
import { referInFull, signIn } from './flow';
import { referralAnswers } from './referral-answers';

let server: TestServer;
let outbox: string;
beforeAll(async () => {
  server = await startServer();
  outbox = join(server.dir, 'outbox');
});
afterAll(() => server.stop());

/** The outbox files that mention `text`, waiting (bounded) until `count` of them exist. */
async function filesMentioning(text: string, count: number): Promise<string[]> {
  const find = () => (existsSync(outbox) ? readdirSync(outbox).filter((f) => readFileSync(join(outbox, f), 'latin1').includes(text)) : []);
  const end = Date.now() + 10_000;
  while (find().length < count && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  return find();
}

async function referWithEmail(email: string) {
  const v = new Visitor(server.url);
  const issued = await referInFull(v, referralAnswers({ 'contacting-you': { contactMethod: 'email', email } }));
  return { v, issued };
}

describe('emails written as files', () => {
  it('are readable by the server alone: files 0600 in a 0700 folder', async () => {
    const { issued } = await referWithEmail('private@example.org');
    const files = await filesMentioning('private@example.org', 1);
    expect(files).toHaveLength(1);
    expect(readFileSync(join(outbox, files[0]!), 'latin1')).toContain(issued.reference);
    expect((statSync(join(outbox, files[0]!)).mode & 0o777).toString(8)).toBe('600');
    expect((statSync(outbox).mode & 0o777).toString(8)).toBe('700');
  });

  it('go when the referrer deletes their referral', async () => {
    const { issued } = await referWithEmail('deleting@example.org');
    expect(await filesMentioning('deleting@example.org', 1)).toHaveLength(1);
    const v = new Visitor(server.url);
    await signIn(v, issued.reference, issued.passphrase);
    expect((await v.post('/check-your-referral/delete')).status).toBe(200);
    expect(await filesMentioning('deleting@example.org', 0)).toEqual([]);
    expect(await filesMentioning(issued.reference, 0)).toEqual([]);
  });

  it('go when the retention purge deletes their row', async () => {
    const { issued } = await referWithEmail('purged@example.org');
    expect(await filesMentioning(issued.reference, 1)).toHaveLength(1);
    const rows = () => queryDb<{ n: number }>(server.dbPath, "select count(*) as n from outbox where status = 'sent'")[0]!.n;
    expect(rows()).toBeGreaterThan(0);
    // Ten years on, every sent email's time is up (tests/setup/purge-at.ts, beside the server).
    const at = Date.now() + 10 * 366 * 86_400_000;
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'tests/setup/purge-at.ts', String(at)], {
        env: {
          PATH: process.env.PATH,
          NODE_ENV: 'production',
          DATABASE_PATH: server.dbPath,
          OUTBOX_DIR: outbox,
          SESSION_SECRET: 'integration-test-secret-0123456789abcdef',
        },
        stdio: 'ignore',
      });
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`purge exited ${code}`))));
    });
    expect(rows()).toBe(0);
    expect(readdirSync(outbox)).toEqual([]);
  });

  it('are refused in production unless OUTBOX_FILES=true says they are meant', async () => {
    await expect(startServer({ OUTBOX_FILES: 'false' })).rejects.toThrow(/SMTP_URL: required in production.*OUTBOX_FILES=true/);
  });
});
