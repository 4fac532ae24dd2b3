// The retention purge against the built server and its real database, on a clock the test
// controls (tests/setup/purge-at.ts runs the purge as if it were a given time, in another
// process beside the server, as `npm run purge` would). Every kind of record is placed so
// that its time is up at the same instant DUE: a minute before, nothing goes; a minute after,
// each goes once, a held case stays, and the reports give the same figures as before.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthsBefore } from '~/data/retention';
import { queryDb, textOf, Visitor, type TestServer } from '../setup/server';
import { startTeamServer, staffIdOf, staffPost, type SignedInStaff } from '../setup/staff';
import { buildExchange, sendLetter, type Exchange } from './exchange-fixture';
import { referInFull, signIn } from './flow';

let server: TestServer;
let fran: SignedInStaff;
let morgan: SignedInStaff;
let gone: Exchange;
let held: Exchange;
let young: Exchange;

// The instant every record below reaches the end of its period: a 15th, so months are plain;
// midnight in January, when UK time is UTC, so records kept by the day (complaints, requests,
// answered on the day before) are due at the same instant as those kept to the millisecond.
const DUE = Date.UTC(2031, 0, 15, 0, 0, 0);
const MINUTE = 60_000;
const daysBefore = (ms: number, n: number) => ms - n * 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

type Counts = Record<
  'withdrawn_self_referrals' | 'declined_referrals' | 'closed_cases' | 'sent_emails' | 'complaints' | 'rights_requests' | 'deactivated_staff' | 'audit',
  number
>;
function purgeAt(at: number, env: Record<string, string> = {}, startedBy = 'command', day?: string): Promise<Counts | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/setup/purge-at.ts', String(at), startedBy, ...(day ? [day] : [])], {
      env: { PATH: process.env.PATH, NODE_ENV: 'production', DATABASE_PATH: server.dbPath, SESSION_SECRET: 'integration-test-secret-0123456789abcdef', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as Counts | null) : reject(new Error(`purge exited ${code}: ${err}`))));
  });
}

const ukMonth = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit' }).format(new Date());
const PERIOD = `?from=2025-01&to=${ukMonth()}`;

async function reports() {
  const page = await morgan.visitor.get(`/staff/reports${PERIOD}`);
  const ret = await morgan.visitor.get(`/staff/reports/return.csv${PERIOD}`);
  const cases = await morgan.visitor.get(`/staff/reports/cases.csv${PERIOD}`);
  expect([page.status, ret.status, cases.status]).toEqual([200, 200, 200]);
  // The page's main content (the CSRF token in the sign-out form differs per render).
  const main = /<main[\s\S]*<\/main>/.exec(page.html)![0];
  // The extract's reference column is personal (half of a self-referrer's sign-in): the
  // purge blanks it, and nothing else in the row may change.
  const extract = cases.html.split('\n').map((line) => line.split(',').slice(1).join(','));
  return { main, ret: ret.html, extract };
}

/** What the database file holds, as bytes an attacker with a copy would read. */
function fileText() {
  const db = new Database(server.dbPath);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return readFileSync(server.dbPath).toString('latin1');
}

