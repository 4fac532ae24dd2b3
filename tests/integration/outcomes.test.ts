// From ready to closed (issue 12): a meeting is planned only when the gate holds for
// everyone attending and each one's risk decision allows a meeting; it is recorded as held
// only when prepared, with risk assessments reviewed recently; a case reaches "outcome"
// only with a completed process; agreed items fall due on the worklist; closing as
// completed needs every item done, and closing ends what was still running.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryDb, textOf, type TestServer } from '../setup/server';
import { startTeamServer, staffPost, type SignedInStaff } from '../setup/staff';
import { buildExchange, everythingSeenBy, sendLetter } from './exchange-fixture';
import { readyCase, type Ready } from './case-fixture';

let server: TestServer;
let fran: SignedInStaff;
let otto: SignedInStaff;
let morgan: SignedInStaff;

beforeAll(async () => {
  ({ server, fran, otto, morgan } = await startTeamServer());
});
afterAll(() => server?.stop());

const post = staffPost;
const today = new Date().toISOString().slice(0, 10);
const daysFrom = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const all = <T>(sql: string, ...args: unknown[]) => queryDb<T>(server.dbPath, sql, ...args);
const text = async (url: string, who = fran) => textOf((await who.visitor.get(url)).html);

async function startProcess(c: Ready, processKind: string) {
  const r = await post(fran, c.outcomeUrl, { intent: 'start-process', processKind, startedOn: today });
  expect(r.status).toBe(200);
  return all<{ id: number }>('select id from processes where case_id = ? order by id desc', Number(c.caseUrl.split('/').pop()))[0]!.id;
}

const plan = (c: Ready, processId: number, attendees: number[], over: Record<string, string> = {}) =>
  post(fran, c.outcomeUrl, {
    intent: 'plan-meeting',
    processId: String(processId),
    startsOn: today,
    startsTime: '10:00',
    mode: 'in_person',
    venue: 'Community hall',
    attendees: attendees.map(String),
    ...over,
  });

describe('meetings', () => {
  it('cannot be planned unless everyone attending may meet; the refusal names who and what', async () => {
    const c = await readyCase(server, { fran, morgan }, 'indirect_only');
    const letters = await startProcess(c, 'letters');
    expect((await plan(c, letters, [c.victim, c.offender])).status).toBe(409); // letters have no meetings
    // A conference is refused from the start: the risk decisions allow letters only (issue 23).
    const refused = await post(fran, c.outcomeUrl, { intent: 'start-process', processKind: 'face_to_face', startedOn: today });
    expect(refused.status).toBe(409);
    expect(textOf(refused.html)).toContain('Vera Victim (victim): the risk assessment allows letters or messages only, not a meeting');
    expect(textOf(refused.html)).toContain('Owen Offender (person responsible): the risk assessment allows letters or messages only, not a meeting');
    const d = await readyCase(server, { fran, morgan }, 'direct');
    const conference = await startProcess(d, 'face_to_face');
    const alone = await plan(d, conference, [d.victim]);
    expect(textOf(alone.html)).toContain('The person responsible must attend');
    expect(all('select id from meetings where process_id = ?', conference)).toEqual([]);
    // Bad input: 400 with a message, nothing written.
    const bad = await plan(d, conference, [d.victim, d.offender], { startsTime: '25:99', mode: 'in_person', venue: '' });
    expect(bad.status).toBe(400);
    expect(textOf(bad.html)).toContain('Enter the time, like 14:30');
    expect(textOf(bad.html)).toContain('Enter the venue’s name (not its address)');
  });

  it('is recorded as held only when prepared and every attendee’s risk assessment is recent', async () => {
    const c = await readyCase(server, { fran, morgan }, 'direct', '2026-01-05');
    const conference = await startProcess(c, 'face_to_face');
    expect((await plan(c, conference, [c.victim, c.offender])).url).toBe(new URL(c.outcomeUrl, server.url).pathname);
    const meetingId = all<{ id: number }>('select id from meetings where process_id = ?', conference)[0]!.id;
    const meetingUrl = `${c.caseUrl}/meetings/${meetingId}`;
    expect(all('select participant_id from meeting_attendees where meeting_id = ? order by participant_id', meetingId)).toHaveLength(2);

    const unprepared = await post(fran, meetingUrl, { intent: 'record', result: 'held', record: 'It went well' });
    expect(unprepared.status).toBe(409);
    await post(fran, meetingUrl, { intent: 'prepare', checklist: ['prepared', 'venue_safe', 'separate_rooms', 'needs_met'] });
    const page = await text(meetingUrl);
    expect(page).toContain('Vera Victim: review the risk assessment before the meeting');
    expect((await post(fran, meetingUrl, { intent: 'record', result: 'held', record: 'It went well' })).status).toBe(409);
    for (const url of Object.values(c.urls))
      await post(fran, url, { section: 'risk', riskAssessedOn: today, revictimisationRisk: 'low', riskDecision: 'direct', riskReason: 'Reviewed' });
    expect(await text(meetingUrl)).toContain('Everything is prepared.');
    const held = await post(fran, meetingUrl, { intent: 'record', result: 'held', record: 'Both spoke; an apology was given' });
    expect(held.url).toBe(new URL(c.outcomeUrl, server.url).pathname);
    expect(all('select status, record from meetings where id = ?', meetingId)).toEqual([{ status: 'held', record: 'Both spoke; an apology was given' }]);
    // Recorded once: a second record is refused.
    expect((await post(fran, meetingUrl, { intent: 'record', result: 'cancelled', record: 'Oops' })).status).toBe(409);
    // Another facilitator cannot see or change it.
    expect((await otto.visitor.get(meetingUrl)).status).toBe(404);
    expect((await post(otto, meetingUrl, { intent: 'prepare', checklist: [] })).status).toBe(404);
  });
});

