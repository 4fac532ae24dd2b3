// Correcting the record (issue 11): a participant's details and role corrected with the
// old values kept; one added by mistake removed, but not once they have taken part; a case
// passed to another facilitator, who is told; notes that are never edited, allowed on a
// closed case; assessments that keep their earlier versions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryDb, textOf, type TestServer } from '../setup/server';
import { startTeamServer, staffIdOf, staffPost, type SignedInStaff } from '../setup/staff';
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

async function newCase(): Promise<string> {
  const { id } = await sendPartnerReferral(server);
  return (await post(morgan, `/staff/referrals/${id}`, { intent: 'accept', facilitatorId: String(staffId('fran@example.org')) })).url;
}

describe('correcting the record', () => {
  it('a supporter added as “not directly affected” is corrected, so the gate no longer blocks them; the old values are kept', async () => {
    const caseUrl = await newCase();
    const url = (await post(fran, caseUrl, { intent: 'add-participant', role: 'supporter', name: 'Sue Porter', directlyAffected: 'no' })).url;
    expect(textOf((await fran.visitor.get(caseUrl)).html)).toContain('supporters can take part only if directly affected');
    const r = await post(fran, url, { section: 'details', role: 'supporter', name: 'Sue Porter-Smith', directlyAffected: 'yes' });
    expect(r.status).toBe(200);
    expect(textOf((await fran.visitor.get(caseUrl)).html)).not.toContain('supporters can take part only if directly affected');
    const pid = Number(url.split('/').pop());
    const changes = queryDb<{ old_values: string }>(
      server.dbPath,
      "select old_values from participant_changes where participant_id = ? and change = 'edited'",
      pid,
    );
    expect(JSON.parse(changes[0]!.old_values)).toMatchObject({ name: 'Sue Porter', directlyAffected: false });
    const audit = queryDb<{ n: number }>(
      server.dbPath,
      "select count(*) as n from audit_events where action = 'participant.updated' and subject_id = ?",
      String(pid),
    );
    expect(audit[0]!.n).toBe(1);
    // Bad input: 400, nothing changed.
    expect((await post(fran, url, { section: 'details', role: 'nobody', name: '' })).status).toBe(400);
    expect(queryDb<{ name: string }>(server.dbPath, 'select name from participants where id = ?', pid)[0]!.name).toBe('Sue Porter-Smith');
    // Another facilitator cannot.
    expect((await post(otto, url, { section: 'details', role: 'victim', name: 'Hijack' })).status).toBe(404);
  });

  it('removes someone added by mistake, but not once they have taken part', async () => {
    const caseUrl = await newCase();
    const mistake = (await post(fran, caseUrl, { intent: 'add-participant', role: 'victim', name: 'Wrong Person' })).url;
    const real = (await post(fran, caseUrl, { intent: 'add-participant', role: 'victim', name: 'Right Person' })).url;
    await post(fran, real, { section: 'contact', contactedOn: '2026-11-20', method: 'phone', outcome: 'Talked' });
    expect((await post(fran, real, { section: 'remove' })).status).toBe(409);
    const removed = await post(fran, mistake, { section: 'remove' });
    expect(removed.url).toBe(caseUrl);
    const page = textOf((await fran.visitor.get(caseUrl)).html);
    expect(page).not.toContain('Wrong Person');
    expect(page).toContain('Right Person');
    expect(queryDb<{ n: number }>(server.dbPath, "select count(*) as n from participant_changes where change = 'removed'")[0]!.n).toBe(1);
    // The manager's audit trail still lists the removal.
    expect(textOf((await morgan.visitor.get(`${caseUrl}/audit`)).html)).toContain('Participant removed (added by mistake)');
  });

  it('a manager passes a case on with a note; the new facilitator is told and sees it; the old one no longer can', async () => {
    const caseUrl = await newCase();
    expect((await post(fran, caseUrl, { intent: 'reassign', facilitatorId: String(staffId('otto@example.org')), note: 'Fran is away' })).status).toBe(404);
    const r = await post(morgan, caseUrl, { intent: 'reassign', facilitatorId: String(staffId('otto@example.org')), note: 'Fran is away for a month' });
    expect(r.url).toBe(caseUrl);
    expect(textOf((await otto.visitor.get(caseUrl)).html)).toContain('passed to Otto Other. Fran is away for a month');
    expect((await fran.visitor.get(caseUrl)).status).toBe(404);
    const email = queryDb<{ text: string }>(server.dbPath, "select text from outbox where template = 'case-reassigned'").at(-1)!;
    expect(email.text).not.toContain('Fran is away');
  });

  it('notes are never edited; a correction names the old note; a closed case still takes notes', async () => {
    const caseUrl = await newCase();
    await post(fran, caseUrl, { intent: 'note', body: 'Called the victim; no answer.' });
    const first = queryDb<{ id: number }>(server.dbPath, 'select id from case_notes order by id desc limit 1')[0]!.id;
    await post(fran, caseUrl, { intent: 'note', body: 'Correction: it was the referrer I called.', corrects: String(first) });
    const page = textOf((await fran.visitor.get(caseUrl)).html);
    expect(page).toContain('Called the victim; no answer.');
    expect(page).toContain(`Corrects note ${first}`);
    expect((await post(fran, caseUrl, { intent: 'note', body: '' })).status).toBe(400);
    expect((await post(fran, caseUrl, { intent: 'note', body: 'x', corrects: '999999' })).status).toBe(400);
    await post(fran, caseUrl, { intent: 'move', from: 'referred', to: 'closed', closureReason: 'could_not_contact' });
    expect((await post(fran, caseUrl, { intent: 'note', body: 'After closure: the victim rang back.' })).url).toBe(caseUrl);
    expect((await post(fran, caseUrl, { intent: 'add-participant', role: 'victim', name: 'Too Late' })).status).toBe(409);
  });

  it('an assessment keeps its earlier versions, shown on request', async () => {
    const caseUrl = await newCase();
    const url = (await post(fran, caseUrl, { intent: 'add-participant', role: 'victim', name: 'Val Version' })).url;
    await post(fran, url, { section: 'willing', willing: 'unsure' });
    await post(fran, url, { section: 'willing', willing: 'yes', motive: 'Wants to be heard', expectations: 'Answers and an apology' });
    const page = textOf((await fran.visitor.get(url)).html);
    expect(page).toContain('Earlier versions of the assessment (2)');
    expect(page).toContain('willing: unsure');
    expect(page).toContain('willing: yes');
  });
});