beforeAll(async () => {
  ({ server, fran, morgan } = await startTeamServer());
  gone = await buildExchange(server, fran, { victim: 'Zebedee Goesaway', offender: 'Yolanda Goesaway' });
  held = await buildExchange(server, fran, { victim: 'Harriet Heldcase', offender: 'Ivor Heldcase' });
  young = await buildExchange(server, fran, { victim: 'Amy Staysome', offender: 'Bill Staysome' });
  await sendLetter(gone.victim, 'MARKER-LETTER-GOES I want you to know how it felt.');
  await sendLetter(held.victim, 'MARKER-LETTER-HELD I want you to know how it felt.');
  await staffPost(fran, gone.caseUrl, { intent: 'note', body: 'MARKER-NOTE-GOES spoke to Zebedee at home' });

  const fixture = new Database(server.dbPath);
  const franId = staffIdOf(server, 'fran@example.org');
  const morganId = staffIdOf(server, 'morgan@example.org');
  fixture.transaction(() => {
    // Three closed cases: one due at DUE, one due at DUE but held, one due a day later.
    const close = fixture.prepare("update cases set stage = 'closed', closure_reason = 'withdrew', closed_at = ? where id = ?");
    close.run(monthsBefore(DUE, 24), gone.caseId);
    close.run(monthsBefore(DUE, 24), held.caseId);
    close.run(monthsBefore(DUE, 24) + 86_400_000, young.caseId);
    // What the reports count about the case that goes: a first contact, a completed process,
    // an agreement item done, a meeting held. Their words go; their dates and kinds stay.
    const victimId = Number(gone.participantUrls.victim.split('/').pop());
    fixture
      .prepare("insert into contact_logs (participant_id, contacted_on, method, outcome, by_staff_id) values (?, '2026-11-03', 'phone', 'MARKER-CONTACT', ?)")
      .run(victimId, franId);
    const processId = fixture
      .prepare(
        "insert into processes (case_id, kind, status, started_on, ended_on, outcome, by_staff_id) values (?, 'face_to_face', 'completed', '2026-11-05', '2026-11-06', 'MARKER-OUTCOME-TEXT', ?)",
      )
      .run(gone.caseId, franId).lastInsertRowid;
    fixture
      .prepare(
        "insert into meetings (case_id, process_id, starts_at, mode, venue, checklist, status, record, by_staff_id) values (?, ?, '2026-11-05T10:00', 'in_person', 'MARKER-VENUE', '[]', 'held', 'MARKER-MEETING', ?)",
      )
      .run(gone.caseId, processId, franId);
    fixture
      .prepare(
        "insert into agreement_items (case_id, participant_id, kind, description, due_on, evidence, status, by_staff_id) values (?, ?, 'apology', 'MARKER-ITEM', '2026-11-20', 'A letter', 'done', ?)",
      )
      .run(gone.caseId, victimId, franId);
    // Referrals that never became cases.
    const referral = fixture.prepare(
      `insert into referrals (reference, source, status, offence_kind, justice_stage, support_needs, contact_name, email, what_to_say, declined_at, withdrawn_at)
       values (?, ?, ?, 'theft', 'investigating', '["interpreter"]', ?, ?, ?, ?, ?)`,
    );
    referral.run('RJ-DECL-0001', 'partner', 'declined', 'Dora Declined', 'dora@example.org', 'MARKER-DECLINED', monthsBefore(DUE, 12), null);
    referral.run(
      'RJ-DECL-0002',
      'partner',
      'declined',
      'Dan Declinedlater',
      'dan@example.org',
      'MARKER-DECLINED-LATER',
      monthsBefore(DUE, 12) + 3_600_000,
      null,
    );
    referral.run('RJ-WITH-0001', 'self', 'withdrawn', 'Gwen Withdrawn', 'gwen@example.org', 'MARKER-WITHDRAWN', null, daysBefore(DUE, 30));
    // Emails already sent (their address and text were wiped on sending): one due, one not.
    const email = fixture.prepare(
      "insert into outbox (template, to_address, subject, text, html, status, next_attempt_at, created_at) values ('t', '', ?, '', '', 'sent', 0, ?)",
    );
    email.run('MARKER-EMAIL-OLD', daysBefore(DUE, 30));
    email.run('MARKER-EMAIL-YOUNG', daysBefore(DUE, 30) + MINUTE * 2);
    // A member of staff switched off 12 months before DUE, with a practitioner record.
    const former = Number(
      fixture
        .prepare("insert into staff_users (email, name, role, active, deactivated_at) values ('fred.former@example.org', 'Fred Former', 'facilitator', 0, ?)")
        .run(monthsBefore(DUE, 12)).lastInsertRowid,
    );
    fixture
      .prepare("insert into practice_records (staff_user_id, kind, on_date, what, by_staff_id) values (?, 'training', '2026-01-01', 'MARKER-TRAINING', ?)")
      .run(former, morganId);
    // Audit rows: one 72 months before DUE, one a minute younger.
    const audit = fixture.prepare(
      "insert into audit_events (actor_type, actor_id, action, subject_type, subject_id, created_at) values ('staff', ?, ?, 'case', '0', ?)",
    );
    audit.run(String(franId), 'case.viewed', monthsBefore(DUE, 72));
    audit.run(String(franId), 'case.marked_read', monthsBefore(DUE, 72) + MINUTE * 2);
    // A complaint and a rights request answered 24 months before DUE (whole days: the day before).
    fixture
      .prepare(
        `insert into complaints (reference, body, name, email, received_via, received_on, acknowledge_by, answer_by, answered_on, upheld, answer)
         values ('C-OLD1-0001', 'MARKER-COMPLAINT', 'Carla Complainer', 'carla@example.org', 'online', '2029-05-01', '2029-05-06', '2029-05-29', ?, 'partly', 'MARKER-ANSWER')`,
      )
      .run(isoDay(monthsBefore(DUE, 24) - 86_400_000));
    fixture
      .prepare(
        `insert into rights_requests (kind, requester, details, received_on, due_on, status, answered_on, outcome, recorded_by)
         values ('access', 'Rita Requester', 'MARKER-REQUEST', '2029-05-01', '2029-06-01', 'answered', ?, 'MARKER-OUTCOME', ?)`,
      )
      .run(isoDay(monthsBefore(DUE, 24) - 86_400_000), morganId);
  })();
  fixture.close();
  // The held case: a manager holds it through the page, with a reason and a review date.
  const hold = await staffPost(morgan, `/staff/cases/${held.caseId}/hold`, { intent: 'place', reason: 'A claim is open', reviewOn: '2032-01-01' });
  expect(hold.status).toBe(200);
  expect(textOf(hold.html)).toContain('A claim is open');
}, 120_000);