describe('outcome, agreement and closure', () => {
  it('reaches outcome only with a completed process; overdue items show on the worklist; completed closure needs every item done', async () => {
    const c = await readyCase(server, { fran, morgan }, 'direct');
    const processId = await startProcess(c, 'phone_video');
    await post(fran, c.caseUrl, { intent: 'move', from: 'ready', to: 'in_progress' });
    const early = await post(fran, c.caseUrl, { intent: 'move', from: 'in_progress', to: 'outcome' });
    expect(early.status).toBe(409);
    expect(textOf(early.html)).toContain('Record a completed restorative process first');

    const item = await post(fran, c.outcomeUrl, {
      intent: 'add-item',
      itemKind: 'apology',
      description: 'A written apology',
      participantId: String(c.offender),
      dueOn: daysFrom(-3),
      evidence: 'The letter, approved and passed on',
    });
    expect(item.status).toBe(200);
    const itemId = all<{ id: number }>('select id from agreement_items where case_id = ?', Number(c.caseUrl.split('/').pop()))[0]!.id;
    expect(await text(c.outcomeUrl)).toContain('Overdue');
    const reference = /Case (RJ-[A-Z0-9-]+)/.exec(await text(c.caseUrl))![1]!;
    const row = /<tr[^>]*>(?:(?!<\/tr>).)*RJ-[^<]*(?:(?!<\/tr>).)*<\/tr>/gs;
    const worklist = (await fran.visitor.get('/staff/cases')).html;
    const mine = [...worklist.matchAll(row)].map((m) => textOf(m[0])).find((r) => r.includes(reference))!;
    expect(mine).toContain('Check the agreed item is done');
    expect(mine).toContain('Overdue');

    await post(fran, `${c.caseUrl}/processes/${processId}`, { status: 'completed', endedOn: today, outcome: 'They talked for an hour' });
    expect((await post(fran, c.caseUrl, { intent: 'move', from: 'in_progress', to: 'outcome' })).url).toBe(c.caseUrl);
    const tooSoon = await post(fran, c.caseUrl, { intent: 'move', from: 'outcome', to: 'closed', closureReason: 'completed' });
    expect(tooSoon.status).toBe(409);
    expect(textOf(tooSoon.html)).toContain('Some agreed items are not done');
    expect((await post(fran, c.caseUrl, { intent: 'move', from: 'outcome', to: 'closed', closureReason: 'other' })).status).toBe(400);

    expect((await post(fran, `${c.caseUrl}/items/${itemId}`, { status: 'done', completedOn: today })).status).toBe(200);
    expect((await post(fran, c.caseUrl, { intent: 'move', from: 'outcome', to: 'closed', closureReason: 'completed' })).url).toBe(c.caseUrl);
    // Closed: nothing more is recorded.
    expect((await post(fran, c.outcomeUrl, { intent: 'start-process', processKind: 'letters', startedOn: today })).status).toBe(409);
    expect((await post(fran, `${c.caseUrl}/items/${itemId}`, { status: 'partly', completedOn: today })).status).toBe(409);
    const trail = await text(`${c.caseUrl}/audit`, morgan);
    for (const words of ['Restorative process recorded', 'Restorative process ended', 'Agreement item added', 'Agreement item completion recorded'])
      expect(trail).toContain(words);
  });

  it('closing ends what was still running: planned meetings cancelled, processes ended, the letter exchange stopped', async () => {
    const x = await buildExchange(server, fran);
    for (const url of Object.values(x.participantUrls))
      await post(fran, url, { section: 'risk', riskAssessedOn: today, revictimisationRisk: 'low', riskDecision: 'direct', riskReason: 'Meeting too' });
    const ids = all<{ id: number; role: string }>('select id, role from participants where case_id = ?', x.caseId);
    const c: Ready = {
      caseUrl: x.caseUrl,
      outcomeUrl: `${x.caseUrl}/outcome`,
      victim: ids.find((p) => p.role === 'victim')!.id,
      offender: ids.find((p) => p.role === 'offender')!.id,
      urls: x.participantUrls,
    };
    const letterId = await sendLetter(x.victim, 'A letter before the meeting');
    const versionId = /name="versionId" value="(\d+)"/.exec((await fran.visitor.get(`/staff/letters/${letterId}`)).html)![1]!;
    expect((await post(fran, `/staff/letters/${letterId}`, { decision: 'approve', versionId })).status).toBe(200);
    const conference = await startProcess(c, 'face_to_face');
    await plan(c, conference, [c.victim, c.offender], { startsOn: daysFrom(7) });
    const closed = await post(fran, x.caseUrl, { intent: 'move', from: 'ready', to: 'closed', closureReason: 'other', closureNote: 'The victim moved away' });
    expect(closed.url).toBe(x.caseUrl);
    expect(all('select status from meetings where process_id = ?', conference)).toEqual([{ status: 'cancelled' }]);
    expect(all('select status from processes where id = ?', conference)).toEqual([{ status: 'ended_early' }]);
    expect(all('select status from exchanges where case_id = ?', x.caseId)).toEqual([{ status: 'withdrawn' }]);
    expect(await text(x.caseUrl)).toContain('Another reason (say what in a note): The victim moved away');
    // The manager's trail shows every kind of change: the exchange's, the letters', the meeting's, the closure's.
    const trail = await text(`${x.caseUrl}/audit`, morgan);
    for (const words of [
      'Letter exchange opened',
      'Invited to the letter exchange',
      'Participant chose a passphrase',
      'Letter sent for review',
      'Letter passed on',
      'Risk assessment recorded',
      'Restorative process recorded',
      'Meeting planned',
      'Meeting cancelled: the case closed',
      'Restorative process ended',
      'Letter exchange stopped',
      'Invited to give feedback',
    ])
      expect(trail, words).toContain(words);
  });

  it('at outcome, the offender’s progress updates still go through the facilitator before the victim sees them', async () => {
    const x = await buildExchange(server, fran, { victim: 'Ursula Update', offender: 'Uri Update' });
    const ids = all<{ id: number; role: string }>('select id, role from participants where case_id = ?', x.caseId);
    const c: Ready = {
      caseUrl: x.caseUrl,
      outcomeUrl: `${x.caseUrl}/outcome`,
      victim: ids.find((p) => p.role === 'victim')!.id,
      offender: ids.find((p) => p.role === 'offender')!.id,
      urls: x.participantUrls,
    };
    const letters = await startProcess(c, 'letters');
    await post(fran, x.caseUrl, { intent: 'move', from: 'ready', to: 'in_progress' });
    await post(fran, `${x.caseUrl}/processes/${letters}`, { status: 'completed', endedOn: today, outcome: 'Letters exchanged' });
    expect((await post(fran, x.caseUrl, { intent: 'move', from: 'in_progress', to: 'outcome' })).url).toBe(x.caseUrl);
    expect(all('select status from exchanges where case_id = ?', x.caseId)).toEqual([{ status: 'open' }]);
    const letterId = await sendLetter(x.offender, 'PROGRESS-UPDATE: 10 hours of the garden work done');
    expect(await everythingSeenBy(x.victim)).not.toContain('PROGRESS-UPDATE');
    const versionId = /name="versionId" value="(\d+)"/.exec((await fran.visitor.get(`/staff/letters/${letterId}`)).html)![1]!;
    expect((await post(fran, `/staff/letters/${letterId}`, { decision: 'approve', versionId })).status).toBe(200);
    expect(await everythingSeenBy(x.victim)).toContain('PROGRESS-UPDATE');
  });
});

