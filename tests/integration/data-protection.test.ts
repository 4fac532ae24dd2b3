// People's rights over their information, against the built server: who viewed what (with
// views outside the viewer's own cases marked), everything held about one person (page and
// JSON, others' information marked, each export audited), a self-referrer's own copy, and
// requests recorded with their one-month due dates.
import { statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryDb, textOf, Visitor, type TestServer } from '../setup/server';
import { startTeamServer, staffIdOf, staffPost, type SignedInStaff } from '../setup/staff';
import { buildExchange, sendLetter, type Exchange } from './exchange-fixture';
import { referInFull, signIn } from './flow';
import { partnerAnswers, submissionKeyOf } from './partner';

let server: TestServer;
let fran: SignedInStaff;
let otto: SignedInStaff;
let morgan: SignedInStaff;
let x: Exchange;
let victimId: number;
let offenderId: number;

const auditCount = (action: string) => queryDb<{ n: number }>(server.dbPath, 'select count(*) as n from audit_events where action = ?', action)[0]!.n;

beforeAll(async () => {
  ({ server, fran, otto, morgan } = await startTeamServer());
  x = await buildExchange(server, fran, { victim: 'Violet Subject', offender: 'Oscar Subject' });
  victimId = Number(x.participantUrls.victim.split('/').pop());
  offenderId = Number(x.participantUrls.offender.split('/').pop());
  const letterId = await sendLetter(x.victim, 'I still think about that night. Please write back.');
  const write = await x.victim.visitor.get('/letters/write');
  const recipient = /name="recipient" value="(\d+)"/.exec(write.html)![1]!;
  for (const body of ['DRAFT-ONE never sent', 'DRAFT-TWO never sent']) await x.victim.visitor.post('/letters/write', { intent: 'save', recipient, body });
  const review = await fran.visitor.get(`/staff/letters/${letterId}`);
  const versionId = /name="versionId" value="(\d+)"/.exec(review.html)![1]!;
  expect((await staffPost(fran, `/staff/letters/${letterId}`, { decision: 'approve', versionId })).status).toBe(200);
  await staffPost(fran, x.caseUrl, { intent: 'note', body: 'Violet said her brother Ben will come too' });
}, 120_000);

afterAll(() => server?.stop());

describe('who viewed what', () => {
  it('marks a view of a case that was not the viewer’s, on the case’s trail and on the viewer’s own list', async () => {
    expect((await fran.visitor.get(x.caseUrl)).status).toBe(200);
    expect((await morgan.visitor.get(x.caseUrl)).status).toBe(200);
    expect((await morgan.visitor.get(x.participantUrls.victim)).status).toBe(200);
    const views = queryDb<{ actor: string; outside: number | null }>(
      server.dbPath,
      "select actor_id as actor, outside_assignment as outside from audit_events where action = 'case.viewed' and subject_id = ?",
      String(x.caseId),
    );
    const franId = String(staffIdOf(server, 'fran@example.org'));
    const morganId = staffIdOf(server, 'morgan@example.org');
    expect(views.filter((v) => v.actor === franId).every((v) => v.outside === 0)).toBe(true);
    expect(views.filter((v) => v.actor === String(morganId)).every((v) => v.outside === 1)).toBe(true);

    const trail = await morgan.visitor.get(`${x.caseUrl}/audit`);
    expect(trail.html).toMatch(/Case viewed\s*(<!-- -->)?\s*<strong class="govuk-tag govuk-tag--orange">Not their case<\/strong>/);

    const list = await morgan.visitor.get(`/staff/accounts/${morganId}/activity?show=views`);
    expect(list.status).toBe(200);
    const text = textOf(list.html);
    expect(text).toContain('Participant record viewed Not their case');
    const reference = queryDb<{ reference: string }>(
      server.dbPath,
      'select r.reference from cases c join referrals r on r.id = c.referral_id where c.id = ?',
      x.caseId,
    )[0]!.reference;
    expect(text).toContain(reference);
    // Only views on this list; everything on the other.
    expect(text).not.toContain('Letter passed on');
    expect(textOf((await morgan.visitor.get(`/staff/accounts/${staffIdOf(server, 'fran@example.org')}/activity`)).html)).toContain('Letter passed on');
    // Facilitators cannot look at colleagues' activity.
    expect((await otto.visitor.get(`/staff/accounts/${morganId}/activity`)).status).toBe(404);
  });
});

