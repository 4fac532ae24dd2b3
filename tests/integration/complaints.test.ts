// Complaints about the service: the public form (anonymous, with contact details, with a
// referral reference), its checks, a double submit and a flood from one address; managers
// recording, acknowledging and answering, in order, each with its audit row and its
// working-day deadlines; facilitators kept out; and the counts on the dashboard and return.
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays } from '~/models/working-days';
import { ukIsoDay } from '~/utils/dates';
import { readabilityOfPage } from '../setup/readability';
import { queryDb, textOf, Visitor, type TestServer } from '../setup/server';
import { startTeamServer, staffIdOf, staffPost, type SignedInStaff } from '../setup/staff';

let server: TestServer;
let fran: SignedInStaff;
let morgan: SignedInStaff;

// Each test posts from its own address (the server believes one proxy), so the limit per
// address of one test does not reach the others.
const SERVER_ENV = { TRUST_PROXY: '1' };
let lastAddress = 0;
const visitorFromNewAddress = () => new Visitor(server.url, { 'X-Forwarded-For': `203.0.113.${++lastAddress}` });

beforeAll(async () => {
  ({ server, fran, morgan } = await startTeamServer(SERVER_ENV));
});
afterAll(() => server?.stop());

type Row = {
  id: number;
  reference: string;
  body: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  referral_reference: string | null;
  received_via: string;
  received_on: string;
  acknowledge_by: string;
  answer_by: string;
  acknowledged_on: string | null;
  answered_on: string | null;
  answer: string | null;
  upheld: string | null;
  handled_by: number | null;
};
const complaintCount = () => queryDb<{ n: number }>(server.dbPath, 'select count(*) as n from complaints')[0]!.n;
const complaintByReference = (reference: string) => queryDb<Row>(server.dbPath, 'select * from complaints where reference = ?', reference)[0];
const complaintById = (id: number) => queryDb<Row>(server.dbPath, 'select * from complaints where id = ?', id)[0]!;
const auditOf = (id: number) =>
  queryDb<{ actor_type: string; actor_id: string; action: string }>(
    server.dbPath,
    "select actor_type, actor_id, action from audit_events where subject_type = 'complaint' and subject_id = ? order by id",
    String(id),
  );
const keyOf = (html: string) => /name="submissionKey" value="([^"]+)"/.exec(html)![1]!;
const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)![1]!;
const referenceOn = (html: string) => /<strong>(C-[A-Z0-9]{4}-[A-Z0-9]{4})<\/strong>/.exec(html)?.[1];

/** Opens the form and sends it, as a person without JavaScript would. */
async function sendComplaint(v: Visitor, fields: Record<string, string>) {
  const form = await v.get('/complaint');
  expect(form.status).toBe(200);
  const submissionKey = keyOf(form.html);
  return { page: await v.post('/complaint', { submissionKey, ...fields }), submissionKey };
}

const today = () => ukIsoDay(new Date());
const workingDaysFrom = (day: string, n: number) => addWorkingDays(new Date(`${day}T12:00:00Z`), n);

