// The facilitator's worklist over HTTP: their own cases only, each with its next action and
// due date; a referrer's alarmed message puts the case at the top as urgent and emails the
// facilitator without content; opening the case marks it read; a search by name is a POST
// and reaches only the cases the searcher may see; a manager sees the whole team.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryDb, textOf, Visitor, type TestServer } from '../setup/server';
import { startTeamServer, staffIdOf, staffPost, type SignedInStaff } from '../setup/staff';
import { referInFull, signIn } from './flow';
import { sendPartnerReferral } from './partner';

let server: TestServer;
let fran: SignedInStaff;
let otto: SignedInStaff;
let morgan: SignedInStaff;

beforeAll(async () => {
  ({ server, fran, otto, morgan } = await startTeamServer());
});
afterAll(() => server?.stop());

const post = staffPost;
const staffId = (email: string) => staffIdOf(server, email);

async function acceptInto(referralId: number, who: SignedInStaff, email: string) {
  const r = await post(morgan, `/staff/referrals/${referralId}`, { intent: 'accept', facilitatorId: String(staffId(email)) });
  expect(r.url).toMatch(/^\/staff\/cases\/\d+$/);
  return r.url;
}

const partnerReferral = () => sendPartnerReferral(server);

/** Rows of the worklist table as text, in order. */
async function worklist(s: SignedInStaff, query = '') {
  const page = await s.visitor.get(`/staff/cases${query}`);
  expect(page.status).toBe(200);
  const body = /<tbody[^>]*>([\s\S]*?)<\/tbody>/.exec(page.html)?.[1] ?? '';
  return [...body.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)].map((m) => textOf(m[1]!));
}

describe('the worklist', () => {
  it('shows a facilitator their own cases with the next action and the Victims’ Code clocks', async () => {
    const mine = await partnerReferral();
    const theirs = await partnerReferral();
    const caseUrl = await acceptInto(mine.id, fran, 'fran@example.org');
    await acceptInto(theirs.id, otto, 'otto@example.org');
    // Arrived 8 days ago: first contact (2 working days) and information (5) are overdue.
    const db = new Database(server.dbPath);
    db.prepare('update referrals set created_at = ? where id = ?').run(Date.now() - 8 * 86_400_000, mine.id);
    db.close();

    const rows = await worklist(fran);
    expect(rows.some((r) => r.includes(mine.reference))).toBe(true);
    expect(rows.some((r) => r.includes(theirs.reference))).toBe(false);
    const row = rows.find((r) => r.includes(mine.reference))!;
    expect(row).toContain('Make first contact');
    expect(row).toContain('Overdue');
    expect(row).toContain('No contact yet');
    expect(rows.find((r) => r.includes(mine.reference))).toBeDefined();
    // Filters in the query string: overdue only still shows it; letters paused does not.
    expect((await worklist(fran, '?due=breached')).some((r) => r.includes(mine.reference))).toBe(true);
    expect((await worklist(fran, '?flag=paused')).some((r) => r.includes(mine.reference))).toBe(false);
    // A facilitator cannot ask for another's list: the filter is ignored.
    expect((await worklist(fran, `?who=${staffId('otto@example.org')}`)).some((r) => r.includes(theirs.reference))).toBe(false);

    // A contact recorded: the first-contact action goes, the last contact shows.
    const participant = (await post(fran, caseUrl, { intent: 'add-participant', role: 'victim', name: 'Vic Tim' })).url;
    await post(fran, participant, { section: 'contact', contactedOn: new Date().toISOString().slice(0, 10), method: 'phone', outcome: 'Talked' });
    const after = (await worklist(fran)).find((r) => r.includes(mine.reference))!;
    expect(after).not.toContain('Make first contact');
    expect(after).toContain('Give the victim information about restorative justice');
    expect(after).toContain('Today');
  });

  it('an alarmed message from a referrer puts the case first, as urgent, and emails the facilitator without content', async () => {
    const v = new Visitor(server.url);
    const issued = await referInFull(v);
    const referralId = queryDb<{ id: number }>(server.dbPath, 'select id from referrals where reference = ?', issued.reference)[0]!.id;
    const caseUrl = await acceptInto(referralId, fran, 'fran@example.org');
    await signIn(v, issued.reference, issued.passphrase);
    const before = queryDb<{ n: number }>(server.dbPath, "select count(*) as n from outbox where template = 'case-message'")[0]!.n;
    expect((await v.post('/check-your-referral/status', { body: 'He knows where I live now. I am scared.' })).status).toBe(200);

    const rows = await worklist(fran);
    expect(rows[0]).toContain(issued.reference);
    expect(rows[0]).toContain('Urgent message');
    expect(rows[0]).toContain('Read the new message now');
    const emails = queryDb<{ subject: string; text: string; html: string }>(
      server.dbPath,
      "select subject, text, html from outbox where template = 'case-message'",
    );
    expect(emails.length).toBe(before + 1);
    expect(emails.at(-1)!.subject).toContain('Urgent');
    for (const secret of ['knows where', 'scared', issued.reference]) expect(JSON.stringify(emails.at(-1))).not.toContain(secret);

    // A manager looking does not mark it read for the facilitator; the facilitator opening it does.
    await morgan.visitor.get(caseUrl);
    expect((await worklist(fran))[0]).toContain('Urgent message');
    const opened = await fran.visitor.get(caseUrl);
    expect(textOf(opened.html)).toContain('A new message may be about someone’s safety');
    expect((await worklist(fran)).find((r) => r.includes(issued.reference))).not.toContain('Urgent message');
  });

  it('search by name is a POST, finds only cases the searcher may see, and keeps the name out of the address', async () => {
    const r = await partnerReferral();
    const caseUrl = await acceptInto(r.id, otto, 'otto@example.org');
    await post(otto, caseUrl, { intent: 'add-participant', role: 'offender', name: 'Zebedee Searchable' });
    const found = await post(otto, '/staff/cases', { q: 'zebedee' });
    expect(found.status).toBe(200);
    expect(found.url).toBe('/staff/cases');
    expect(textOf(found.html)).toContain(r.reference);
    const byRef = await post(otto, '/staff/cases', { q: r.reference.slice(3, 9).toLowerCase() });
    expect(textOf(byRef.html)).toContain(r.reference);
    // Another facilitator searching the same name finds nothing.
    expect(textOf((await post(fran, '/staff/cases', { q: 'zebedee' })).html)).toContain('Cases matching your search: 0');
    // Wildcards are taken literally; too short and too long are refused with a message.
    expect(textOf((await post(otto, '/staff/cases', { q: '%%' })).html)).toContain('Cases matching your search: 0');
    expect((await post(otto, '/staff/cases', { q: 'z' })).status).toBe(400);
    expect((await post(otto, '/staff/cases', { q: 'z'.repeat(101) })).status).toBe(400);
    // A manager searching finds it; the team view shows the facilitator's name.
    expect(textOf((await post(morgan, '/staff/cases', { q: 'Zebedee' })).html)).toContain(r.reference);
    const team = await worklist(morgan);
    expect(team.find((row) => row.includes(r.reference))).toContain('Otto Other');
    expect((await worklist(morgan, `?who=${staffId('fran@example.org')}`)).some((row) => row.includes(r.reference))).toBe(false);
  });
});
