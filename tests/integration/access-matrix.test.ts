// Every route, and what each kind of visitor gets from it: 200, a redirect, or 404.
// A route file with no entry here fails the test, so a new page must say who may see it.
import { readdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryDb, startServer, Visitor, type TestServer } from '../setup/server';
import { setUpStaff, type SignedInStaff } from '../setup/staff';
import { buildExchange, sendLetter } from './exchange-fixture';
import { referInFull, signIn } from './flow';

type Status = 200 | 'redirect' | 404;
type Actor =
  | 'anonymous'
  | 'referrer'
  | 'facilitatorNotAssigned'
  | 'facilitatorAssigned'
  | 'manager'
  | 'participantAuthor'
  | 'participantOtherSide'
  | 'participantOtherCase';
type StaffAndPublic = 'anonymous' | 'referrer' | 'facilitatorNotAssigned' | 'facilitatorAssigned' | 'manager';
// Participants get what an anonymous visitor gets unless an entry says otherwise.
type Expect = Status | (Record<StaffAndPublic, Status> & Partial<Record<Actor, Status>>);
const ACTORS: Actor[] = [
  'anonymous',
  'referrer',
  'facilitatorNotAssigned',
  'facilitatorAssigned',
  'manager',
  'participantAuthor',
  'participantOtherSide',
  'participantOtherCase',
];

const publicPage: Expect = 200;
const referrerOnly: Expect = { anonymous: 'redirect', referrer: 200, facilitatorNotAssigned: 'redirect', facilitatorAssigned: 'redirect', manager: 'redirect' };
const anyStaff: Expect = { anonymous: 'redirect', referrer: 'redirect', facilitatorNotAssigned: 200, facilitatorAssigned: 200, manager: 200 };
const assignedOrManager: Expect = { anonymous: 'redirect', referrer: 'redirect', facilitatorNotAssigned: 404, facilitatorAssigned: 200, manager: 200 };
const managerOnly: Expect = { anonymous: 'redirect', referrer: 'redirect', facilitatorNotAssigned: 404, facilitatorAssigned: 404, manager: 200 };
const staffSignIn: Expect = { anonymous: 200, referrer: 200, facilitatorNotAssigned: 'redirect', facilitatorAssigned: 'redirect', manager: 'redirect' };
const referrerSignIn: Expect = { anonymous: 200, referrer: 'redirect', facilitatorNotAssigned: 200, facilitatorAssigned: 200, manager: 200 };