afterAll(() => server?.stop());

describe('the retention purge', () => {
  let before: Awaited<ReturnType<typeof reports>>;

  it('removes nothing a minute before its day', async () => {
    before = await reports();
    // The emails the server itself sent during set-up are years older than DUE: clear them
    // first, with a run that reaches nothing of the fixture's.
    expect((await purgeAt(daysBefore(DUE - MINUTE, 30)))!.sent_emails).toBeGreaterThan(0);
    const counts = await purgeAt(DUE - MINUTE);
    expect(
      Object.values(counts!).every((n) => n === 0),
      JSON.stringify(counts),
    ).toBe(true);
    expect(fileText()).toContain('Zebedee Goesaway');
  });

  it('a minute after, removes each kind of record once, and keeps the held case and what is not due', async () => {
    const counts = await purgeAt(DUE + MINUTE);
    expect(counts).toEqual({
      withdrawn_self_referrals: 1,
      declined_referrals: 1,
      closed_cases: 1,
      sent_emails: 1,
      complaints: 1,
      rights_requests: 1,
      deactivated_staff: 1,
      audit: 1,
    });
    const text = fileText();
    for (const marker of [
      'Zebedee Goesaway',
      'Yolanda Goesaway',
      'MARKER-LETTER-GOES',
      'MARKER-NOTE-GOES',
      'Dora Declined',
      'dora@example.org',
      'MARKER-DECLINED"',
      'Gwen Withdrawn',
      'MARKER-WITHDRAWN',
      'fred.former@example.org',
      'Fred Former',
      'MARKER-TRAINING',
      'MARKER-COMPLAINT',
      'Carla Complainer',
      'MARKER-ANSWER',
      'Rita Requester',
      'MARKER-REQUEST',
      'MARKER-EMAIL-OLD',
      'MARKER-CONTACT',
      'MARKER-OUTCOME-TEXT',
      'MARKER-VENUE',
      'MARKER-MEETING',
      'MARKER-ITEM',
    ])
      expect(text, marker).not.toContain(marker);
    for (const kept of ['Harriet Heldcase', 'MARKER-LETTER-HELD', 'Amy Staysome', 'Dan Declinedlater', 'MARKER-EMAIL-YOUNG'])
      expect(text, kept).toContain(kept);

    // The purged case still opens, with nobody's name on it, and its people cannot sign in.
    const page = await morgan.visitor.get(gone.caseUrl);
    expect(page.status).toBe(200);
    expect(page.html).not.toContain('Goesaway');
    expect(textOf(page.html)).toContain('The personal data in this case was deleted on');
    const victim = new Visitor(server.url);
    const signInPage = await victim.post('/letters', { reference: gone.victim.reference, passphrase: gone.victim.passphrase });
    expect(signInPage.url).not.toBe('/letters/home');
    expect((await held.victim.visitor.get('/letters/home')).status).toBe(200);

    // Audit rows stay (who did what, when) but no longer point at the people who went.
    const pointing = queryDb<{ n: number }>(
      server.dbPath,
      "select count(*) as n from audit_events where subject_type = 'participant' and subject_id in (select cast(id as text) from participants where case_id = ?)",
      gone.caseId,
    )[0]!.n;
    expect(pointing).toBe(0);
    expect(queryDb(server.dbPath, "select 1 from audit_events where action = 'case.marked_read' and subject_id = '0'")).toHaveLength(1);
    // One system audit row per run, with counts only.
    const runs = queryDb<{ action: string; actor_type: string }>(
      server.dbPath,
      "select action, actor_type from audit_events where action = 'retention.purged'",
    );
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.every((r) => r.actor_type === 'system')).toBe(true);
  });

  it('gives the same report figures after the purge as before', async () => {
    const after = await reports();
    expect(after.main).toBe(before.main);
    expect(after.ret).toBe(before.ret);
    expect(after.extract).toEqual(before.extract);
  });

  it('a second run at the same time finds nothing more', async () => {
    const counts = await purgeAt(DUE + MINUTE);
    expect(
      Object.values(counts!).every((n) => n === 0),
      JSON.stringify(counts),
    ).toBe(true);
  });

  it('the held case goes once its hold ends', async () => {
    // Its letter is still unread: the facilitator reads the case first, or it would wait.
    expect((await fran.visitor.get(held.caseUrl)).status).toBe(200);
    const page = await staffPost(morgan, `/staff/cases/${held.caseId}/hold`, { intent: 'release', releaseReason: 'The claim was settled' });
    expect(page.status).toBe(200);
    const counts = await purgeAt(DUE + MINUTE);
    expect(counts!.closed_cases).toBe(1);
    expect(fileText()).not.toContain('Harriet Heldcase');
    // A purged case cannot be held again: there is nothing left to keep.
    const again = await staffPost(morgan, `/staff/cases/${held.caseId}/hold`, { intent: 'place', reason: 'Too late', reviewOn: '2032-01-01' });
    expect(again.status).toBe(409);
  });
});