describe('everything held about one person', () => {
  it('gathers a participant’s records, marks others’ information, lists who accessed them, and audits each export', async () => {
    const before = auditCount('subject_access.exported');
    const page = await morgan.visitor.get(`/staff/subject-access/participant/${offenderId}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toContain('no-store');
    const text = textOf(page.html);
    expect(text).toContain('Oscar Subject');
    // The letter they received, as relayed, is someone else's writing: marked for review.
    expect(text).toMatch(/Letters they received, as passed on.*Others’ information I still think about that night/);
    // The case note is about others too.
    expect(text).toMatch(/Case notes.*Others’ information Violet said her brother Ben will come too/);
    // Their assessment's notes on risk are marked; the processes of the case are listed.
    expect(text).toMatch(/risk reason Others’ information Letters first/);
    expect(text).toContain('Restorative processes in the case');
    // Who accessed: Fran opened the case and the records.
    expect(text).toMatch(/Who opened or changed these records.*Fran Facilitator/);
    // The title names nobody.
    expect(/<title>([^<]*)<\/title>/.exec(page.html)![1]).not.toContain('Oscar');

    const file = await morgan.visitor.get(`/staff/subject-access/participant/${victimId}/file`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="subject-access-participant-\d+-\d{4}-\d{2}-\d{2}\.json"$/);
    const bundle = JSON.parse(file.html) as { who: string; sections: { title: string; items: { value: string; othersData?: boolean }[] }[] };
    expect(bundle.who).toContain('Violet Subject');
    const written = bundle.sections.find((s) => s.title === 'Letters they wrote')!;
    expect(written.items[0]!.value).toContain('I still think about that night');
    expect(written.items[0]!.othersData).toBeUndefined();
    // Drafts never sent are held about them too (issue 26): every one is in the export.
    const drafts = bundle.sections.find((s) => s.title === 'Letters they have not sent')!;
    expect(drafts.items.map((i) => i.value)).toEqual(['DRAFT-ONE never sent', 'DRAFT-TWO never sent']);
    expect(auditCount('subject_access.exported')).toBe(before + 2);
  });

  it('gathers a self-referrer’s answers and messages, and a partner referrer’s referrals without the people in them', async () => {
    const v = new Visitor(server.url);
    const issued = await referInFull(v);
    await signIn(v, issued.reference, issued.passphrase);
    await v.post('/check-your-referral/status', { body: 'Can I bring my sister to a meeting?' });
    const referralId = queryDb<{ id: number }>(server.dbPath, 'select id from referrals where reference = ?', issued.reference)[0]!.id;
    const self = textOf((await morgan.visitor.get(`/staff/subject-access/self-referrer/${referralId}`)).html);
    expect(self).toContain('Can I bring my sister to a meeting?');
    expect(self).toContain(issued.reference);
    // The person who harmed them is someone else: marked, and the warning shows.
    expect(self).toMatch(/Knows who harmed them Others’ information .*Quentin Marbleweather/);
    expect(self).toMatch(/items? (is|are) marked ‘Others’ information’/);

    const agency = new Visitor(server.url);
    for (const victimDetails of ['Petra Private, 07700 900111', 'Quinn Private, 07700 900222']) {
      const form = await agency.get('/refer-as-a-professional');
      await agency.post(
        '/refer-as-a-professional',
        partnerAnswers({ submissionKey: submissionKeyOf(form.html), referrerEmail: 'Sam.Sender@police.example.org', victimDetails }),
      );
    }
    const ids = queryDb<{ id: number }>(server.dbPath, "select id from referrals where lower(referrer_email) = 'sam.sender@police.example.org'");
    expect(ids).toHaveLength(2);
    const partner = textOf((await morgan.visitor.get(`/staff/subject-access/partner-referrer/${ids[0]!.id}`)).html);
    expect(partner.toLowerCase()).toContain('sam.sender@police.example.org');
    expect(partner.match(/RJ-[A-Z0-9]{4}-[A-Z0-9]{4}/g)!.length).toBeGreaterThanOrEqual(2);
    expect(partner).not.toContain('Petra Private');
    // A self-referral asked for as a partner's is not found, and the reverse.
    expect((await morgan.visitor.get(`/staff/subject-access/partner-referrer/${referralId}`)).status).toBe(404);
    expect((await morgan.visitor.get(`/staff/subject-access/self-referrer/${ids[0]!.id}`)).status).toBe(404);
  });

  it('is for managers only, and refuses made-up kinds and ids', async () => {
    expect((await fran.visitor.get(`/staff/subject-access/participant/${victimId}`)).status).toBe(404);
    expect((await fran.visitor.get(`/staff/subject-access/participant/${victimId}/file`)).status).toBe(404);
    expect((await morgan.visitor.get(`/staff/subject-access/everyone/${victimId}`)).status).toBe(404);
    expect((await morgan.visitor.get('/staff/subject-access/participant/999999')).status).toBe(404);
    expect((await morgan.visitor.get('/staff/subject-access/participant/1e3')).status).toBe(404);
  });
});

describe('a self-referrer’s own copy', () => {
  it('downloads their answers and messages as a text file, by a posted button only', async () => {
    const v = new Visitor(server.url);
    const issued = await referInFull(v);
    await signIn(v, issued.reference, issued.passphrase);
    await v.post('/check-your-referral/status', { body: 'Thank you for reading this.' });
    const status = await v.get('/check-your-referral/status');
    expect(textOf(status.html)).toContain('Download what you told us');
    const res = await fetch(new URL('/check-your-referral/download', server.url), {
      method: 'POST',
      headers: { Cookie: v.cookieHeader(), 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url },
      body: '',
      redirect: 'manual',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="rj-referral.txt"');
    expect(res.headers.get('cache-control')).toContain('no-store');
    const body = await res.text();
    expect(body).toContain(issued.reference);
    expect(body).toContain('Thank you for reading this.');
    expect(auditCount('referral.downloaded_by_referrer')).toBe(1);
    // Without signing in: to the sign-in page, no file. A link cannot fetch it.
    const stranger = await new Visitor(server.url).post('/check-your-referral/download');
    expect(stranger.url).toMatch(/^\/check-your-referral(\?|$)/);
    expect((await v.get('/check-your-referral/download')).url).toBe('/check-your-referral/status');
  });
});

describe('the database file', () => {
  it('is readable by its owner only, like its WAL', () => {
    for (const file of [server.dbPath, `${server.dbPath}-wal`]) expect((statSync(file).mode & 0o777).toString(8), file).toBe('600');
  });
});

describe('requests about people’s information', () => {
  it('records a request due one calendar month after it arrived, and shows it overdue when late', async () => {
    const post = (fields: Record<string, string>) => staffPost(morgan, '/staff/requests', { intent: 'record', ...fields });
    expect((await post({ kind: 'access', requester: 'Rachel Asker', receivedOn: '2026-01-31' })).status).toBe(200);
    const row = queryDb<{ due_on: string }>(server.dbPath, "select due_on from rights_requests where requester = 'Rachel Asker'")[0]!;
    expect(row.due_on).toBe('2026-02-28');
    const list = textOf((await morgan.visitor.get('/staff/requests')).html);
    expect(list).toMatch(/Rachel Asker 31 Jan 2026 28 Feb 2026 Overdue/);
    expect(textOf((await morgan.visitor.get('/staff/data-protection')).html)).toMatch(/1 open, 1 overdue/);
  });

  it('refuses bad entries whole, with the reason, and writes nothing', async () => {
    const before = queryDb<{ n: number }>(server.dbPath, 'select count(*) as n from rights_requests')[0]!.n;
    for (const bad of [
      { kind: 'access', requester: '', receivedOn: '2026-01-01' },
      { kind: 'everything', requester: 'A', receivedOn: '2026-01-01' },
      { kind: 'access', requester: 'A', receivedOn: '2099-01-01' },
      { kind: 'access', requester: 'A', receivedOn: '2026-02-30' },
      { kind: 'access', requester: 'A'.repeat(5000), receivedOn: '2026-01-01' },
    ]) {
      const page = await staffPost(morgan, '/staff/requests', { intent: 'record', ...bad });
      expect(page.status, JSON.stringify(bad).slice(0, 80)).toBe(400);
      expect(page.html).toContain('govuk-error-summary');
    }
    expect(queryDb<{ n: number }>(server.dbPath, 'select count(*) as n from rights_requests')[0]!.n).toBe(before);
    expect((await staffPost(fran, '/staff/requests', { intent: 'record', kind: 'access', requester: 'A', receivedOn: '2026-01-01' })).status).toBe(404);
  });

  it('records the answer once; a second answer, or one dated before the request, is refused', async () => {
    const id = queryDb<{ id: number }>(server.dbPath, "select id from rights_requests where requester = 'Rachel Asker'")[0]!.id;
    const url = `/staff/requests/${id}`;
    const early = await staffPost(morgan, url, { intent: 'answer', requestId: String(id), status: 'answered', answeredOn: '2026-01-01', outcome: 'Sent' });
    expect(early.status).toBe(409);
    const ok = await staffPost(morgan, url, {
      intent: 'answer',
      requestId: String(id),
      status: 'answered',
      answeredOn: '2026-03-02',
      outcome: 'Sent the bundle',
    });
    expect(ok.url).toBe('/staff/requests');
    expect(textOf(ok.html)).toMatch(/Rachel Asker 31 Jan 2026 2 Mar 2026 Late Sent the bundle/);
    const again = await staffPost(morgan, url, { intent: 'answer', requestId: String(id), status: 'refused', answeredOn: '2026-03-03', outcome: 'No' });
    expect(again.status).toBe(409);
    expect(auditCount('rights_request.answered')).toBe(1);
  });
});
