// The exchange's safety rules hold by themselves (issue 11): withdrawing consent, a risk
// decision that no longer allows letters, a safeguarding concern, or the case leaving the
// stages where letters run freezes the exchange at once, with an audit row and a
// content-free notice to the facilitator. Nothing is passed on until someone resumes it
// with the essentials holding again. A closed case takes no change closure does not allow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryDb, startServer, textOf, type TestServer } from '../setup/server';
import { setUpStaff, staffPost, type SignedInStaff } from '../setup/staff';
import { buildExchange, everythingSeenBy, sendLetter, type Exchange } from './exchange-fixture';

let server: TestServer;
let fran: SignedInStaff;

beforeAll(async () => {
  server = await startServer();
  fran = await setUpStaff(server, { email: 'fran@example.org', name: 'Fran Facilitator', role: 'facilitator' });
});
afterAll(() => server?.stop());

const post = staffPost;
const versionOf = (html: string) => /name="versionId" value="(\d+)"/.exec(html)![1]!;

/** A letter from the offender, waiting for review, and the version the facilitator would approve. */
async function waitingLetter(x: Exchange, words: string) {
  const letterId = await sendLetter(x.offender, words);
  const review = await fran.visitor.get(`/staff/letters/${letterId}`);
  return { letterId, versionId: versionOf(review.html) };
}

const exchangeOf = (x: Exchange) =>
  queryDb<{ status: string; paused_by: string | null; pause_reason: string | null; id: number }>(
    server.dbPath,
    'select id, status, paused_by, pause_reason from exchanges where case_id = ?',
    x.caseId,
  )[0]!;
const frozenAudits = (x: Exchange) =>
  queryDb<{ n: number }>(
    server.dbPath,
    "select count(*) as n from audit_events where action = 'exchange.frozen' and subject_id = ?",
    String(exchangeOf(x).id),
  )[0]!.n;
// The outbox forgets an address once the email is sent, so count by template.
const noticesToFran = () =>
  queryDb<{ subject: string; text: string; html: string }>(server.dbPath, "select subject, text, html from outbox where template = 'exchange-frozen'");

async function expectFrozen(x: Exchange, letter: { letterId: number; versionId: string }, words: string, cause: string) {
  const ex = exchangeOf(x);
  expect(ex.status).toBe('paused');
  expect(ex.pause_reason).toBe(cause);
  expect(frozenAudits(x)).toBe(1);
  const approve = await post(fran, `/staff/letters/${letter.letterId}`, { decision: 'approve', versionId: letter.versionId });
  expect(approve.status).toBe(409);
  expect(await everythingSeenBy(x.victim)).not.toContain(words);
}