type Ids = {
  referralId: number;
  caseId: number;
  participantId: number;
  letterCaseId: number;
  passedOnLetterId: number;
  draftLetterId: number;
  processId: number;
  meetingId: number;
  itemId: number;
  staffUserId: number;
  rightsRequestId: number;
  complaintId: number;
};
const nonMembers = {
  anonymous: 'redirect',
  referrer: 'redirect',
  facilitatorNotAssigned: 'redirect',
  facilitatorAssigned: 'redirect',
  manager: 'redirect',
} as const;
const anyMember: Expect = { ...nonMembers, participantAuthor: 200, participantOtherSide: 200, participantOtherCase: 200 };
const MATRIX: Record<string, { path: (ids: Ids) => string; expect: Expect }> = {
  _index: { path: () => '/', expect: publicPage },
  accessibility: { path: () => '/accessibility', expect: publicPage },
  contact: { path: () => '/contact', expect: publicPage },
  'is-it-right-for-me': { path: () => '/is-it-right-for-me', expect: publicPage },
  'leave-this-site-quickly': { path: () => '/leave-this-site-quickly', expect: publicPage },
  'robots[.]txt': { path: () => '/robots.txt', expect: publicPage },
  'sitemap[.]xml': { path: () => '/sitemap.xml', expect: publicPage },
  privacy: { path: () => '/privacy', expect: publicPage },
  professionals: { path: () => '/professionals', expect: publicPage },
  questions: { path: () => '/questions', expect: publicPage },
  'ways-it-can-happen': { path: () => '/ways-it-can-happen', expect: publicPage },
  'what-happens-next': { path: () => '/what-happens-next', expect: publicPage },
  'what-is-restorative-justice': { path: () => '/what-is-restorative-justice', expect: publicPage },
  'what-the-evidence-says': { path: () => '/what-the-evidence-says', expect: publicPage },
  'refer._index': { path: () => '/refer', expect: publicPage },
  'refer.$step': { path: () => '/refer/who', expect: publicPage },
  'refer.check-answers': { path: () => '/refer/check-answers', expect: publicPage },
  'refer.confirmation': { path: () => '/refer/confirmation', expect: 'redirect' }, // only with a just-sent referral
  'refer.sent': { path: () => '/refer/sent', expect: publicPage },
  'refer-as-a-professional._index': { path: () => '/refer-as-a-professional', expect: publicPage },
  'refer-as-a-professional.sent': { path: () => '/refer-as-a-professional/sent', expect: 'redirect' },
  'complaint._index': { path: () => '/complaint', expect: publicPage },
  'complaint.sent': { path: () => '/complaint/sent', expect: 'redirect' }, // only with a just-sent complaint
  'check-your-referral._index': { path: () => '/check-your-referral', expect: referrerSignIn },
  'check-your-referral.status': { path: () => '/check-your-referral/status', expect: referrerOnly },
  // The referrer here has no case, so no agreement: 404 after the sign-in check.
  'check-your-referral.agreement': { path: () => '/check-your-referral/agreement', expect: { ...referrerOnly, referrer: 404 } },
  'you-said-we-did': { path: () => '/you-said-we-did', expect: publicPage },
  'check-your-referral.withdraw': { path: () => '/check-your-referral/withdraw', expect: referrerOnly },
  'check-your-referral.delete': { path: () => '/check-your-referral/delete', expect: referrerOnly },
  'check-your-referral.deleted': { path: () => '/check-your-referral/deleted', expect: publicPage },
  'check-your-referral.sign-out': { path: () => '/check-your-referral/sign-out', expect: publicPage },
  'check-your-referral.letters': { path: () => '/check-your-referral/letters', expect: 'redirect' }, // a button's target, never a page
  'check-your-referral.download': { path: () => '/check-your-referral/download', expect: 'redirect' }, // a button's target (POST), never a page
  staff: { path: () => '/staff', expect: anyStaff }, // the layout, seen through its index
  'staff._index': { path: () => '/staff', expect: anyStaff },
  'staff.sign-in': { path: () => '/staff/sign-in', expect: staffSignIn },
  'staff.sign-in_.code': { path: () => '/staff/sign-in/code', expect: 'redirect' }, // only between password and code
  'staff.set-up': { path: () => '/staff/set-up?token=not-a-real-token', expect: 404 },
  'staff.set-up_.authenticator': { path: () => '/staff/set-up/authenticator', expect: 'redirect' },
  'staff.sign-out': { path: () => '/staff/sign-out', expect: publicPage },
  'staff.cases._index': { path: () => '/staff/cases', expect: anyStaff },
  'staff.referrals.$id': { path: (i) => `/staff/referrals/${i.referralId}`, expect: assignedOrManager },
  'staff.cases.$id._index': { path: (i) => `/staff/cases/${i.caseId}`, expect: assignedOrManager },
  'staff.cases.$id.participants.$pid': { path: (i) => `/staff/cases/${i.caseId}/participants/${i.participantId}`, expect: assignedOrManager },
  'staff.cases.$id.audit': { path: (i) => `/staff/cases/${i.caseId}/audit`, expect: managerOnly },
  'staff.accounts': { path: () => '/staff/accounts', expect: managerOnly },
  'staff.accounts_.$id': { path: (i) => `/staff/accounts/${i.staffUserId}`, expect: managerOnly },
  'staff.accounts_.$id_.activity': { path: (i) => `/staff/accounts/${i.staffUserId}/activity`, expect: managerOnly },
  'staff.cases.$id.hold': { path: (i) => `/staff/cases/${i.caseId}/hold`, expect: managerOnly },
  'staff.data-protection': { path: () => '/staff/data-protection', expect: managerOnly },
  'staff.requests': { path: () => '/staff/requests', expect: managerOnly },
  'staff.requests_.$id': { path: (i) => `/staff/requests/${i.rightsRequestId}`, expect: managerOnly },
  'staff.subject-access.$kind.$id': { path: (i) => `/staff/subject-access/participant/${i.participantId}`, expect: managerOnly },
  'staff.subject-access.$kind.$id_.file': { path: (i) => `/staff/subject-access/self-referrer/${i.referralId}/file`, expect: managerOnly },
  'staff.complaints._index': { path: () => '/staff/complaints', expect: managerOnly },
  'staff.you-said-we-did': { path: () => '/staff/you-said-we-did', expect: managerOnly },
  'staff.complaints.$id': { path: (i) => `/staff/complaints/${i.complaintId}`, expect: managerOnly },
  'staff.letters._index': { path: () => '/staff/letters', expect: anyStaff },
  'staff.emails': { path: () => '/staff/emails', expect: anyStaff },
  'staff.letters.$id._index': { path: (i) => `/staff/letters/${i.passedOnLetterId}`, expect: assignedOrManager },
  'staff.letters.$id.print': { path: (i) => `/staff/letters/${i.passedOnLetterId}/print`, expect: assignedOrManager },
  'staff.cases.$id.letters': { path: (i) => `/staff/cases/${i.letterCaseId}/letters`, expect: assignedOrManager },
  'staff.cases.$id.letters_.print': { path: (i) => `/staff/cases/${i.letterCaseId}/letters/print`, expect: assignedOrManager },
  'staff.cases.$id.feedback': { path: (i) => `/staff/cases/${i.letterCaseId}/feedback`, expect: assignedOrManager },
  'staff.feedback': { path: () => '/staff/feedback', expect: anyStaff },
  'staff.reports._index': { path: () => '/staff/reports', expect: anyStaff }, // a facilitator sees their own caseload
  'staff.reports.definitions': { path: () => '/staff/reports/definitions', expect: anyStaff },
  'staff.reports.return[.]csv': { path: () => '/staff/reports/return.csv', expect: managerOnly },
  'staff.reports.cases[.]csv': { path: () => '/staff/reports/cases.csv', expect: managerOnly },
  'feedback._index': { path: () => '/feedback', expect: publicPage },
  'feedback.$question': { path: () => '/feedback/satisfaction', expect: 'redirect' }, // only with a survey under way
  'feedback.thanks': { path: () => '/feedback/thanks', expect: publicPage },
  'staff.reports.equality': { path: () => '/staff/reports/equality', expect: managerOnly },
  'staff.reports.equality[.]csv': { path: () => '/staff/reports/equality.csv', expect: managerOnly },
  'equality._index': { path: () => '/equality', expect: publicPage },
  'equality.$question': { path: () => '/equality/age', expect: 'redirect' }, // only with the questions under way
  'equality.thanks': { path: () => '/equality/thanks', expect: publicPage },
  'staff.cases.$id.outcome': { path: (i) => `/staff/cases/${i.letterCaseId}/outcome`, expect: assignedOrManager },
  'staff.cases.$id.agreement': { path: (i) => `/staff/cases/${i.letterCaseId}/agreement`, expect: assignedOrManager },
  'staff.cases.$id.processes.$pid': { path: (i) => `/staff/cases/${i.letterCaseId}/processes/${i.processId}`, expect: assignedOrManager },
  'staff.cases.$id.meetings.$mid': { path: (i) => `/staff/cases/${i.letterCaseId}/meetings/${i.meetingId}`, expect: assignedOrManager },
  'staff.cases.$id.items.$iid': { path: (i) => `/staff/cases/${i.letterCaseId}/items/${i.itemId}`, expect: assignedOrManager },
  'letters._index': {
    path: () => '/letters',
    expect: {
      anonymous: 200,
      referrer: 200,
      facilitatorNotAssigned: 200,
      facilitatorAssigned: 200,
      manager: 200,
      participantAuthor: 'redirect',
      participantOtherSide: 'redirect',
      participantOtherCase: 'redirect',
    },
  },
  'letters.set-up': { path: () => '/letters/set-up', expect: publicPage },
  'letters.sign-out': { path: () => '/letters/sign-out', expect: publicPage },
  'letters.home': { path: () => '/letters/home', expect: anyMember },
  // The agreement is the letter case's: its two members read it, a member of another case has none.
  'letters.agreement': { path: () => '/letters/agreement', expect: { ...anyMember, participantOtherCase: 404 } },
  'letters.write': { path: () => '/letters/write', expect: anyMember },
  'letters.pause': { path: () => '/letters/pause', expect: anyMember },
  'letters.preview.$id': {
    path: (i) => `/letters/preview/${i.draftLetterId}`,
    expect: { ...nonMembers, participantAuthor: 200, participantOtherSide: 404, participantOtherCase: 404 },
  },
  'letters.read.$id': {
    path: (i) => `/letters/read/${i.passedOnLetterId}`,
    expect: { ...nonMembers, participantAuthor: 404, participantOtherSide: 200, participantOtherCase: 404 },
  },
  // Chooses a language for the browser session, and goes back.
  language: { path: () => '/language?to=cy&back=/', expect: 'redirect' },
  // Last: it ends the visitor's sessions, for everyone a redirect to the neutral site.
  exit: { path: () => '/exit', expect: 'redirect' },
};

