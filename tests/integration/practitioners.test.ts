// Practitioners' records: a manager records supervision, accreditation and CPD; what is
// due shows on the facilitator's home page and the reports; assigning a case to someone
// whose supervision is overdue warns; bad entries are refused whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryDb, textOf, type TestServer } from '../setup/server';
import { startTeamServer, staffIdOf, staffPost, type SignedInStaff } from '../setup/staff';
import { sendPartnerReferral } from './partner';

let server: TestServer;
let fran: SignedInStaff;
let otto: SignedInStaff;
let morgan: SignedInStaff;
let franId: number;
let ottoId: number;

beforeAll(async () => {
  ({ server, fran, otto, morgan } = await startTeamServer());
  franId = staffIdOf(server, 'fran@example.org');
  ottoId = staffIdOf(server, 'otto@example.org');
});
afterAll(() => server?.stop());

const ukDay = (offsetDays: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(Date.now() + offsetDays * 86_400_000));
const entries = () => queryDb<{ n: number }>(server.dbPath, 'select count(*) as n from practice_records')[0]!.n;

async function referralPage(who: SignedInStaff = morgan) {
  const { id } = await sendPartnerReferral(server);
  return (await who.visitor.get(`/staff/referrals/${id}`)).html;
}

describe('practitioners', () => {
  it('overdue supervision shows on the facilitator’s home page, in the reports and when assigning, until it is recorded', async () => {
    // Nothing recorded: both facilitators are overdue.
    let home = textOf((await fran.visitor.get('/staff/cases')).html);
    expect(home).toContain('Your practice');
    expect(home).toContain('Supervision: No supervision recorded');
    let form = await referralPage();
    expect(form).toContain('Fran Facilitator (supervision overdue)');
    expect(textOf(form)).toContain('Supervision is overdue for Fran Facilitator, Otto Other.');
    // Colleagues' supervision is for managers: a facilitator accepting a referral sees none of it.
    expect(await referralPage(fran)).not.toContain('supervision overdue');

    // Eight weeks ago is past the six-week cycle: still overdue.
    const old = await staffPost(morgan, `/staff/accounts/${franId}`, {
      kind: 'supervision',
      onDate: ukDay(-56),
      what: 'Group supervision',
      supervisorId: String(staffIdOf(server, 'morgan@example.org')),
    });
    expect(old.status).toBe(200);
    expect(textOf(old.html)).toContain('Overdue');
    // Today: up to date, and the warning names only Otto.
    await staffPost(morgan, `/staff/accounts/${franId}`, {
      kind: 'supervision',
      onDate: ukDay(0),
      what: 'One-to-one',
      supervisorId: String(staffIdOf(server, 'morgan@example.org')),
    });
    await staffPost(morgan, `/staff/accounts/${franId}`, {
      kind: 'accreditation',
      onDate: ukDay(-300),
      what: 'RJC accredited practitioner',
      renewsOn: ukDay(10),
    });
    await staffPost(morgan, `/staff/accounts/${franId}`, { kind: 'cpd', onDate: ukDay(-20), what: 'Working with young people', hours: '1.5' });
    await staffPost(morgan, `/staff/accounts/${franId}`, { kind: 'cpd', onDate: ukDay(-400), what: 'Older than a year', hours: '7' });
    await staffPost(morgan, `/staff/accounts/${franId}`, { kind: 'cpd', onDate: ukDay(-2), what: 'Trauma-informed practice', hours: '2' });

    home = textOf((await fran.visitor.get('/staff/cases')).html);
    expect(home).not.toContain('Supervision:');
    expect(home).toContain('Due soon Accreditation: Renew by');
    form = await referralPage();
    expect(form).not.toContain('Fran Facilitator (supervision overdue)');
    expect(form).toContain('Otto Other (supervision overdue)');
    expect(textOf(form)).toContain('Supervision is overdue for Otto Other.');

    const reports = textOf((await morgan.visitor.get('/staff/reports')).html);
    expect(reports).toMatch(/Fran Facilitator Up to date Last on .* Due soon Renew by .* 3\.5 hours/);
    expect(reports).toMatch(/Otto Other Overdue No supervision recorded Due soon No accreditation recorded 0 hours/);
    const own = textOf((await otto.visitor.get('/staff/reports')).html);
    expect(own).toContain('Your practice');
    expect(own).not.toContain('Fran Facilitator');

    expect(queryDb(server.dbPath, "select 1 from audit_events where action = 'practice.recorded' and subject_id = ?", String(franId))).toHaveLength(6);
  });

  it('refuses a bad entry whole, with the reason, and is for managers only', async () => {
    const before = entries();
    const morganId = String(staffIdOf(server, 'morgan@example.org'));
    for (const [fields, message] of [
      [{ onDate: ukDay(0), what: 'x' }, 'Select what you are recording'],
      [{ kind: 'supervision', onDate: ukDay(0), what: 'x' }, 'Select who gave the supervision'],
      [{ kind: 'supervision', onDate: ukDay(0), what: 'x', supervisorId: String(ottoId) }, 'Select someone else as the supervisor'],
      [{ kind: 'supervision', onDate: ukDay(0), what: 'x', supervisorId: '999999' }, 'Select someone else as the supervisor'],
      [{ kind: 'accreditation', onDate: ukDay(0), what: 'x' }, 'Enter the date it must be renewed by'],
      [{ kind: 'accreditation', onDate: ukDay(0), what: 'x', renewsOn: ukDay(-5) }, 'The renewal date must be after the date it was given'],
      [{ kind: 'cpd', onDate: ukDay(0), what: 'x', hours: 'lots' }, 'Enter the hours as a number'],
      [{ kind: 'cpd', onDate: ukDay(0), what: 'x', hours: '9999' }, 'Enter 200 hours or fewer'],
      [{ kind: 'training', onDate: ukDay(30), what: 'x' }, 'The date must be today or in the past'],
      [{ kind: 'training', onDate: '2026-02-30', what: 'x' }, 'Enter a real date'],
      [{ kind: 'training', onDate: ukDay(0), what: '' }, 'Say what it was'],
      [{ kind: 'witchcraft', onDate: ukDay(0), what: 'x', supervisorId: morganId }, 'Select what you are recording'],
    ] as const) {
      const page = await staffPost(morgan, `/staff/accounts/${ottoId}`, fields as Record<string, string>);
      expect(page.status, message).toBe(400);
      expect(textOf(page.html)).toContain(message);
    }
    expect(entries()).toBe(before);
    expect((await staffPost(fran, `/staff/accounts/${ottoId}`, { kind: 'training', onDate: ukDay(0), what: 'x' })).status).toBe(404);
    expect((await fran.visitor.get(`/staff/accounts/${ottoId}`)).status).toBe(404);
    expect((await morgan.visitor.get('/staff/accounts/999999')).status).toBe(404);
    expect(entries()).toBe(before);
  });
});
