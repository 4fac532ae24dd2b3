// `npm run backup` and `npm run restore`, run as an operator runs them, against the real
// built server's database: a backup taken while the server writes is one consistent moment;
// a restore refuses damaged files and a running server, and otherwise puts back exactly the
// backup, which the server then serves.
import { execFile } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryDb, startServer, textOf, Visitor, type TestServer } from '../setup/server';
import { referInFull, signIn, type Issued } from './flow';
import { partnerAnswers, submissionKeyOf } from './partner';

// Each partner referral comes from its own address (through the one trusted proxy) and
// referrer, so the form's rate limits never refuse the writers.
const SERVER_ENV = { TRUST_PROXY: '1' };
const KNOWN_MIGRATIONS = (JSON.parse(readFileSync('db/migrations/meta/_journal.json', 'utf8')) as { entries: unknown[] }).entries.length;

let server: TestServer;
let dir: string;
beforeAll(async () => {
  server = await startServer(SERVER_ENV);
  dir = server.dir;
});
afterAll(async () => {
  await server?.stop();
});

type Run = { code: number; stdout: string; stderr: string };

/** Runs scripts/<name>.ts as `npm run <name>` would, on the test's database and backup folder. */
function run(name: 'backup' | 'restore', ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', `scripts/${name}.ts`, ...args],
      { env: { PATH: process.env.PATH, NODE_ENV: 'production', DATABASE_PATH: join(dir, 'portal.db'), BACKUP_DIR: join(dir, 'backups') } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let sent = 0;
/** A partner referral over HTTP, as a professional sends one. Returns its reference. */
async function partnerReferral(offenderDetails = 'Owen Offender, on probation in Dudley') {
  const n = ++sent;
  const v = new Visitor(server.url, { 'X-Forwarded-For': `10.9.${n >> 8}.${n & 255}` });
  const form = await v.get('/refer-as-a-professional');
  const page = await v.post(
    '/refer-as-a-professional',
    partnerAnswers({ submissionKey: submissionKeyOf(form.html), referrerEmail: `writer-${n}@probation.example.org`, offenderDetails }),
  );
  expect(page.url, textOf(page.html).slice(0, 300)).toBe('/refer-as-a-professional/sent');
  return /<strong>(RJ-[A-Z0-9-]+)<\/strong>/.exec(page.html)![1]!;
}

const referencesIn = (path: string) => queryDb<{ reference: string }>(path, 'select reference from referrals order by reference').map((r) => r.reference);
const filesIn = (path: string) => readdirSync(path).sort();
const modeOf = (path: string) => statSync(path).mode & 0o777;

/** SQLite's own checks, and whether each partner referral came with its email and audit event (one transaction). */
function checksOf(path: string) {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      brokenForeignKeys: (db.pragma('foreign_key_check') as unknown[]).length,
      journalMode: db.pragma('journal_mode', { simple: true }),
      partnerReferrals: one("select count(*) as n from referrals where source = 'partner'"),
      theirEmails: one("select count(*) as n from outbox where template = 'partner-referral-received'"),
      theirAuditEvents: one("select count(*) as n from audit_events where action = 'referral.submitted' and actor_id = 'partner-form'"),
    };
  } finally {
    db.close();
  }
}

let selfReferral: Issued;
let backupPath: string;
let inBackup: string[];
let madeAfterBackup: string;