let server: TestServer;
let visitors: Record<Actor, Visitor>;
let ids: Ids;

beforeAll(async () => {
  server = await startServer();
  const [assigned, other, manager] = await Promise.all([
    setUpStaff(server, { email: 'assigned@example.org', name: 'Asha Assigned', role: 'facilitator' }),
    setUpStaff(server, { email: 'other@example.org', name: 'Otis Other', role: 'facilitator' }),
    setUpStaff(server, { email: 'manager@example.org', name: 'Mina Manager', role: 'manager' }),
  ]);
  const issued = await referInFull(new Visitor(server.url));
  const referrer = new Visitor(server.url);
  await signIn(referrer, issued.reference, issued.passphrase);
  const db = new Database(server.dbPath, { readonly: true });
  const referralId = (db.prepare('select id from referrals where reference = ?').get(issued.reference) as { id: number }).id;
  const assignedId = (db.prepare("select id from staff_users where email = 'assigned@example.org'").get() as { id: number }).id;
  db.close();
  const accepted = await assigned.visitor.post(`/staff/referrals/${referralId}`, { csrf: assigned.csrf, intent: 'accept', facilitatorId: String(assignedId) });
  const caseId = Number(accepted.url.split('/').pop());
  const db2 = new Database(server.dbPath, { readonly: true });
  const participantId = (db2.prepare('select id from participants where case_id = ?').get(caseId) as { id: number }).id;
  db2.close();
  // A letter exchange on a case of the assigned facilitator, and one on the other's.
  const mine = await buildExchange(server, assigned);
  const theirs = await buildExchange(server, other, { victim: 'Yara Victim', offender: 'Yusuf Offender' });
  const passedOnLetterId = await sendLetter(mine.victim, 'A letter for the matrix');
  const review = await assigned.visitor.get(`/staff/letters/${passedOnLetterId}`);
  const versionId = /name="versionId" value="(\d+)"/.exec(review.html)![1]!;
  await assigned.visitor.post(`/staff/letters/${passedOnLetterId}`, { csrf: assigned.csrf, decision: 'approve', versionId });
  const write = await mine.victim.visitor.get('/letters/write');
  const recipient = /name="recipient" value="(\d+)"/.exec(write.html)![1]!;
  const draft = await mine.victim.visitor.post('/letters/write', { intent: 'save', recipient, body: 'a draft' });
  const draftLetterId = Number(new URL(draft.url, server.url).searchParams.get('letter'));
  // A meeting and an agreed item on the same case: both people may meet as well as write.
  const act = (path: string, body: Record<string, string | string[]>) => assigned.visitor.post(path, { csrf: assigned.csrf, ...body });
  const today = new Date().toISOString().slice(0, 10);
  for (const url of Object.values(mine.participantUrls))
    await act(url, { section: 'risk', riskAssessedOn: today, revictimisationRisk: 'low', riskDecision: 'direct', riskReason: 'A meeting too' });
  const outcomeUrl = `/staff/cases/${mine.caseId}/outcome`;
  await act(outcomeUrl, { intent: 'start-process', processKind: 'face_to_face', startedOn: today });
  const db3 = new Database(server.dbPath, { readonly: true });
  const processId = (db3.prepare('select id from processes where case_id = ?').get(mine.caseId) as { id: number }).id;
  const people = db3.prepare('select id from participants where case_id = ?').all(mine.caseId) as { id: number }[];
  db3.close();
  const attendees = people.map((p) => String(p.id));
  await act(outcomeUrl, { intent: 'plan-meeting', processId: String(processId), startsOn: today, startsTime: '10:00', mode: 'video', attendees });
  await act(outcomeUrl, { intent: 'add-item', itemKind: 'apology', description: 'An apology', participantId: attendees[1]!, dueOn: today, evidence: 'Seen' });
  const db4 = new Database(server.dbPath, { readonly: true });
  const meetingId = (db4.prepare('select id from meetings where case_id = ?').get(mine.caseId) as { id: number }).id;
  const itemId = (db4.prepare('select id from agreement_items where case_id = ?').get(mine.caseId) as { id: number }).id;
  const staffUserId = (db4.prepare("select id from staff_users where role = 'facilitator' limit 1").get() as { id: number }).id;
  db4.close();
  await manager.visitor.post('/staff/requests', { csrf: manager.csrf, intent: 'record', kind: 'access', requester: 'Someone', receivedOn: today });
  const rightsRequestId = queryDb<{ id: number }>(server.dbPath, 'select id from rights_requests')[0]!.id;
  // A complaint, recorded by the manager as one that arrived by phone.
  const complaint = await manager.visitor.post('/staff/complaints', {
    csrf: manager.csrf,
    intent: 'record',
    receivedVia: 'phone',
    receivedOn: today,
    body: 'A complaint for the matrix',
  });
  const complaintId = Number(/^\/staff\/complaints\/(\d+)$/.exec(complaint.url)?.[1]);
  ids = {
    referralId,
    caseId,
    participantId,
    letterCaseId: mine.caseId,
    passedOnLetterId,
    draftLetterId,
    processId,
    meetingId,
    itemId,
    staffUserId,
    rightsRequestId,
    complaintId,
  };
  const staffVisitor = (s: SignedInStaff) => s.visitor;
  visitors = {
    anonymous: new Visitor(server.url),
    referrer,
    facilitatorNotAssigned: staffVisitor(other),
    facilitatorAssigned: staffVisitor(assigned),
    manager: staffVisitor(manager),
    participantAuthor: mine.victim.visitor,
    participantOtherSide: mine.offender.visitor,
    participantOtherCase: theirs.victim.visitor,
  };
});
afterAll(() => server?.stop());