describe('the exchange freezes by itself', () => {
  it('withdrawing the victim’s consent: the letter waiting cannot reach her, and the facilitator is told without content', async () => {
    const x = await buildExchange(server, fran, { victim: 'Wanda Withdrawn', offender: 'Oscar One' });
    const letter = await waitingLetter(x, 'WITHDRAWN-CONSENT-LETTER sorry');
    const before = noticesToFran().length;
    const r = await post(fran, x.participantUrls.victim, { section: 'withdraw-consent', withdrawnOn: '2026-11-20' });
    expect(r.status).toBe(200);
    await expectFrozen(x, letter, 'WITHDRAWN-CONSENT-LETTER', 'consent-withdrawn');
    const notices = noticesToFran();
    expect(notices.length).toBe(before + 1);
    const notice = JSON.stringify(notices.at(-1));
    for (const secret of ['Wanda', 'Oscar', 'WITHDRAWN-CONSENT', 'RJ-']) expect(notice).not.toContain(secret);
    // The case page says why, in words a facilitator can act on.
    const page = textOf((await fran.visitor.get(`${x.caseUrl}/letters`)).html);
    expect(page, page.slice(page.indexOf('Status'), page.indexOf('Status') + 300)).toContain('Paused by the portal: a participant withdrew consent');
    // Resuming is refused until the essentials hold again.
    const resume = await post(fran, `${x.caseUrl}/letters`, { intent: 'resume', reason: 'She asked to carry on' });
    expect(resume.status).toBe(400);
    expect(exchangeOf(x).status).toBe('paused');
    // Consent given again: now it may resume, and the letter can be passed on.
    await post(fran, x.participantUrls.victim, { section: 'consent', consentOn: '2026-11-21', consentHow: 'phone' });
    expect(exchangeOf(x).status).toBe('paused');
    expect((await post(fran, `${x.caseUrl}/letters`, { intent: 'resume', reason: 'She asked to carry on' })).status).toBe(200);
    expect((await post(fran, `/staff/letters/${letter.letterId}`, { decision: 'approve', versionId: letter.versionId })).status).toBe(200);
    expect(await everythingSeenBy(x.victim)).toContain('WITHDRAWN-CONSENT-LETTER');
  });

  it('a risk decision of “not suitable” or “meeting only” freezes it', async () => {
    for (const [decision, cause] of [
      ['not_suitable', 'not-suitable'],
      ['direct_only', 'direct-only'],
    ] as const) {
      const x = await buildExchange(server, fran, { victim: `Rita ${decision}`, offender: `Rob ${decision}` });
      const letter = await waitingLetter(x, `RISK-${decision}-LETTER`);
      const r = await post(fran, x.participantUrls.offender, {
        section: 'risk',
        riskAssessedOn: '2026-11-20',
        revictimisationRisk: 'high',
        riskDecision: decision,
        riskReason: 'Reassessed after a call',
      });
      expect(r.status).toBe(200);
      await expectFrozen(x, letter, `RISK-${decision}-LETTER`, cause);
    }
  });

  it('a safeguarding concern freezes it even when the decision still allows letters', async () => {
    const x = await buildExchange(server, fran, { victim: 'Sally Safe', offender: 'Sam Guard' });
    const letter = await waitingLetter(x, 'SAFEGUARDING-LETTER');
    await post(fran, x.participantUrls.victim, {
      section: 'risk',
      riskAssessedOn: '2026-11-20',
      revictimisationRisk: 'medium',
      safeguardingConcerns: 'She mentioned a new threat by phone',
      riskDecision: 'indirect_only',
      riskReason: 'Letters only, watch closely',
    });
    await expectFrozen(x, letter, 'SAFEGUARDING-LETTER', 'safeguarding');
    // The gate holds, so a facilitator who has looked into it may resume.
    expect((await post(fran, `${x.caseUrl}/letters`, { intent: 'resume', reason: 'Discussed with the manager; safe to go on' })).status).toBe(200);
  });

  it('moving the case back to assessing freezes it', async () => {
    const x = await buildExchange(server, fran, { victim: 'Bea Back', offender: 'Ben Back' });
    const letter = await waitingLetter(x, 'BACK-TO-ASSESSING-LETTER');
    expect((await post(fran, x.caseUrl, { intent: 'move', from: 'ready', to: 'assessing' })).status).toBe(200);
    await expectFrozen(x, letter, 'BACK-TO-ASSESSING-LETTER', 'stage');
    expect((await post(fran, `${x.caseUrl}/letters`, { intent: 'resume', reason: 'Try anyway' })).status).toBe(400);
  });
});

describe('a closed case', () => {
  it('passes nothing on, and takes no new participant, assessment, invitation or paper letter', async () => {
    const x = await buildExchange(server, fran, { victim: 'Cleo Closed', offender: 'Carl Closed' });
    const letter = await waitingLetter(x, 'CLOSED-CASE-LETTER');
    expect((await post(fran, x.caseUrl, { intent: 'move', from: 'ready', to: 'closed', closureReason: 'victim_withdrew' })).status).toBe(200);
    // Closing stops the exchange for good (issue 12), in the same transaction as the move.
    expect(exchangeOf(x).status).toBe('withdrawn');
    expect((await post(fran, `/staff/letters/${letter.letterId}`, { decision: 'approve', versionId: letter.versionId })).status).toBe(409);
    expect(await everythingSeenBy(x.victim)).not.toContain('CLOSED-CASE-LETTER');
    const participantsBefore = queryDb<{ n: number }>(server.dbPath, 'select count(*) as n from participants where case_id = ?', x.caseId)[0]!.n;
    const attempts = [
      await post(fran, x.caseUrl, { intent: 'add-participant', role: 'supporter', name: 'Late Supporter', directlyAffected: 'yes' }),
      await post(fran, x.participantUrls.victim, { section: 'willing', willing: 'yes', motive: 'Wants to be heard', expectations: 'Answers and an apology' }),
      await post(fran, x.participantUrls.victim, { section: 'contact', contactedOn: '2026-11-20', method: 'phone', outcome: 'Talked' }),
      await post(fran, `${x.caseUrl}/letters`, { intent: 'invite', participantId: x.participantUrls.victim.split('/').pop()! }),
      await post(fran, `${x.caseUrl}/letters`, { intent: 'resume', reason: 'Closed but resume' }),
    ];
    for (const r of attempts) {
      expect(r.status).toBe(409);
      expect(textOf(r.html)).toContain('This case is closed');
    }
    expect(queryDb<{ n: number }>(server.dbPath, 'select count(*) as n from participants where case_id = ?', x.caseId)[0]!.n).toBe(participantsBefore);
    expect(exchangeOf(x).status).toBe('withdrawn');
  });
});