describe('the essentials hold for the whole life of a case (issue 23, defect 1)', () => {
  it('after consent is withdrawn and a sign-off lapses at “in progress”, no process starts or completes and the case does not move forward; recorded again, it may', async () => {
    const c = await readyCase(server, { fran, morgan }, 'direct');
    const caseId = Number(c.caseUrl.split('/').pop());
    // The offender's risk assessment carries a specialist flag, signed off by a manager.
    await post(fran, c.urls.offender, {
      section: 'risk',
      riskAssessedOn: today,
      revictimisationRisk: 'medium',
      specialistFlags: ['domestic_abuse'],
      riskDecision: 'direct',
      riskReason: 'Assessed with the DA lead',
    });
    await post(morgan, c.urls.offender, { section: 'sign-off' });
    const earlier = await startProcess(c, 'letters');
    expect((await post(fran, c.caseUrl, { intent: 'move', from: 'ready', to: 'in_progress' })).url).toBe(c.caseUrl);

    // The defect's reproduction: consent withdrawn, the sign-off lapsed by a re-saved risk assessment.
    expect((await post(fran, c.urls.victim, { section: 'withdraw-consent', withdrawnOn: today })).status).toBe(200);
    await post(fran, c.urls.offender, {
      section: 'risk',
      riskAssessedOn: today,
      revictimisationRisk: 'medium',
      specialistFlags: ['domestic_abuse'],
      riskDecision: 'direct',
      riskReason: 'Reviewed',
    });
    const caseText = await text(c.caseUrl);
    expect(caseText).toContain('The essentials have lapsed since');
    expect(caseText).toContain('Vera Victim (victim): consent has been withdrawn');
    expect(caseText).toContain('Owen Offender (person responsible): a manager must sign off the specialist risk flags');
    // The process running when they lapsed is interrupted for good.
    expect(all('select interrupted_at is not null as interrupted from processes where id = ?', earlier)).toEqual([{ interrupted: 1 }]);

    const started = await post(fran, c.outcomeUrl, { intent: 'start-process', processKind: 'phone_video', startedOn: today });
    expect(started.status).toBe(409);
    expect(textOf(started.html)).toContain('Not while the essentials are missing or a risk decision does not allow it');
    expect(textOf(started.html)).toContain('Vera Victim (victim): consent has been withdrawn');
    expect(all('select id from processes where case_id = ? and kind = ?', caseId, 'phone_video')).toEqual([]);
    const completed = await post(fran, `${c.caseUrl}/processes/${earlier}`, { status: 'completed', endedOn: today, outcome: 'Letters exchanged' });
    expect(completed.status).toBe(409);
    expect(textOf(completed.html)).toContain('it cannot be recorded as completed');
    const item = await post(fran, c.outcomeUrl, {
      intent: 'add-item',
      itemKind: 'apology',
      description: 'An apology',
      participantId: String(c.offender),
      dueOn: daysFrom(10),
      evidence: 'A letter',
    });
    expect(item.status).toBe(409);
    const moved = await post(fran, c.caseUrl, { intent: 'move', from: 'in_progress', to: 'outcome' });
    expect(moved.status).toBe(409);
    expect(textOf(moved.html)).toContain('The essentials have lapsed');
    const closedAsDone = await post(fran, c.caseUrl, { intent: 'move', from: 'in_progress', to: 'closed', closureReason: 'completed' });
    expect(closedAsDone.status).toBe(409);
    expect(all('select stage from cases where id = ?', caseId)).toEqual([{ stage: 'in_progress' }]);
    expect(all('select status from processes where case_id = ?', caseId)).toEqual([{ status: 'running' }]);
    // The worklist asks for them; the audit says what was refused.
    const worklist = textOf((await fran.visitor.get('/staff/cases')).html);
    expect(worklist).toContain('The essentials have lapsed: Vera Victim (victim): consent has been withdrawn (and 1 more)');
    const trail = await text(`${c.caseUrl}/audit`, morgan);
    for (const words of [
      'The essentials lapsed: nothing moves forward until they are recorded again',
      'Restorative process interrupted: the essentials lapsed while it ran',
      'Refused while the essentials are missing: recording a process',
      'Refused: recording a process as completed',
      'Refused while the essentials are missing: adding an agreed item',
      'Refused while the essentials are missing: moving the case forward',
      'Refused: closing as completed',
    ])
      expect(trail, words).toContain(words);

    // Recorded again: consent anew, and the manager signs off the flags as they now are.
    await post(fran, c.urls.victim, { section: 'consent', consentOn: today, consentHow: 'in_person' });
    await post(morgan, c.urls.offender, { section: 'sign-off' });
    expect(await text(c.caseUrl)).not.toContain('The essentials have lapsed');
    expect(await text(`${c.caseUrl}/audit`, morgan)).toContain('The essentials are recorded again');
    // The interrupted process still cannot be completed: it ends early, and a new one starts.
    expect((await post(fran, `${c.caseUrl}/processes/${earlier}`, { status: 'completed', endedOn: today, outcome: 'Letters' })).status).toBe(409);
    expect((await post(fran, `${c.caseUrl}/processes/${earlier}`, { status: 'ended_early', endedOn: today, outcome: 'Consent withdrawn' })).url).toBe(
      new URL(c.outcomeUrl, server.url).pathname,
    );
    const fresh = await startProcess(c, 'phone_video');
    expect((await post(fran, `${c.caseUrl}/processes/${fresh}`, { status: 'completed', endedOn: today, outcome: 'They talked' })).url).toBe(
      new URL(c.outcomeUrl, server.url).pathname,
    );
    expect((await post(fran, c.caseUrl, { intent: 'move', from: 'in_progress', to: 'outcome' })).url).toBe(c.caseUrl);
  });

  it('a risk decision that no longer allows a kind of process refuses it, and interrupts one running', async () => {
    const c = await readyCase(server, { fran, morgan }, 'indirect_only');
    const refused = await post(fran, c.outcomeUrl, { intent: 'start-process', processKind: 'face_to_face', startedOn: today });
    expect(refused.status).toBe(409);
    expect(textOf(refused.html)).toContain('Vera Victim (victim): the risk assessment allows letters or messages only, not a meeting');
    const letters = await startProcess(c, 'letters');
    await post(fran, c.urls.victim, {
      section: 'risk',
      riskAssessedOn: today,
      revictimisationRisk: 'low',
      riskDecision: 'direct_only',
      riskReason: 'Meeting only',
    });
    expect(all('select interrupted_at is not null as interrupted from processes where id = ?', letters)).toEqual([{ interrupted: 1 }]);
    expect(await text(`${c.caseUrl}/processes/${letters}`)).toContain('the essentials lapsed while it ran');
  });
});