async function statusOf(v: Visitor, path: string): Promise<Status | number> {
  const res = await fetch(new URL(path, server.url), { redirect: 'manual', headers: { Cookie: [...v.cookies].map(([k, x]) => `${k}=${x}`).join('; ') } });
  await res.arrayBuffer();
  if (res.status >= 300 && res.status < 400) return 'redirect';
  return res.status;
}

describe('access matrix', () => {
  it('lists every route file', () => {
    const routes = readdirSync('app/routes')
      .filter((f) => f.endsWith('.tsx') && !f.includes('.test.'))
      .map((f) => f.replace(/\.tsx$/, ''))
      .sort();
    expect(routes).toEqual(Object.keys(MATRIX).sort());
  });

  it('gives each kind of visitor what the matrix says, on every route', async () => {
    const seen: string[] = [];
    for (const [route, entry] of Object.entries(MATRIX)) {
      for (const actor of ACTORS) {
        const expected = typeof entry.expect === 'object' ? (entry.expect[actor] ?? entry.expect.anonymous) : entry.expect;
        const actual = await statusOf(visitors[actor], entry.path(ids));
        seen.push(`${route} as ${actor}: ${actual}`);
        expect(actual, `${route} (${entry.path(ids)}) as ${actor}`).toBe(expected);
      }
    }
    expect(seen).toHaveLength(Object.keys(MATRIX).length * ACTORS.length);
  });
});