describe('npm run backup and npm run restore', () => {
  it('backs up a consistent copy while the server is writing, readable only by its owner', async () => {
    selfReferral = await referInFull(new Visitor(server.url));
    for (let i = 0; i < 3; i++) await partnerReferral();

    let writing = true;
    let written = 0;
    const writer = async () => {
      while (writing) {
        await partnerReferral();
        written++;
      }
    };
    const writers = Promise.all([writer(), writer()]);
    while (written < 2) await new Promise((r) => setTimeout(r, 10));

    const before = referencesIn(server.dbPath);
    const writtenBefore = written;
    const result = await run('backup');
    const writtenDuring = written - writtenBefore;
    const after = referencesIn(server.dbPath);
    writing = false;
    await writers;

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const line = /^Backup made: (\S+) \((\d+) bytes\)\n$/.exec(result.stdout);
    expect(line, result.stdout).not.toBeNull();
    backupPath = line![1]!;
    expect(backupPath).toMatch(new RegExp(`^${join(dir, 'backups')}/portal-\\d{4}-\\d{2}-\\d{2}T\\d{6}Z\\.db$`));
    expect(Number(line![2])).toBe(statSync(backupPath).size);
    // The folder holds the backup alone (no half-made copy or journal), and only its owner can open either.
    expect(filesIn(join(dir, 'backups'))).toEqual([backupPath.split('/').pop()]);
    expect(modeOf(backupPath)).toBe(0o600);
    expect(modeOf(join(dir, 'backups'))).toBe(0o700);

    // The server went on writing while the backup ran; the backup is one moment between the start and the end.
    expect(writtenDuring).toBeGreaterThan(0);
    inBackup = referencesIn(backupPath);
    expect(inBackup).toContain(selfReferral.reference);
    for (const reference of before) expect(inBackup).toContain(reference);
    for (const reference of inBackup) expect(after).toContain(reference);
    expect(checksOf(backupPath)).toEqual({
      integrity: 'ok',
      brokenForeignKeys: 0,
      journalMode: 'delete',
      partnerReferrals: inBackup.length - 1,
      theirEmails: inBackup.length - 1,
      theirAuditEvents: inBackup.length - 1,
    });
    // Nothing of anyone's in what it prints.
    expect(result.stdout).not.toMatch(/RJ-|Owen|Vera|Priya|@/);
  });

  it('refuses a missing, damaged, foreign or newer backup, and a running server, and changes nothing', async () => {
    madeAfterBackup = await partnerReferral('AFTER-BACKUP-MARKER');
    const live = referencesIn(server.dbPath);
    expect(live).toContain(madeAfterBackup);

    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'not a database\n');
    const truncated = join(dir, 'truncated.db');
    writeFileSync(truncated, readFileSync(backupPath).subarray(0, Math.floor(statSync(backupPath).size / 2)));
    const foreign = join(dir, 'foreign.db');
    new Database(foreign).exec('create table things (id integer primary key); insert into things default values').close();
    const newer = join(dir, 'newer.db');
    copyFileSync(backupPath, newer);
    const db = new Database(newer);
    db.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run('from-the-future', Date.now() + 365 * 86_400_000);
    db.close();
    const filesBefore = filesIn(dir);

    const [missing, notSqlite, damaged, notOurs, fromNewer] = await Promise.all([
      run('restore', join(dir, 'no-such-backup.db')),
      run('restore', text),
      run('restore', truncated),
      run('restore', foreign),
      run('restore', newer),
    ]);
    expect(missing.stderr).toMatch(/^There is no file at .*no-such-backup\.db\. Nothing was changed\.\n$/);
    expect(notSqlite.stderr).toMatch(/notes\.txt is not a SQLite database, so it is not a backup of the portal\. Nothing was changed\./);
    expect(damaged.stderr).toMatch(/truncated\.db is damaged, so it was not restored\. SQLite found:\n.+\nNothing was changed\./);
    expect(notOurs.stderr).toMatch(/foreign\.db is a SQLite database, but not the portal's/);
    expect(fromNewer.stderr).toContain(
      `comes from a newer version of the portal: it has ${KNOWN_MIGRATIONS + 1} database migrations and this version knows ${KNOWN_MIGRATIONS}`,
    );

    // A sound backup, but the server has the database open.
    const inUse = await run('restore', backupPath);
    expect(inUse.stderr).toMatch(
      /is in use: the server, or another program .* has it open\. Stop the server, then run the restore again\. Nothing was changed\./,
    );

    for (const refused of [missing, notSqlite, damaged, notOurs, fromNewer, inUse]) {
      expect(refused.code).toBe(1);
      expect(refused.stdout).toBe('');
    }
    expect(referencesIn(server.dbPath)).toEqual(live);
    // No safety copy or staging file left behind, and the server still serves its data.
    expect(filesIn(dir).filter((name) => !/^portal\.db-(wal|shm)$/.test(name))).toEqual(filesBefore.filter((name) => !/^portal\.db-(wal|shm)$/.test(name)));
    expect((await signIn(new Visitor(server.url), selfReferral.reference, selfReferral.passphrase)).url).toBe('/check-your-referral/status');
  });

  it('restores exactly the backup once the server is stopped, keeps the database as it was, and the server serves it again', async () => {
    await server.stop();
    const result = await run('restore', backupPath);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const safetyCopy = /The database as it was is in (\S+)\. It holds personal data/.exec(result.stdout)?.[1];
    expect(safetyCopy, result.stdout).toMatch(new RegExp(`^${join(dir, 'portal.db')}\\.before-restore-\\d{4}-\\d{2}-\\d{2}T\\d{6}Z$`));
    expect(modeOf(safetyCopy!)).toBe(0o600);
    expect(referencesIn(safetyCopy!)).toContain(madeAfterBackup);
    expect(filesIn(dir).filter((name) => name.includes('.restoring-'))).toEqual([]);

    server = await startServer(SERVER_ENV, dir);
    const restored = referencesIn(server.dbPath);
    expect(restored).toEqual(inBackup);
    expect(restored).not.toContain(madeAfterBackup);
    expect(queryDb<{ n: number }>(server.dbPath, 'select count(*) as n from __drizzle_migrations')[0]!.n).toBe(KNOWN_MIGRATIONS);

    // The person who referred themselves before the backup can still check their referral.
    const status = await signIn(new Visitor(server.url), selfReferral.reference, selfReferral.passphrase);
    expect(status.url).toBe('/check-your-referral/status');
    expect(textOf(status.html)).toContain('Received');
    // And the restored database takes new referrals.
    const fresh = await partnerReferral();
    expect(referencesIn(server.dbPath)).toContain(fresh);
  });

  it('with --keep N, deletes backups beyond the newest N, and nothing else in the folder', async () => {
    const backups = join(dir, 'backups');
    const older = ['portal-2020-01-01T000000Z.db', 'portal-2020-01-02T000000Z.db', 'portal-2020-01-03T000000Z.db'];
    for (const name of [...older, 'notes.txt', 'portal-latest.db']) writeFileSync(join(backups, name), 'x');
    const result = await run('backup', '--keep', '3');
    expect(result.code, result.stderr).toBe(0);
    const made = /^Backup made: \S+\/(portal-\S+\.db) \(\d+ bytes\)\. Deleted 2 older backups\.\n$/.exec(result.stdout)?.[1];
    expect(made, result.stdout).toBeDefined();
    expect(filesIn(backups)).toEqual([older[2], backupPath.split('/').pop(), made, 'notes.txt', 'portal-latest.db'].sort());
  });
});