describe('two processes purging at once', () => {
  it('remove every due record once between them, and the daily run happens once a day', async () => {
    const db = new Database(server.dbPath);
    const add = db.prepare(
      "insert into referrals (reference, source, status, offence_kind, justice_stage, support_needs, contact_name, declined_at) values (?, 'partner', 'declined', 'theft', 'court', '[]', 'Parallel Person', ?)",
    );
    db.transaction(() => {
      for (let i = 0; i < 400; i++) add.run(`RJ-PARA-${String(i).padStart(4, '0')}`, monthsBefore(DUE, 13));
    })();
    db.close();
    const [a, b] = await Promise.all([purgeAt(DUE + MINUTE), purgeAt(DUE + MINUTE)]);
    expect(a!.declined_referrals + b!.declined_referrals).toBe(400);
    expect(queryDb(server.dbPath, "select 1 from referrals where contact_name = 'Parallel Person'")).toHaveLength(0);

    const [x, y] = await Promise.all([purgeAt(DUE, {}, 'server', '2031-01-15'), purgeAt(DUE, {}, 'server', '2031-01-15')]);
    expect([x, y].filter((c) => c === null)).toHaveLength(1);
  });
});

describe('the schedule', () => {
  it('is what the privacy page, the staff page and the purge use, with overrides from the environment', async () => {
    const privacy = textOf((await new Visitor(server.url).get('/privacy')).html);
    expect(privacy).toContain('24 months from the day the case closed');
    expect(privacy).toContain('30 days from the day it was withdrawn');
    const staff = textOf((await morgan.visitor.get('/staff/data-protection')).html);
    expect(staff).toContain('RETENTION_CLOSED_CASE_MONTHS');
    // A shorter period set for a deployment is applied by the purge.
    const db = new Database(server.dbPath);
    db.prepare(
      "insert into referrals (reference, source, status, offence_kind, justice_stage, support_needs, contact_name, declined_at) values ('RJ-SHRT-0001', 'partner', 'declined', 'theft', 'court', '[]', 'Short Period', ?)",
    ).run(monthsBefore(DUE, 3));
    db.close();
    expect((await purgeAt(DUE + MINUTE))!.declined_referrals).toBe(0);
    // Shorter than the default only when the deployment says it means it: a typo (2 for 24)
    // must not delete every case at the next run.
    await expect(purgeAt(DUE + MINUTE, { RETENTION_DECLINED_REFERRAL_MONTHS: '3' })).rejects.toThrow(
      /RETENTION_DECLINED_REFERRAL_MONTHS: 3 is shorter than the default 12/,
    );
    expect(queryDb(server.dbPath, "select 1 from referrals where contact_name = 'Short Period'")).toHaveLength(1);
    // Dan's referral (due an hour after DUE on 12 months) and this one both go on 3 months.
    expect((await purgeAt(DUE + MINUTE, { RETENTION_DECLINED_REFERRAL_MONTHS: '3', RETENTION_ALLOW_SHORTER: 'true' }))!.declined_referrals).toBe(2);
    expect(queryDb(server.dbPath, "select 1 from referrals where contact_name in ('Short Period', 'Dan Declinedlater')")).toHaveLength(0);
    // A setting below the floor stops the command with a message that names it.
    expect(() =>
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/purge.ts'], {
        env: { PATH: process.env.PATH, NODE_ENV: 'production', DATABASE_PATH: server.dbPath, RETENTION_AUDIT_MONTHS: '1' },
        stdio: 'pipe',
      }),
    ).toThrow(/RETENTION_AUDIT_MONTHS/);
  });

  it('npm run purge runs on the real clock, says which periods it used, and can show what is due without deleting', () => {
    const run = (...args: string[]) =>
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/purge.ts', ...args], {
        env: { PATH: process.env.PATH, NODE_ENV: 'production', DATABASE_PATH: server.dbPath, SESSION_SECRET: 'integration-test-secret-0123456789abcdef' },
        encoding: 'utf8',
      });
    const runs = () => queryDb<{ n: number }>(server.dbPath, 'select count(*) as n from retention_runs')[0]!.n;
    const before = runs();
    const dry = run('--dry-run');
    expect(dry).toContain('closed_cases 24 months');
    expect(dry).toContain('Due now (nothing deleted):');
    expect(runs()).toBe(before);
    const out = run();
    expect(out).toContain('Deleted:');
    expect(out).toContain('closed_cases: 0');
    expect(runs()).toBe(before + 1);
  });
});

