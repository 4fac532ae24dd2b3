// The feedback differencing attack (issue 26, decision 024). A member of staff knows who was
// invited to the survey online (each case's feedback page) and what they typed in from paper.
// When answers appeared month by month, comparing the results before and after a month
// ended gave exactly that month's answers; taking away the paper ones left a victim's comment
// and "felt safe: No", which could only be one of that month's few online invitees.
// Now answers are held and released together at the start of a quarter, only once there
// are enough from enough cases. The attacker's view is replayed at every step.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readyCase } from '../integration/case-fixture';
import { buildExchange, type Exchange } from '../integration/exchange-fixture';
import { queryDb, startServer, textOf, type TestServer } from '../setup/server';
import { setUpTeam, staffPost, type SignedInStaff } from '../setup/staff';
import { report } from './report';

let server: TestServer;
let fran: SignedInStaff;
let morgan: SignedInStaff;
beforeAll(async () => {
  server = await startServer();
  ({ fran, morgan } = await setUpTeam(server));
});
afterAll(() => server.stop());

const today = new Date().toISOString().slice(0, 10);
const all = <T>(sql: string, ...args: unknown[]) => queryDb<T>(server.dbPath, sql, ...args);

/** The release check as if it were `at` (tests/setup/release-at.ts, beside the server). */
function releaseAt(at: string): Promise<{ released?: number; held?: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/setup/release-at.ts', String(Date.parse(at))], {
      env: { PATH: process.env.PATH, NODE_ENV: 'production', DATABASE_PATH: server.dbPath, SESSION_SECRET: 'integration-test-secret-0123456789abcdef' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`release exited ${code}: ${err}`))));
  });
}

/** What any member of staff can read of the results: the page's main text, and its comments. */
async function staffView() {
  const html = (await morgan.visitor.get('/staff/feedback')).html;
  const comments = [...(/<ul class="govuk-list" id="comments">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '').matchAll(/<li[^>]*>([^<]*)<\/li>/g)].map((m) => m[1]!);
  const main = textOf(/<main[\s\S]*<\/main>/.exec(html)![0]);
  const reportPage = textOf((await morgan.visitor.get('/staff/reports?from=2025-01&to=2027-12')).html);
  return { main, comments, survey: reportPage.slice(reportPage.indexOf('What participants said'), reportPage.indexOf('Helped them cope')) };
}

/** Ends a case's process: everyone assessed in it is invited (online with a sign-in, else on paper). */
async function endProcess(caseUrl: string, kind: string) {
  await staffPost(fran, `${caseUrl}/outcome`, { intent: 'start-process', processKind: kind, startedOn: today });
  const caseId = Number(caseUrl.split('/').pop());
  const processId = all<{ id: number }>('select id from processes where case_id = ?', caseId)[0]!.id;
  await staffPost(fran, `${caseUrl}/processes/${processId}`, { status: 'completed', endedOn: today, outcome: 'Done' });
}

/** A participant answers online, through their letters sign-in. */
async function answerOnline(x: Exchange, who: 'victim' | 'offender', comment: string, feltSafe = 'yes') {
  const v = x[who].visitor;
  expect((await v.post('/feedback', {})).url).toBe('/feedback/satisfaction');
  const steps: [string, Record<string, string>][] = [
    ['satisfaction', { satisfaction: '4' }],
    ['safe', { feltSafe }],
    ['listened', { listenedTo: 'yes' }],
    ['information', { informed: 'yes' }],
    ['recommend', { recommend: 'yes' }],
    ['cope', { helpedCope: 'yes' }],
    ['anything-else', { comments: comment }],
  ];
  let last = '';
  for (const [slug, body] of steps) last = (await v.post(`/feedback/${slug}`, body)).url;
  expect(last).toBe('/feedback/thanks');
}

/** The facilitator types in a paper survey: they know what it says. */
async function typeInPaper(caseUrl: string, name: string, comment: string) {
  const html = (await fran.visitor.get(`${caseUrl}/feedback`)).html;
  const invitationId = new RegExp(`<option value="(\\d+)">${name}</option>`).exec(html)![1]!;
  expect((await staffPost(fran, `${caseUrl}/feedback`, { invitationId, satisfaction: '5', feltSafe: 'yes', comments: comment })).status).toBe(200);
}

