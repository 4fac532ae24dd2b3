import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { startSmtpSink } from '../setup/smtp';
import { startServer, textOf, Visitor, type TestServer, queryDb } from '../setup/server';
import { setUpStaff, staffPost, type SignedInStaff } from '../setup/staff';
import { referInFull, signIn } from './flow';
import { partnerAnswers, sendPartnerReferral as sendPartner, submissionKeyOf } from './partner';
import { referralAnswers } from './referral-answers';

let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let server: TestServer;
let fran: SignedInStaff; // facilitator
let max: SignedInStaff; // manager

beforeAll(async () => {
  smtp = await startSmtpSink();
  server = await startServer({ SMTP_URL: smtp.url });
  fran = await setUpStaff(server, { email: 'fran@example.org', name: 'Fran Facilitator', role: 'facilitator' });
  max = await setUpStaff(server, { email: 'max@example.org', name: 'Max Manager', role: 'manager' });
});
afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});

const query = <T>(sql: string, ...params: unknown[]) => queryDb<T>(server.dbPath, sql, ...params);

async function waitForMail(to: string) {
  const end = Date.now() + 10_000;
  for (;;) {
    const m = smtp.received.find((x) => x.to.includes(to));
    if (m) return m;
    if (Date.now() > end) throw new Error(`no mail to ${to}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const sendPartnerReferral = (overrides: Record<string, string | string[]> = {}) => sendPartner(server, overrides);

const post = staffPost;

/** The risk section of an assessment, as a facilitator fills it in. */
const riskAnswers = (over: Record<string, string> = {}) => ({
  section: 'risk',
  riskAssessedOn: '2026-11-04',
  revictimisationRisk: 'low',
  riskDecision: 'indirect_only',
  riskReason: 'Letters first',
  ...over,
});

describe('partner referral to a case that is ready', () => {
  it('arrives, is emailed, is accepted, assessed, refused "ready" with what is missing, then moves on', async () => {
    const { reference, id } = await sendPartnerReferral();
    const mail = await waitForMail('priya@probation.example.org');
    expect(mail.raw).toContain(reference);
    expect(mail.raw).not.toContain('Vera');
    expect(mail.raw).not.toContain('Owen');

    const queue = await fran.visitor.get('/staff?source=partner');
    expect(textOf(queue.html)).toContain(reference);

    const referral = await fran.visitor.get(`/staff/referrals/${id}`);
    expect(textOf(referral.html)).toContain('Owen Offender, on probation in Dudley');
    const frans = /<option value="(\d+)"[^>]*>Fran Facilitator(?: \(supervision overdue\))?<\/option>/.exec(referral.html)![1]!;
    const accepted = await post(fran, `/staff/referrals/${id}`, { intent: 'accept', facilitatorId: frans });
    expect(accepted.url).toMatch(/^\/staff\/cases\/\d+$/);
    const caseUrl = accepted.url;

    // Add both people.
    const victim = await post(fran, caseUrl, { intent: 'add-participant', role: 'victim', name: 'Vera Victim' });
    const offender = await post(fran, caseUrl, { intent: 'add-participant', role: 'offender', name: 'Owen Offender' });
    const vUrl = victim.url;
    const oUrl = offender.url;

    for (const stage of ['contacting', 'assessing']) {
      const page = await fran.visitor.get(caseUrl);
      const from = /name="from" value="([a-z_]+)"/.exec(page.html)![1]!;
      expect((await post(fran, caseUrl, { intent: 'move', from, to: stage })).url).toBe(caseUrl);
    }
    // Refused: nothing recorded yet, and the page lists exactly what is missing.
    const refused = await post(fran, caseUrl, { intent: 'move', from: 'assessing', to: 'ready' });
    expect(refused.status).toBe(409);
    const missing = [...refused.html.matchAll(/<ul class="govuk-list govuk-list--bullet" id="missing-essentials">([\s\S]*?)<\/ul>/g)][0]![1]!;
    expect(textOf(missing)).toContain('Vera Victim (victim): record informed consent');
    expect(textOf(missing)).toContain('Owen Offender (person responsible): record that they accept some responsibility for the harm');

    await post(fran, vUrl, { section: 'contact', contactedOn: '2026-11-01', method: 'phone', outcome: 'Talked it through' });
    for (const url of [vUrl, oUrl]) {
      await post(fran, url, { section: 'info', infoGivenOn: '2026-11-02', infoGivenHow: 'in_person' });
      await post(fran, url, { section: 'consent', consentOn: '2026-11-03', consentHow: 'in_person' });
      await post(fran, url, { section: 'willing', willing: 'yes', motive: 'Wants to be heard', expectations: 'Answers and an apology' });
      await post(fran, url, riskAnswers());
    }
    const stillMissing = await post(fran, caseUrl, { intent: 'move', from: 'assessing', to: 'ready' });
    expect(textOf(stillMissing.html)).toContain('Owen Offender (person responsible): record that they accept some responsibility for the harm');
    expect(textOf(stillMissing.html)).not.toContain('Vera Victim (victim)');

    // A specialist flag needs a manager's sign-off.
    await post(fran, oUrl, { section: 'responsibility', acceptsResponsibility: 'partly' });
    await post(fran, oUrl, riskAnswers({ revictimisationRisk: 'medium', specialistFlags: 'stalking', riskReason: 'Letters only' }));
    const needsSignOff = await post(fran, caseUrl, { intent: 'move', from: 'assessing', to: 'ready' });
    expect(textOf(needsSignOff.html)).toContain('a manager must sign off the specialist risk flags');
    expect((await post(fran, oUrl, { section: 'sign-off' })).status).toBe(404);
    await post(max, oUrl, { section: 'sign-off' });

    const ready = await post(fran, caseUrl, { intent: 'move', from: 'assessing', to: 'ready' });
    expect(ready.url).toBe(caseUrl);
    expect(textOf(ready.html)).toContain('Stage: Ready');
    expect(textOf(ready.html)).toContain('Every essential is recorded');

    // Every change left an audit row; the manager can read the trail, the facilitator cannot.
    const caseId = caseUrl.split('/').pop()!;
    const actions = query<{ action: string }>('select action from audit_events').map((r) => r.action);
    for (const a of [
      'referral.accepted',
      'case.opened',
      'participant.added',
      'contact.recorded',
      'assessment.consent_recorded',
      'assessment.risk_signed_off',
      'case.moved_to_ready',
      'case.viewed',
    ]) {
      expect(actions).toContain(a);
    }
    expect((await fran.visitor.get(`/staff/cases/${caseId}/audit`)).status).toBe(404);
    const trail = await max.visitor.get(`/staff/cases/${caseId}/audit`);
    expect(textOf(trail.html)).toContain('case.moved_to_ready');
    expect(textOf(trail.html)).toContain('Fran Facilitator');
    expect(trail.html).not.toContain('Older entries');

    // A long trail comes a page at a time, and every row, the oldest included, can be reached.
    const db = new Database(server.dbPath);
    const insert = db.prepare(
      "insert into audit_events (actor_type, actor_id, action, subject_type, subject_id, created_at) values ('system', null, ?, 'case', ?, ?)",
    );
    db.transaction(() => {
      for (let i = 0; i < 620; i++) insert.run(`case.filler_${i}`, caseId, Date.now());
    })();
    db.close();
    const total = query<{ n: number }>("select count(*) as n from audit_events where subject_type = 'case' and subject_id = ?", caseId)[0]!.n;
    const seen: string[] = [];
    let href: string | undefined = `/staff/cases/${caseId}/audit`;
    for (let pages = 0; href && pages < 20; pages++) {
      const page = await max.visitor.get(href);
      expect(page.status).toBe(200);
      const onPage = [...page.html.matchAll(/<span class="govuk-caption-m">(case\.(?:filler_\d+|opened))<\/span>/g)].map((m) => m[1]!);
      expect(onPage.length).toBeLessThanOrEqual(100);
      seen.push(...onPage);
      href = /<a [^>]*href="([^"]+)"[^>]*>(?:(?!<\/a>).)*Older entries/.exec(page.html)?.[1]?.replaceAll('&amp;', '&');
    }
    expect(seen.filter((a) => a.startsWith('case.filler_')).length).toBe(620);
    expect(total).toBeGreaterThan(620);
    expect(new Set(seen).size).toBe(seen.length); // no row twice
    expect(seen).toContain('case.filler_0');
    expect(seen.at(-1)).toBe('case.opened');
    // A made-up position is the first page, never an error.
    for (const before of ['x', '-1', '99999999999999999999', '1e9']) {
      expect((await max.visitor.get(`/staff/cases/${caseId}/audit?before=${before}`)).status).toBe(200);
    }
  });

  it('a double submit of the partner form makes one referral', async () => {
    const { key } = await sendPartnerReferral({ victimDetails: 'DOUBLE-PARTNER' });
    const again = await new Visitor(server.url).post('/refer-as-a-professional', partnerAnswers({ submissionKey: key, victimDetails: 'DOUBLE-PARTNER' }));
    expect(again.url).toBe('/refer-as-a-professional/sent');
    expect(query<{ n: number }>("select count(*) as n from referrals where victim_details = 'DOUBLE-PARTNER'")[0]!.n).toBe(1);
  });

  it('two moves of one case at once: only one applies', async () => {
    const { id } = await sendPartnerReferral();
    const frans = /<option value="(\d+)"[^>]*>Fran Facilitator(?: \(supervision overdue\))?<\/option>/.exec(
      (await fran.visitor.get(`/staff/referrals/${id}`)).html,
    )![1]!;
    const caseUrl = (await post(fran, `/staff/referrals/${id}`, { intent: 'accept', facilitatorId: frans })).url;
    const [a, b] = await Promise.all([
      post(fran, caseUrl, { intent: 'move', from: 'referred', to: 'contacting' }),
      post(fran, caseUrl, { intent: 'move', from: 'referred', to: 'closed', closureReason: 'could_not_contact' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const caseId = Number(caseUrl.split('/').pop());
    expect(query<{ n: number }>('select count(*) as n from case_transitions where case_id = ?', caseId)[0]!.n).toBe(1);
  });

  it('a referral can be accepted or declined once, and declining keeps the reason', async () => {
    const { id } = await sendPartnerReferral();
    expect((await post(fran, `/staff/referrals/${id}`, { intent: 'decline', reason: '' })).status).toBe(400);
    const declined = await post(fran, `/staff/referrals/${id}`, { intent: 'decline', category: 'outside_service', reason: 'Outside our area' });
    expect(textOf(declined.html)).toContain('Declined: Outside our area');
    const late = await post(max, `/staff/referrals/${id}`, { intent: 'decline', category: 'other', reason: 'again' });
    expect(late.status).toBe(409);
  });
});

describe('messages between a self-referrer and the service', () => {
  it('the referrer’s message reaches staff; the reply reaches the referrer; the email says only that there is a message', async () => {
    const issued = await referInFull(new Visitor(server.url), referralAnswers({ 'contacting-you': { contactMethod: 'email', email: 'thread@example.org' } }));
    const me = new Visitor(server.url);
    await signIn(me, issued.reference, issued.passphrase);
    await me.post('/check-your-referral/status', { body: 'Can I bring my sister?' });
    const [row] = query<{ id: number }>('select id from referrals where reference = ?', issued.reference);
    const staffView = await fran.visitor.get(`/staff/referrals/${row!.id}`);
    expect(textOf(staffView.html)).toContain('Can I bring my sister?');
    await post(fran, `/staff/referrals/${row!.id}`, { intent: 'reply', body: 'Yes, SECRET-REPLY-TEXT, of course.' });
    const mine = await me.get('/check-your-referral/status');
    expect(textOf(mine.html)).toContain('Yes, SECRET-REPLY-TEXT, of course.');
    expect(textOf(mine.html)).toContain('Being looked at');
    const deadline = Date.now() + 10_000;
    let notice;
    while (!(notice = smtp.received.find((m) => m.to.includes('thread@example.org') && m.raw.includes('new message'))) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(notice).toBeDefined();
    expect(notice!.raw).not.toContain('SECRET-REPLY-TEXT');
  });
});

describe('bad input on staff and partner forms', () => {
  const BAD = ['', 'x'.repeat(1024 * 1024), 'a\u0000b', '<script>alert(1)</script>', 'not-a-choice', '2026-02-30', '9999-01-01'];

  it('the partner form: every field, never a 500, nothing half-saved', async () => {
    const before = query<{ n: number }>('select count(*) as n from referrals')[0]!.n;
    const v = new Visitor(server.url);
    const key = submissionKeyOf((await v.get('/refer-as-a-professional')).html);
    for (const field of Object.keys(partnerAnswers())) {
      for (const bad of BAD) {
        const page = await v.post(
          '/refer-as-a-professional',
          partnerAnswers({ submissionKey: key, [field]: bad, referrerPhone: field === 'referrerPhone' ? bad : '0121 496 0000' }),
        );
        expect(page.status, `${field}=${bad.slice(0, 20)}`).toBeLessThan(500);
        expect(page.html).not.toContain('<script>alert(1)');
        if (page.url.endsWith('/sent')) {
          // Only free-text fields may take an odd value, and only printable text of a sensible length.
          expect(
            ['referrerName', 'victimDetails', 'offenderDetails', 'offenceDate', 'crimeReference', 'riskNotes', 'supportDetails', 'agencyOther'],
            field,
          ).toContain(field);
          expect(bad.length).toBeLessThan(100);
          expect(bad).not.toContain('\u0000');
        } else {
          expect(page.html).toContain('There is a problem');
        }
      }
    }
    const forged = await v.post('/refer-as-a-professional', { ...partnerAnswers({ submissionKey: 'short' }), status: 'closed', source: 'self' });
    expect(forged.status).toBe(400);
    const after = query<{ n: number }>('select count(*) as n from referrals')[0]!.n;
    expect(after - before).toBeLessThanOrEqual(1); // the one key can make at most one referral
  });

  it('staff forms: bad values, forged intents, missing CSRF', async () => {
    const { id } = await sendPartnerReferral();
    const frans = /<option value="(\d+)"[^>]*>Fran Facilitator(?: \(supervision overdue\))?<\/option>/.exec(
      (await fran.visitor.get(`/staff/referrals/${id}`)).html,
    )![1]!;
    expect((await fran.visitor.post(`/staff/referrals/${id}`, { intent: 'accept', facilitatorId: frans })).status).toBe(403);
    for (const bad of [...BAD, '-1', '1e9', '99999999']) {
      const page = await post(fran, `/staff/referrals/${id}`, { intent: 'accept', facilitatorId: bad });
      expect([400, 409], bad.slice(0, 20)).toContain(page.status);
    }
    expect((await post(fran, `/staff/referrals/${id}`, { intent: 'delete-everything' })).status).toBe(400);
    const caseUrl = (await post(fran, `/staff/referrals/${id}`, { intent: 'accept', facilitatorId: frans })).url;
    const pUrl = (await post(fran, caseUrl, { intent: 'add-participant', role: 'victim', name: 'Val' })).url;
    for (const bad of BAD) {
      for (const fields of <Record<string, string>[]>[
        { intent: 'move', from: 'referred', to: bad },
        { intent: 'move', from: bad, to: 'contacting' },
        { intent: 'move', from: 'referred', to: 'closed', closureReason: bad },
        { intent: 'add-participant', role: bad, name: 'X' },
      ]) {
        const page = await post(fran, caseUrl, fields);
        expect([400, 409], JSON.stringify(fields).slice(0, 80)).toContain(page.status);
      }
      // A name is free text: odd but printable names are kept (and shown escaped); the rest refused.
      const named = await post(fran, caseUrl, { intent: 'add-participant', role: 'victim', name: bad });
      expect(named.status).toBeLessThan(500);
      expect(named.html).not.toContain('<script>alert(1)');
      if (named.status >= 400) expect(bad === '' || bad.length > 100 || bad.includes('\u0000')).toBe(true);
      for (const fields of <Record<string, string>[]>[
        { section: 'info', infoGivenOn: bad, infoGivenHow: 'phone' },
        { section: 'consent', consentOn: '2026-11-01', consentHow: bad },
        { section: 'willing', willing: bad },
        { section: 'risk', riskAssessedOn: '2026-11-01', revictimisationRisk: 'low', riskDecision: 'direct', riskReason: bad, specialistFlags: bad },
        { section: 'contact', contactedOn: bad, method: 'phone', outcome: 'x' },
        { section: bad },
      ]) {
        const page = await post(fran, pUrl, fields);
        expect([400, 413], JSON.stringify(fields).slice(0, 80)).toContain(page.status);
        expect(page.html).not.toContain('<script>alert(1)');
      }
    }
    const stage = query<{ stage: string }>('select stage from cases where id = ?', Number(caseUrl.split('/').pop()))[0]!.stage;
    expect(stage).toBe('referred');
    expect(query<{ n: number }>('select count(*) as n from participants where name = ?', 'Val')[0]!.n).toBe(1);
    for (const path of ['/staff/referrals/abc', '/staff/referrals/0', '/staff/referrals/99999999', '/staff/cases/1e3', '/staff/cases/999999/participants/1']) {
      expect((await fran.visitor.get(path)).status, path).toBe(404);
    }
  });
});