describe('a self-referrer who withdraws', () => {
  it('is told how long we keep it, from the same schedule', async () => {
    const v = new Visitor(server.url);
    const issued = await referInFull(v);
    await signIn(v, issued.reference, issued.passphrase);
    const page = await v.get('/check-your-referral/withdraw');
    expect(textOf(page.html)).toContain('for 30 days');
  });
});

describe('a case someone has just written about', () => {
  // Last in the file: it moves the clock two years on, past everything else's time.
  it('waits while a message is unread, and while the last message is younger than the period', async () => {
    const now = Date.now();
    const db = new Database(server.dbPath);
    db.prepare('update cases set closed_at = ?, unread_since = ? where id = ?').run(monthsBefore(now, 25), now - 3_600_000, young.caseId);
    const referralId = queryDb<{ id: number }>(server.dbPath, 'select referral_id as id from cases where id = ?', young.caseId)[0]!.id;
    db.prepare("insert into referral_messages (referral_id, sender, body, created_at) values (?, 'referrer', 'MARKER-LATE-MESSAGE', ?)").run(
      referralId,
      now - 3_600_000,
    );
    db.close();
    expect((await purgeAt(now))!.closed_cases).toBe(0);
    const outlook = textOf((await morgan.visitor.get('/staff/data-protection')).html);
    expect(outlook).toContain('Waits: a recent or unread message');
    // Read, but the message is younger than the period: still kept.
    const read = new Database(server.dbPath);
    read.prepare('update cases set unread_since = null where id = ?').run(young.caseId);
    read.close();
    expect((await purgeAt(now))!.closed_cases).toBe(0);
    // A full period after the message, it goes.
    expect((await purgeAt(monthsBefore(now, -24) + MINUTE))!.closed_cases).toBe(1);
    expect(fileText()).not.toContain('MARKER-LATE-MESSAGE');
  });
});