describe('the feedback differencing attack', () => {
  it('never isolates one month, one case or one online invitee', async () => {
    // One victim answers online, mid-quarter: the comment and "felt safe: No" the reviewer read.
    const a = await buildExchange(server, fran, { victim: 'Amy Victim', offender: 'Al Offender' });
    await endProcess(a.caseUrl, 'letters');
    const before = await staffView();
    await answerOnline(a, 'victim', 'COMMENT-ONLY-AMY', 'no');

    // The month ends (and a quarter opens): one answer, one case, so nothing is released.
    expect(await releaseAt('2027-01-01T09:00:00Z')).toEqual({ held: 'too-few' });
    expect(await staffView()).toEqual(before);

    // Nine more answers from four more cases, online from three cases in all, paper from two.
    const exchanges = [a];
    for (const n of ['Bea', 'Cai']) {
      const x = await buildExchange(server, fran, { victim: `${n} Victim`, offender: `${n} Offender` });
      await endProcess(x.caseUrl, 'letters');
      exchanges.push(x);
    }
    await answerOnline(a, 'offender', 'COMMENT-AL');
    for (const [i, x] of exchanges.slice(1).entries()) {
      await answerOnline(x, 'victim', `COMMENT-VICTIM-${i}`);
      await answerOnline(x, 'offender', `COMMENT-OFFENDER-${i}`);
    }
    const paperComments: string[] = [];
    for (const n of [0, 1]) {
      const c = await readyCase(server, { fran, morgan }, 'direct');
      await endProcess(c.caseUrl, 'phone_video');
      for (const name of ['Vera Victim', 'Owen Offender']) {
        const comment = `PAPER-${n}-${name.split(' ')[0]!.toUpperCase()}`;
        await typeInPaper(c.caseUrl, name, comment);
        paperComments.push(comment);
      }
    }

    // Enough now, but mid-quarter: still held. Only a quarter's opening releases.
    expect(await releaseAt('2027-02-10T09:00:00Z')).toEqual({ held: 'not-opening' });
    expect(await staffView()).toEqual(before);
    // The case pages never say who answered online, and answers carry no date.
    expect(textOf((await fran.visitor.get(`${a.caseUrl}/feedback`)).html)).toContain('Amy Victim (Victim): online (whether they answer is not shown)');
    expect(all<{ n: number }>("select count(*) as n from feedback_answers where month <> ''")[0]!.n).toBe(0);

    // The next quarter opens: all ten go out together.
    expect(await releaseAt('2027-04-01T09:00:00Z')).toEqual({ released: 10 });
    const after = await staffView();
    expect(after.main).not.toEqual(before.main);

    // The attacker's differencing: the new comments, less the paper ones they typed in.
    const fresh = after.comments.filter((c) => !before.comments.includes(c));
    const online = fresh.filter((c) => !paperComments.includes(c));
    // Whom could an online comment belong to? Anyone invited online, in any case: at least three.
    const invitedOnline = all<{ caseId: number }>("select distinct case_id as caseId from feedback_invitations where channel = 'online'");
    report(
      'feedback differencing',
      '10 answers, 5 cases, 3 online',
      `${fresh.length} new comments, ${online.length} online, from ${invitedOnline.length} cases' invitees`,
    );
    expect(online).toContain('COMMENT-ONLY-AMY');
    expect(invitedOnline.length).toBeGreaterThanOrEqual(3);
    // The reports show the release as one, by its quarter, not by month.
    expect(after.survey).toContain('Answers 10');
    expect(all('select quarter, answers from feedback_releases')).toEqual([{ quarter: '2027-Q2', answers: 10 }]);

    // One more answer, next quarter: too few on its own, so it waits.
    const last = await buildExchange(server, fran, { victim: 'Dee Victim', offender: 'Dan Offender' });
    await endProcess(last.caseUrl, 'letters');
    await answerOnline(last, 'victim', 'COMMENT-DEE');
    expect(await releaseAt('2027-07-01T09:00:00Z')).toEqual({ held: 'too-few' });
    expect((await staffView()).comments).not.toContain('COMMENT-DEE');
  });
});