describe('the public form', () => {
  it('is in the footer, with Exit this page, and an anonymous complaint gets a reference and nothing else', async () => {
    const home = await new Visitor(server.url).get('/');
    expect(home.html).toMatch(/<a class="govuk-footer__link"[^>]* href="\/complaint">Make a complaint<\/a>/);
    const v = visitorFromNewAddress();
    const form = await v.get('/complaint');
    expect(form.html).toContain('Exit this page');
    expect(form.html).toMatch(/<form method="post" autoComplete="off"|<form[^>]*autocomplete="off"/i);

    const { page } = await sendComplaint(v, { body: 'Nobody called me back.', reply: 'none' });
    expect(page.status).toBe(200);
    expect(page.url).toBe('/complaint/sent');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const reference = referenceOn(page.html);
    // From the unambiguous alphabet: no 0, 1, I, L, O or U.
    expect(reference).toMatch(/^C-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    expect(titleOf(page.html)).toBe('Complaint sent – Restorative Justice Service');
    expect(textOf(page.html)).toContain('You did not ask for a reply');
    expect(page.html).toContain('Exit this page');
    expect(readabilityOfPage(page.html).grade).toBeLessThanOrEqual(6);

    const row = complaintByReference(reference!)!;
    const received = today();
    expect(row).toMatchObject({
      body: 'Nobody called me back.',
      name: null,
      email: null,
      phone: null,
      referral_reference: null,
      received_via: 'online',
      received_on: received,
      acknowledge_by: workingDaysFrom(received, 3),
      answer_by: workingDaysFrom(received, 20),
      acknowledged_on: null,
      answered_on: null,
      handled_by: null,
    });
    // The public is not a referrer and has no account: the form itself is the actor.
    expect(auditOf(row.id)).toEqual([{ actor_type: 'system', actor_id: 'public-form', action: 'complaint.received' }]);
    // The confirmation is for this browser, once: another one is sent back to the form.
    expect((await new Visitor(server.url).get('/complaint/sent')).url).toBe('/complaint');
  });

  it('keeps only the contact detail for the way of replying chosen, and says when to expect an acknowledgement', async () => {
    const v = visitorFromNewAddress();
    const { page } = await sendComplaint(v, {
      body: 'The letter took weeks to reach me.',
      name: 'Sam Complainer',
      reply: 'email',
      email: 'sam@example.org',
      phone: '01632 960 001',
    });
    expect(page.url).toBe('/complaint/sent');
    const row = complaintByReference(referenceOn(page.html)!)!;
    expect(row).toMatchObject({ name: 'Sam Complainer', email: 'sam@example.org', phone: null });
    const ackBy = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
      .format(new Date(`${row.acknowledge_by}T12:00:00Z`))
      .replace(',', '');
    expect(textOf(page.html)).toContain(`We will email you by ${ackBy} to say we have your complaint.`);
    // Nothing personal in the address or the title.
    expect(titleOf(page.html)).not.toMatch(/Sam|sam@|C-/);
    expect(readabilityOfPage(page.html).grade).toBeLessThanOrEqual(6);

    const byPhone = await sendComplaint(visitorFromNewAddress(), {
      body: 'Rude on the phone.',
      reply: 'phone',
      phone: '01632 960 002',
      email: 'x@example.org',
    });
    expect(complaintByReference(referenceOn(byPhone.page.html)!)).toMatchObject({ email: null, phone: '01632 960 002' });
    expect(textOf(byPhone.page.html)).toContain('We will phone you by');
  });

  it('takes a referral reference instead of contact details, in any case', async () => {
    const { page } = await sendComplaint(visitorFromNewAddress(), { body: 'My case went quiet.', reply: 'none', referralReference: ' rj-ab12-cd34 ' });
    expect(complaintByReference(referenceOn(page.html)!)).toMatchObject({ referral_reference: 'RJ-AB12-CD34', name: null, email: null, phone: null });
  });

  it('refuses bad input with a 400, the error summary and inline errors, and stores nothing', async () => {
    const before = complaintCount();
    const v = visitorFromNewAddress();
    const form = await v.get('/complaint');
    const submissionKey = keyOf(form.html);
    for (const [fields, messages] of [
      [{}, ['Tell us what your complaint is about', 'Select how we should reply, or that you do not want a reply']],
      [{ body: '   ', reply: 'none' }, ['Tell us what your complaint is about']],
      [{ body: 'Late.', reply: 'email', email: 'not an email' }, ['Enter an email address like name@example.com']],
      [{ body: 'Late.', reply: 'phone' }, ['Enter a phone number, like 01632 960 001']],
      [{ body: 'Late.', reply: 'none', referralReference: 'C-1234' }, ['Enter a reference like RJ-AB12-CD34, or leave it empty']],
      [{ body: 'x'.repeat(5001), reply: 'none' }, ['Your complaint must be 5000 characters or fewer']],
      [{ body: 'Late.', reply: 'post' }, ['Select how we should reply, or that you do not want a reply']],
    ] as const) {
      const page = await v.post('/complaint', { submissionKey, ...fields });
      expect(page.status, JSON.stringify(fields).slice(0, 80)).toBe(400);
      expect(page.url).toBe('/complaint');
      expect(page.html).toContain('govuk-error-summary');
      expect(titleOf(page.html)).toBe('Error: Make a complaint – Restorative Justice Service');
      // Each message in the summary, and beside its field (the inline one starts "Error:").
      for (const m of messages) expect(textOf(page.html)).toContain(`Error: ${m}`);
      expect(page.html.match(/class="govuk-error-message"/g)).toHaveLength(messages.length);
    }
    // The answers come back so nothing has to be typed again (the one-time key too).
    const kept = await v.post('/complaint', { submissionKey, body: 'Kept words', reply: 'email', email: 'bad' });
    expect(kept.html).toContain('Kept words');
    expect(kept.html).toContain(`value="${submissionKey}"`);
    // A key the server did not issue is refused.
    const forged = await v.post('/complaint', { submissionKey: `${'A'.repeat(22)}.${'B'.repeat(22)}`, body: 'Late.', reply: 'none' });
    expect(forged.status).toBe(400);
    expect(textOf(forged.html)).toContain('Reload the page and try again');
    const missing = await v.post('/complaint', { body: 'Late.', reply: 'none' });
    expect(missing.status).toBe(400);
    expect(complaintCount()).toBe(before);
  });

  it('makes one complaint of a double submit or a refresh, even in parallel', async () => {
    const before = complaintCount();
    const v = visitorFromNewAddress();
    const { page, submissionKey } = await sendComplaint(v, { body: 'Sent twice by mistake.', reply: 'none' });
    const again = await v.post('/complaint', { submissionKey, body: 'Sent twice by mistake.', reply: 'none' });
    expect(referenceOn(again.html)).toBe(referenceOn(page.html));
    expect(complaintCount()).toBe(before + 1);

    const w = visitorFromNewAddress();
    const key = keyOf((await w.get('/complaint')).html);
    const pages = await Promise.all(
      Array.from({ length: 4 }, () =>
        new Visitor(server.url, w.headers).post('/complaint', { submissionKey: key, body: 'Clicked four times.', reply: 'none' }),
      ),
    );
    expect(new Set(pages.map((p) => referenceOn(p.html))).size).toBe(1);
    expect(complaintCount()).toBe(before + 2);

    // The same form with other words is another complaint, not lost.
    const edited = await v.post('/complaint', { submissionKey, body: 'Something else as well.', reply: 'none' });
    expect(referenceOn(edited.html)).not.toBe(referenceOn(page.html));
    expect(complaintCount()).toBe(before + 3);
  });

  it('lets at most 5 new complaints in from one address, however many arrive at once', async () => {
    const before = complaintCount();
    const address = { 'X-Forwarded-For': '198.51.100.77' };
    const keys = await Promise.all(Array.from({ length: 12 }, async () => keyOf((await new Visitor(server.url, address).get('/complaint')).html)));
    const pages = await Promise.all(
      keys.map((submissionKey, i) => new Visitor(server.url, address).post('/complaint', { submissionKey, body: `Flood ${i}`, reply: 'none' })),
    );
    expect(complaintCount()).toBe(before + 5);
    expect(pages.filter((p) => p.url === '/complaint/sent')).toHaveLength(5);
    const refused = pages.filter((p) => p.status === 429);
    expect(refused).toHaveLength(7);
    expect(textOf(refused[0]!.html)).toContain('We have had a lot of complaints from you just now');
    // Someone else is not held up by it.
    expect((await sendComplaint(visitorFromNewAddress(), { body: 'Another person.', reply: 'none' })).page.url).toBe('/complaint/sent');
  });
});

describe('managers', () => {
  let id: number;

  it('record a complaint that came by phone, with deadlines in working days from the day it arrived', async () => {
    // Friday 23 May 2025, before the late May bank holiday: the weekend is not counted, the
    // bank holiday is (working-days.ts), so 3 working days is Wednesday 28 May.
    const bad = await staffPost(morgan, '/staff/complaints', { intent: 'record', receivedVia: 'fax', receivedOn: '2025-05-23', body: '' });
    expect(bad.status).toBe(400);
    expect(textOf(bad.html)).toContain('Select how the complaint arrived');
    expect(textOf(bad.html)).toContain('Enter what the complaint is about');
    const before = complaintCount();
    const page = await staffPost(morgan, '/staff/complaints', {
      intent: 'record',
      receivedVia: 'phone',
      receivedOn: '2025-05-23',
      body: 'Called to say the meeting room was not private.',
      name: 'Pat Caller',
      phone: '01632 960 003',
    });
    expect(page.url).toMatch(/^\/staff\/complaints\/\d+$/);
    expect(complaintCount()).toBe(before + 1);
    id = Number(page.url.split('/').pop());
    const row = complaintById(id);
    expect(row).toMatchObject({ received_via: 'phone', received_on: '2025-05-23', acknowledge_by: '2025-05-28', answer_by: '2025-06-20', name: 'Pat Caller' });
    expect(row.reference).toMatch(/^C-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    expect(auditOf(id)).toEqual([{ actor_type: 'staff', actor_id: String(staffIdOf(server, 'morgan@example.org')), action: 'complaint.received' }]);
    // Both deadlines are long past: overdue on the list, open ones first.
    const list = await morgan.visitor.get('/staff/complaints');
    const open = list.html.slice(list.html.indexOf('Open complaints'), list.html.indexOf('Record a complaint'));
    expect(open).toContain(row.reference);
    expect(textOf(open)).toMatch(new RegExp(`${row.reference} 23 May 2025 Phone 28 May 2025 20 Jun 2025 Acknowledgement overdue Answer overdue`));
    // A complaint sent today is due, not overdue.
    expect(textOf(open)).toContain('Acknowledgement due');
  });

  it('acknowledge, then answer, each once and in order, each with an audit row', async () => {
    const morganId = String(staffIdOf(server, 'morgan@example.org'));
    const path = `/staff/complaints/${id}`;
    // Answering before acknowledging is out of order.
    const early = await staffPost(morgan, path, { intent: 'answer', answeredOn: '2025-06-19', upheld: 'partly', answer: 'We are sorry.' });
    expect(early.status).toBe(409);
    expect(textOf(early.html)).toContain('Record the acknowledgement before the answer.');
    // A day before the complaint arrived is refused; so is bad input.
    const before = await staffPost(morgan, path, { intent: 'acknowledge', acknowledgedOn: '2025-05-22' });
    expect(before.status).toBe(400);
    expect(textOf(before.html)).toContain('The date must be on or after 23 May 2025');
    expect((await staffPost(morgan, path, { intent: 'acknowledge', acknowledgedOn: 'soon' })).status).toBe(400);
    expect((await staffPost(morgan, path, { intent: 'shred' })).status).toBe(400);
    expect((await morgan.visitor.post(path, { intent: 'acknowledge', acknowledgedOn: '2025-05-27' })).status).toBe(403);
    expect(complaintById(id).acknowledged_on).toBeNull();

    const acknowledged = await staffPost(morgan, path, { intent: 'acknowledge', acknowledgedOn: '2025-05-27' });
    expect(acknowledged.url).toBe(path);
    expect(complaintById(id).acknowledged_on).toBe('2025-05-27');
    const twice = await staffPost(morgan, path, { intent: 'acknowledge', acknowledgedOn: '2025-05-28' });
    expect(twice.status).toBe(409);
    expect(textOf(twice.html)).toContain('This complaint has already been acknowledged.');
    expect(complaintById(id).acknowledged_on).toBe('2025-05-27');

    expect((await staffPost(morgan, path, { intent: 'answer', answeredOn: '2025-06-19', answer: 'We are sorry.' })).status).toBe(400);
    const answered = await staffPost(morgan, path, {
      intent: 'answer',
      answeredOn: '2025-06-19',
      upheld: 'partly',
      answer: 'We are sorry. We now book private rooms.',
    });
    expect(answered.url).toBe(path);
    expect(textOf(answered.html)).toContain('Partly upheld');
    expect(textOf(answered.html)).toContain('We now book private rooms.');
    expect(complaintById(id)).toMatchObject({ answered_on: '2025-06-19', upheld: 'partly', answer: 'We are sorry. We now book private rooms.' });
    const again = await staffPost(morgan, path, { intent: 'answer', answeredOn: '2025-06-20', upheld: 'no', answer: 'Changed our mind.' });
    expect(again.status).toBe(409);
    expect(textOf(again.html)).toContain('This complaint has already been answered.');
    expect(complaintById(id)).toMatchObject({ answered_on: '2025-06-19', upheld: 'partly' });
    expect(auditOf(id).map((a) => [a.action, a.actor_id])).toEqual([
      ['complaint.received', morganId],
      ['complaint.acknowledged', morganId],
      ['complaint.answered', morganId],
    ]);
    const list = await morgan.visitor.get('/staff/complaints');
    const answeredPart = list.html.slice(list.html.indexOf('most recently answered'));
    expect(textOf(answeredPart)).toContain(`${complaintById(id).reference} 23 May 2025 19 Jun 2025 Partly upheld Answered`);
  });

  it('are the only ones who see them: a facilitator gets 404 everywhere', async () => {
    expect((await fran.visitor.get('/staff/complaints')).status).toBe(404);
    expect((await fran.visitor.get(`/staff/complaints/${id}`)).status).toBe(404);
    const before = complaintCount();
    expect((await staffPost(fran, '/staff/complaints', { intent: 'record', receivedVia: 'phone', receivedOn: '2025-05-23', body: 'x' })).status).toBe(404);
    expect((await staffPost(fran, `/staff/complaints/${id}`, { intent: 'acknowledge', acknowledgedOn: '2025-05-27' })).status).toBe(404);
    expect(complaintCount()).toBe(before);
    expect((await morgan.visitor.get('/staff/complaints/999999')).status).toBe(404);
    expect((await morgan.visitor.get('/staff/complaints/abc')).status).toBe(404);
    // Nor does anyone signed out.
    expect((await new Visitor(server.url).get('/staff/complaints')).url).toBe('/staff/sign-in');
  });
});

describe('the reports', () => {
  beforeAll(() => {
    // January to March 2025, by hand. Received in the period: B to J, K, L, M = 12.
    // Answered in the period: A to J = 10 (K is answered on 1 April). On time: A to E = 5.
    // Upheld in full or in part: A, B, F (yes), C, G (partly) = 5.
    const db = new Database(server.dbPath);
    const add = db.prepare(
      `insert into complaints (reference, body, received_via, received_on, acknowledge_by, answer_by, acknowledged_on, answered_on, upheld)
       values (?, 'Fixture', 'letter', ?, ?, ?, ?, ?, ?)`,
    );
    const fixture: [string, string, string | null, string | null][] = [
      // [received, answer by, answered, upheld]
      ['2024-12-31', '2025-01-28', '2025-01-20', 'yes'], // A
      ['2025-01-06', '2025-02-03', '2025-02-03', 'yes'], // B: on the day it was due is on time
      ['2025-01-06', '2025-02-03', '2025-01-31', 'partly'], // C
      ['2025-01-07', '2025-02-04', '2025-02-01', 'no'], // D
      ['2025-02-03', '2025-03-03', '2025-02-28', 'no'], // E
      ['2025-01-06', '2025-02-03', '2025-02-04', 'yes'], // F: a day late
      ['2025-01-06', '2025-02-03', '2025-03-01', 'partly'], // G
      ['2025-02-03', '2025-03-03', '2025-03-31', 'no'], // H
      ['2025-02-03', '2025-03-03', '2025-03-10', 'no'], // I
      ['2025-02-03', '2025-03-03', '2025-03-11', 'no'], // J
      ['2025-03-03', '2025-03-31', '2025-04-01', 'yes'], // K
      ['2025-03-20', '2025-04-17', null, null], // L: open, overdue
      ['2025-03-31', '2025-04-28', null, null], // M: open, overdue
    ];
    db.transaction(() =>
      fixture.forEach(([received, answerBy, answered, upheld], i) =>
        add.run(`C-FIX-${i}`, received, received, answerBy, answered ? received : null, answered, upheld),
      ),
    )();
    db.close();
  });

  const row = (html: string, label: string) => new RegExp(`${label}</dt>\\s*<dd[^>]*>([^<]*)</dd>`).exec(html)?.[1];

  it('count complaints on the managers’ dashboard, small numbers hidden; facilitators see none', async () => {
    const q1 = (await morgan.visitor.get('/staff/reports?from=2025-01&to=2025-03')).html;
    expect(row(q1, 'Complaints received')).toBe('12');
    expect(row(q1, 'Complaints answered')).toBe('10');
    expect(row(q1, 'Answered on time \\(within 20 working days\\)')).toBe('5');
    expect(row(q1, 'Upheld or partly upheld')).toBe('5');
    // L and M, and at least the fixture's: open and past a deadline now.
    expect(textOf(q1)).toMatch(/\d+ open complaints are past a deadline now/);
    // April to June 2025: the phone complaint (received and answered) and K (answered): all small.
    const q2 = (await morgan.visitor.get('/staff/reports?from=2025-04&to=2025-06')).html;
    expect(row(q2, 'Complaints received')).toBe('fewer than 5');
    expect(row(q2, 'Complaints answered')).toBe('fewer than 5');
    expect(row(q2, 'Upheld or partly upheld')).toBe('fewer than 5');
    expect(q2).not.toMatch(/"n":/);
    const facilitator = (await fran.visitor.get('/staff/reports?from=2025-01&to=2025-03')).html;
    expect(facilitator).not.toContain('Complaints received');
  });

  it('and the same rows in the commissioner’s return', async () => {
    const csv = async (query: string) => {
      const res = await fetch(new URL(`/staff/reports/return.csv${query}`, server.url), { headers: { Cookie: morgan.visitor.cookieHeader() } });
      expect(res.status).toBe(200);
      const rows = parse(Buffer.from(await res.arrayBuffer()), { bom: true, columns: true }) as Record<string, string>[];
      return (measure: string) => rows.find((r) => r.Measure === measure);
    };
    const q1 = await csv('?from=2025-01&to=2025-03');
    expect(q1('Complaints received')).toMatchObject({ Section: 'Complaints', Value: '12' });
    expect(q1('Complaints answered')?.Value).toBe('10');
    expect(q1('Complaints answered on time')?.Value).toBe('5');
    expect(q1('Complaints upheld or partly upheld')?.Value).toBe('5');
    expect(q1('Complaints received')!['In the period by']).toContain('the day the complaint arrived');
    const q2 = await csv('?from=2025-04&to=2025-06');
    expect(q2('Complaints received')?.Value).toBe('fewer than 5');
    expect(q2('Complaints answered on time')?.Value).toBe('fewer than 5');
  });
});
