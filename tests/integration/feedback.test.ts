// Participants' feedback (issue 12): invited when a process ends, online through their
// sign-in or a one-time emailed link, on paper typed in by the facilitator; answers kept
// where no one can tie them to a case or a person; results for staff as counts, and free
// text only in whole batches.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryDb, textOf, Visitor, type TestServer } from '../setup/server';
import { startSmtpSink } from '../setup/smtp';
import { startTeamServer, staffPost, type SignedInStaff } from '../setup/staff';
import { readyCase } from './case-fixture';
import { buildExchange, type Exchange } from './exchange-fixture';

let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let server: TestServer;
let fran: SignedInStaff;
let otto: SignedInStaff;
let morgan: SignedInStaff;

beforeAll(async () => {
  smtp = await startSmtpSink();
  ({ server, fran, otto, morgan } = await startTeamServer({ SMTP_URL: smtp.url }));
});
afterAll(async () => {
  server?.stop();
  await smtp?.close();
});

const post = staffPost;
const today = new Date().toISOString().slice(0, 10);
const all = <T>(sql: string, ...args: unknown[]) => queryDb<T>(server.dbPath, sql, ...args);

/** Ends the exchange's process as completed: everyone in the case is invited. */
async function endLetters(x: Exchange) {
  await post(fran, `${x.caseUrl}/outcome`, { intent: 'start-process', processKind: 'letters', startedOn: today });
  const processId = all<{ id: number }>('select id from processes where case_id = ?', x.caseId)[0]!.id;
  const r = await post(fran, `${x.caseUrl}/processes/${processId}`, { status: 'completed', endedOn: today, outcome: 'Letters exchanged' });
  expect(r.status).toBe(200);
}

const ANSWERS: [string, Record<string, string>][] = [
  ['satisfaction', { satisfaction: '5' }],
  ['safe', { feltSafe: 'yes' }],
  ['listened', { listenedTo: 'yes' }],
  ['information', {}], // skipped
  ['recommend', { recommend: 'not_sure' }],
  ['cope', { helpedCope: 'a_little' }],
  ['anything-else', { comments: 'SECRET-COMMENT-FROM-VERA' }],
];

async function answerAll(v: Visitor) {
  let last = '';
  for (const [slug, body] of ANSWERS) {
    const r = await v.post(`/feedback/${slug}`, body);
    expect(r.status, `${slug}: ${textOf(r.html).slice(0, 200)}`).toBe(200);
    last = r.url;
  }
  expect(last).toBe('/feedback/thanks');
}

describe('feedback from participants', () => {
  it('a letter participant answers through their sign-in, once; the answer cannot be tied to them', async () => {
    const x = await buildExchange(server, fran, { victim: 'Vera Feedback', offender: 'Owen Feedback' });
    expect(textOf((await x.victim.visitor.get('/letters/home')).html)).not.toContain('Tell us what you thought');
    await endLetters(x);
    expect(all('select role, channel, status from feedback_invitations where case_id = ? order by role desc', x.caseId)).toEqual([
      { role: 'victim', channel: 'online', status: 'pending' },
      { role: 'offender', channel: 'online', status: 'pending' },
    ]);
    expect(textOf((await x.victim.visitor.get('/letters/home')).html)).toContain('Tell us what you thought');

    // Staff cannot use up someone's online survey by typing answers in as if on paper.
    const online = all<{ id: number }>("select id from feedback_invitations where case_id = ? and role = 'victim'", x.caseId)[0]!.id;
    expect((await post(fran, `${x.caseUrl}/feedback`, { invitationId: String(online), satisfaction: '1' })).status).toBe(404);
    expect(all('select status from feedback_invitations where id = ?', online)).toEqual([{ status: 'pending' }]);

    const start = await x.victim.visitor.post('/feedback', {});
    expect(start.url).toBe('/feedback/satisfaction');
    expect(textOf(start.html)).toContain('Question 1 of 7');
    // A bad answer: a clear error, nothing kept.
    const bad = await x.victim.visitor.post('/feedback/satisfaction', { satisfaction: '9' });
    expect(bad.status).toBe(400);
    expect(textOf(bad.html)).toContain('Select one of the answers, or continue without one');
    const cookieBefore = new Map(x.victim.visitor.cookies);
    await answerAll(x.victim.visitor);

    const rows = all<Record<string, unknown>>('select * from feedback_answers');
    const mine = rows.filter((r) => r.comments === 'SECRET-COMMENT-FROM-VERA');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ process_kind: 'letters', role: 'victim', on_paper: 0, satisfaction: 5, informed: null, helped_cope: 'a_little' });
    // No column can join an answer to a case, a person, an invitation or a time.
    const columns = all<{ name: string }>('select name from pragma_table_info(?)', 'feedback_answers').map((c) => c.name);
    expect(columns.sort()).toEqual(
      [
        'comments',
        'felt_safe',
        'helped_cope',
        'id',
        'informed',
        'listened_to',
        'month',
        'on_paper',
        'process_kind',
        'recommend',
        'release_id',
        'role',
        'satisfaction',
      ].sort(),
    );
    // Held until a release, with no month: nothing dates it (decision 024).
    expect(mine[0]).toMatchObject({ month: '', release_id: null });
    expect(mine[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(all<{ sql: string }>("select sql from sqlite_master where name = 'feedback_answers'")[0]!.sql).toContain('WITHOUT ROWID');
    expect(all('select status from feedback_invitations where case_id = ? and role = ?', x.caseId, 'victim')).toEqual([{ status: 'used' }]);

    // Once: the home page no longer offers it, the start refuses, and replaying the last page with an old cookie saves nothing.
    expect(textOf((await x.victim.visitor.get('/letters/home')).html)).not.toContain('Tell us what you thought');
    expect((await x.victim.visitor.post('/feedback', {})).url).toBe('/feedback');
    x.victim.visitor.cookies.clear();
    for (const [k, v] of cookieBefore) x.victim.visitor.cookies.set(k, v);
    await x.victim.visitor.post('/feedback/satisfaction', { satisfaction: '1' });
    for (const [slug, body] of ANSWERS.slice(1)) await x.victim.visitor.post(`/feedback/${slug}`, body);
    expect(all('select count(*) as n from feedback_answers where satisfaction = 1')).toEqual([{ n: 0 }]);

    // Staff see who answered, never what; the audit trail says the same.
    const page = textOf((await fran.visitor.get(`${x.caseUrl}/feedback`)).html);
    // Whether an online answer came is not shown either: with the figures it would say what they said.
    expect(page).toContain('Vera Feedback (Victim): online (whether they answer is not shown)');
    expect(page).not.toMatch(/, answered|not answered yet/);
    expect(page).not.toContain('SECRET-COMMENT-FROM-VERA');
    expect((await otto.visitor.get(`${x.caseUrl}/feedback`)).status).toBe(404);
  });

  it('a one-time emailed link opens the survey and works once; the address bar never keeps the token', async () => {
    const x = await buildExchange(server, fran, { victim: 'Eve Emailed', offender: 'Ed Emailed' });
    const db = new Database(server.dbPath);
    db.prepare('update exchange_members set email = ? where id = ?').run('eve@example.org', x.victim.memberId);
    db.close();
    await endLetters(x);
    const deadline = Date.now() + 10_000;
    let raw = '';
    while (!raw && Date.now() < deadline) {
      // Quoted-printable: join the soft line breaks and decode "=" before reading the link.
      const decoded = smtp.received.filter((r) => r.to.includes('eve@example.org')).map((r) => r.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '='));
      raw = decoded.find((r) => r.includes('/feedback?t=')) ?? '';
      if (!raw) await new Promise((r) => setTimeout(r, 100));
    }
    expect(raw).not.toMatch(/Eve|Ed Emailed|Vera|victim|offender/);
    const link = /\/feedback\?t=([A-Za-z0-9_-]{32})/.exec(raw)![1]!;
    const phone = new Visitor(server.url);
    const opened = await phone.get(`/feedback?t=${link}`);
    expect(opened.url).toBe('/feedback/satisfaction');
    await answerAll(phone);
    const again = await new Visitor(server.url).get(`/feedback?t=${link}`);
    expect(again.url).toBe('/feedback');
    expect(textOf(again.html)).toContain('This survey link has been used, or it has expired');
  });

  it('people without a sign-in get a paper survey; the worklist asks for it; the facilitator types it in, marked as paper', async () => {
    // A phone meeting, no letters: nobody has an online sign-in.
    const c = await readyCase(server, { fran, morgan }, 'direct');
    const x = { caseUrl: c.caseUrl, caseId: Number(c.caseUrl.split('/').pop()) };
    await post(fran, c.outcomeUrl, { intent: 'start-process', processKind: 'phone_video', startedOn: today });
    const processId = all<{ id: number }>('select id from processes where case_id = ?', x.caseId)[0]!.id;
    // A supporter added but never assessed: not asked. (Adding them interrupts the call, which then ends early: issue 23.)
    const supporter = (await post(fran, c.caseUrl, { intent: 'add-participant', role: 'supporter', name: 'Sid Supporter', directlyAffected: 'yes' })).url;
    await post(fran, `${c.caseUrl}/processes/${processId}`, { status: 'ended_early', endedOn: today, outcome: 'They talked, then stopped' });
    expect(all('select role, channel from feedback_invitations where case_id = ? order by role desc', x.caseId)).toEqual([
      { role: 'victim', channel: 'paper' },
      { role: 'offender', channel: 'paper' },
    ]);
    // Assessed now, so the case can go on: an item can be agreed with them.
    await post(fran, supporter, { section: 'info', infoGivenOn: today, infoGivenHow: 'in_person' });
    await post(fran, supporter, { section: 'consent', consentOn: today, consentHow: 'in_person' });
    await post(fran, supporter, { section: 'willing', willing: 'yes', motive: 'To support Vera', expectations: 'That she is heard' });
    await post(fran, supporter, { section: 'risk', riskAssessedOn: today, revictimisationRisk: 'low', riskDecision: 'direct', riskReason: 'Assessed' });
    const reference = /Case (RJ-[A-Z0-9-]+)/.exec(textOf((await fran.visitor.get(x.caseUrl)).html))![1]!;
    const worklist = textOf((await fran.visitor.get('/staff/cases')).html);
    expect(worklist.slice(worklist.indexOf(reference), worklist.indexOf(reference) + 300)).toContain('Send the feedback survey on paper');

    // Given an agreed item, the supporter can no longer be removed (409, not a 500).
    await post(fran, c.outcomeUrl, {
      intent: 'add-item',
      itemKind: 'other',
      description: 'Come to the next meeting',
      participantId: supporter.split('/').pop()!,
      dueOn: today,
      evidence: 'Seen there',
    });
    expect((await post(fran, supporter, { section: 'remove' })).status).toBe(409);
    const itemId = all<{ id: number }>('select id from agreement_items where case_id = ?', x.caseId)[0]!.id;
    await post(fran, `${x.caseUrl}/items/${itemId}`, { status: 'done', completedOn: today });
    const html = (await fran.visitor.get(`${x.caseUrl}/feedback`)).html;
    const invitationId = /<option value="(\d+)">Vera Victim<\/option>/.exec(html)![1]!;
    expect((await post(fran, `${x.caseUrl}/feedback`, { invitationId, satisfaction: '11' })).status).toBe(400);
    const typed = await post(fran, `${x.caseUrl}/feedback`, { invitationId, satisfaction: '4', feltSafe: 'yes', comments: 'PAPER-COMMENT' });
    expect(typed.status).toBe(200);
    expect(all('select on_paper, role, process_kind from feedback_answers where comments = ?', 'PAPER-COMMENT')).toEqual([
      { on_paper: 1, role: 'victim', process_kind: 'phone_video' },
    ]);
    expect((await post(fran, `${x.caseUrl}/feedback`, { invitationId, satisfaction: '4' })).status).toBe(409);
    // The offender's paper survey is still to send; once typed in, the worklist stops asking.
    const before = textOf((await fran.visitor.get('/staff/cases')).html);
    expect(before.slice(before.indexOf(reference), before.indexOf(reference) + 300)).toContain('Send the feedback survey on paper');
    const offenderInvitation = /<option value="(\d+)">Owen Offender<\/option>/.exec((await fran.visitor.get(`${x.caseUrl}/feedback`)).html)![1]!;
    await post(fran, `${x.caseUrl}/feedback`, { invitationId: offenderInvitation, recommend: 'yes' });
    const after = textOf((await fran.visitor.get('/staff/cases')).html);
    expect(after).not.toContain('Send the feedback survey on paper');
  });

  it('staff see the service’s results as counts, and comments only in whole batches of 5', async () => {
    const page = textOf((await otto.visitor.get('/staff/feedback')).html);
    expect(page).toContain('Satisfaction is shown from 5 answers.');
    const comments = all<{ n: number }>('select count(*) as n from feedback_answers where comments is not null')[0]!.n;
    expect(comments).toBeLessThan(5);
    expect(page).not.toContain('SECRET-COMMENT-FROM-VERA');
    expect(page).not.toContain('PAPER-COMMENT');
    expect(page).toContain('Comments are shown once there are at least 5');
    // Answers are held until a quarter opens with enough of them: none of the ones just given shows yet.
    expect(page).toContain('0 responses.');
    expect(page).toContain('They are held, then added together at the start of a quarter, once at least 10 have come from at least 5 cases.');
  });
});
