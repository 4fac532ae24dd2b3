// The reports against a hand-made fixture: every count worked out by hand below, the
// small-number rules, the period's edges in UK time, the CSV files as a spreadsheet
// program would read them, who may see what, and the audit row each download leaves.
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryDb, textOf, type TestServer } from '../setup/server';
import { startTeamServer, staffIdOf, type SignedInStaff } from '../setup/staff';

let server: TestServer;
let fran: SignedInStaff;
let otto: SignedInStaff;
let morgan: SignedInStaff;

const Q2 = '?from=2026-04&to=2026-06';
const at = (iso: string) => Date.parse(iso);

beforeAll(async () => {
  ({ server, fran, otto, morgan } = await startTeamServer());
  const franId = staffIdOf(server, 'fran@example.org');
  const db = new Database(server.dbPath);
  let n = 0;
  const referral = db.prepare(
    `insert into referrals (reference, source, agency, initiated_by, status, offence_kind, justice_stage, support_needs, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, '[]', ?, ?)`,
  );
  const add = (
    when: number,
    source: 'self' | 'partner',
    agency: string | null,
    initiatedBy: string | null,
    offence: string,
    stage: string,
    status = 'received',
  ) => Number(referral.run(`RJ-FIX-${++n}`, source, agency, initiatedBy, status, offence, stage, when, when).lastInsertRowid);
  const kase = db.prepare(`insert into cases (referral_id, facilitator_id, stage, closure_reason) values (?, ?, ?, ?)`);
  const person = db.prepare(`insert into participants (case_id, role, name) values (?, 'victim', 'Fixture person')`);
  const contact = db.prepare(`insert into contact_logs (participant_id, contacted_on, method, outcome, by_staff_id) values (?, ?, 'phone', 'spoke', ?)`);
  const assess = db.prepare(`insert into assessments (participant_id, risk_assessed_on, risk_decision) values (?, '2026-04-20', ?)`);
  const process = db.prepare(`insert into processes (case_id, kind, status, started_on, ended_on, by_staff_id) values (?, ?, ?, ?, ?, ?)`);
  const item = db.prepare(
    `insert into agreement_items (case_id, participant_id, kind, description, due_on, evidence, status, by_staff_id) values (?, ?, 'apology', 'An apology', '2026-06-01', 'Letter', ?, ?)`,
  );

  db.transaction(() => {
    // The edges, in UK time (summer time from 29 March): 23:59 on 31 March is March, 00:00 on
    // 1 April is April; 23:59 on 30 June is June, 00:00 on 1 July is July.
    add(at('2026-03-31T22:59:59.999Z'), 'partner', 'police', 'victim', 'burglary', 'court');
    add(at('2026-03-31T23:00:00.000Z'), 'partner', 'police', 'victim', 'burglary', 'court');
    add(at('2026-06-30T22:59:59.999Z'), 'partner', 'nps', 'offender', 'violence', 'prison');
    add(at('2026-06-30T23:00:00.000Z'), 'partner', 'nps', 'offender', 'violence', 'prison');
    // April: 10 police referrals on Monday 6 April, each a case of Fran's.
    // First contacts 0, 1, 1, 2, 3, 3, 5, 8 and 13 days later (one never contacted):
    // median 3 days; within 2 working days: 4 of 9.
    const contactDays = ['2026-04-06', '2026-04-07', '2026-04-07', '2026-04-08', '2026-04-09', '2026-04-09', '2026-04-11', '2026-04-14', '2026-04-19', null];
    contactDays.forEach((day, i) => {
      const r = add(at('2026-04-06T09:00:00Z'), 'partner', 'police', 'victim', 'burglary', 'court', 'in_progress');
      const stage = i === 8 ? 'closed' : 'in_progress';
      const c = Number(kase.run(r, franId, stage, i === 8 ? 'unsuitable' : null).lastInsertRowid);
      const p = Number(person.run(c).lastInsertRowid);
      if (day) contact.run(p, day, franId);
      // 9 assessed; 8 suitable (the ninth is not); 6 processes started, 5 completed.
      if (i < 8) assess.run(p, 'direct');
      if (i === 8) assess.run(p, 'not_suitable');
      if (i < 6) process.run(c, i < 3 ? 'face_to_face' : 'letters', i < 5 ? 'completed' : 'running', '2026-04-25', i < 5 ? '2026-05-20' : null, franId);
      // 6 agreements, 5 with every item done.
      if (i < 6) item.run(c, p, i < 5 ? 'done' : 'open', franId);
    });
    // May: 6 self-referrals (2 declined, 1 withdrawn), and 2 deleted by their senders.
    for (let i = 0; i < 6; i++)
      add(at('2026-05-12T10:00:00Z'), 'self', null, null, 'theft', 'investigating', i < 2 ? 'declined' : i < 3 ? 'withdrawn' : 'received');
    db.prepare(`insert into deleted_referral_counts (month, count) values ('2026-05', 2)`).run();
    // June: 3 more probation referrals, offender-initiated (4 with the edge one).
    for (let i = 0; i < 3; i++) add(at('2026-06-15T10:00:00Z'), 'partner', 'nps', 'offender', 'violence', 'prison');
    // Survey answers, released (decision 024): 10 in April, 2 in May, 1 in July (outside).
    const release = db.prepare(`insert into feedback_releases (quarter, month, answers, released_at) values (?, ?, 0, 0) on conflict do nothing`);
    for (const month of ['2026-04', '2026-05', '2026-07']) release.run(`fixture ${month}`, month);
    const answer = db.prepare(
      `insert into feedback_answers (id, process_kind, role, month, on_paper, satisfaction, felt_safe, helped_cope, release_id)
       values (?, 'face_to_face', 'victim', '', 0, ?, ?, ?, (select id from feedback_releases where month = ?))`,
    );
    [
      ['2026-04', 5, 'yes', 'yes'],
      ['2026-04', 5, 'yes', 'yes'],
      ['2026-04', 4, 'yes', 'yes'],
      ['2026-04', 4, 'yes', null],
      ['2026-04', 3, 'yes', null],
      ['2026-04', 2, 'no', null],
      ['2026-04', 1, 'no', null],
      ['2026-04', 1, 'no', null],
      ['2026-04', 1, 'no', null],
      ['2026-04', 1, 'no', null],
      ['2026-05', 5, null, null],
      ['2026-05', 1, null, null],
      ['2026-07', 5, 'yes', 'yes'],
    ].forEach(([month, satisfaction, safe, cope], i) => answer.run(`fixture-${i}`, satisfaction, safe, cope, month));
  })();
  db.close();
});
afterAll(() => server?.stop());

/** A chart's figures, from the table beside it: label → text shown. */
function figures(html: string, title: string): Record<string, string> {
  const table = new RegExp(`<caption[^>]*>${title}</caption>([\\s\\S]*?)</table>`).exec(html)?.[1];
  expect(table, `a table for “${title}”`).toBeTruthy();
  return Object.fromEntries(
    [...table!.matchAll(/<th scope="row"[^>]*>([\s\S]*?)<\/th>\s*<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => [textOf(m[1]!).trim(), textOf(m[2]!).trim()]),
  );
}
const row = (html: string, label: string) => new RegExp(`${label}</dt>\\s*<dd[^>]*>([^<]*)</dd>`).exec(html)?.[1];

async function download(who: SignedInStaff, path: string) {
  const res = await fetch(new URL(path, server.url), { headers: { Cookie: who.visitor.cookieHeader() } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('the dashboard', () => {
  it('counts the fixture exactly, in UK months, with small numbers hidden', async () => {
    const page = await morgan.visitor.get(`/staff/reports${Q2}`);
    expect(page.status).toBe(200);
    const html = page.html;
    expect(textOf(html)).toContain('April 2026 to June 2026');
    // April 11 (10 + the 1 April edge), May 8 (6 + 2 deleted), June 4 (3 + the 30 June edge).
    // June is small; May is withheld so the total (23) cannot give June away.
    expect(figures(html, 'Referrals by month')).toEqual({ 'Apr 26': '11', 'May 26': 'withheld', 'Jun 26': 'fewer than 5' });
    expect(textOf(html)).toContain('23 referrals in the period.');
    // Two small cells: no secondary suppression needed.
    expect(figures(html, 'Referrals by source')).toEqual({
      'Self-referral': '6',
      Police: '11',
      'National Probation Service': 'fewer than 5',
      'Deleted at the sender’s request': 'fewer than 5',
    });
    expect(figures(html, 'Who asked for restorative justice')).toEqual({
      'The victim': '17',
      'The person responsible': 'fewer than 5',
      'Deleted at the sender’s request': 'fewer than 5',
    });
    expect(figures(html, 'Referrals by stage of the justice system')).toEqual({
      'Before charge': '6',
      'Before sentence': '11',
      Custody: 'fewer than 5',
      'Deleted at the sender’s request': 'fewer than 5',
    });
    // 8 suitable of 9 assessed would say one was not: withheld; each later step is then
    // compared with the last one shown (9), and its gap is small too.
    expect(figures(html, 'How far the period’s referrals have gone')).toEqual({
      Referred: '23',
      'Contact made': '9',
      Assessed: '9',
      Suitable: 'withheld',
      'Process started': 'withheld',
      'Process completed': 'withheld',
    });
    // Declined 2, withdrawn 1, closed as unsuitable 1: three small cells.
    expect(figures(html, 'Why they left before a completed process')).toEqual({
      'Declined at triage': 'fewer than 5',
      'Withdrawn by the person who referred': 'fewer than 5',
      'Not suitable after assessment': 'fewer than 5',
    });
    // Completed in May: 3 face to face, 2 by letters.
    expect(figures(html, 'Processes completed, by kind')['Face-to-face conference']).toBe('fewer than 5');
    expect(row(html, 'Referrals with a first contact')).toBe('9');
    expect(row(html, 'Median days to first contact')).toBe('3 days');
    // 4 of 9 in time: 4 is small, so the share is withheld.
    expect(row(html, 'Contacted within 2 working days')).toBe('withheld (a group of fewer than 5)');
    expect(row(html, 'Cases with an outcome agreement')).toBe('6');
    // 5 of 6 all done would say one is not.
    expect(row(html, 'Agreements with every item done')).toBe('withheld');
    // 12 answers in April and May: 5 satisfied (42%); felt safe 5 of 10; cope answered by 3.
    expect(row(html, 'Answers')).toBe('12');
    expect(row(html, 'Satisfied or very satisfied')).toBe('42% of 12');
    expect(row(html, 'Felt safe')).toBe('50% of 10');
    expect(row(html, 'Helped them cope and move on')).toBe('fewer than 5 answers');
    expect(row(html, 'Would recommend it')).toBe('no answers');
    // No complaints in the fixture: a count of none is shown.
    expect(row(html, 'Complaints received')).toBe('0');
    expect(row(html, 'Complaints answered')).toBe('0');
    // The true values of hidden counts never leave the server, not even in the page's data.
    expect(html).not.toMatch(/"n":/);
    expect(html).not.toMatch(/"yes":/);
    // Charts are drawn on the server, each with a title and a description.
    expect(html).toMatch(/<svg[^>]+role="img"[^>]+aria-labelledby="by-month-title by-month-desc"/);
    expect(html).toContain('<title id="by-month-title">Referrals by month</title>');
  });

  it('the survey results page hides small counts the same way', async () => {
    const page = await fran.visitor.get('/staff/feedback');
    // Satisfaction, April, May and July: very satisfied 4, satisfied 2, neither 1, dissatisfied 1, very dissatisfied 5.
    const table = figures(page.html, 'Overall, how satisfied are you with the service\\? \\(13 answered\\)');
    expect(table).toMatchObject({ 'Very satisfied': 'fewer than 5', 'Very dissatisfied': '5' });
    expect(page.html).not.toMatch(/"n":|"yes":/);
  });

  it('moves nothing across a month’s edge, and checks the period it is given', async () => {
    const march = await morgan.visitor.get('/staff/reports?from=2026-03&to=2026-03');
    expect(figures(march.html, 'Referrals by month')).toEqual({ 'Mar 26': 'fewer than 5' });
    const july = await morgan.visitor.get('/staff/reports?from=2026-07&to=2026-07');
    expect(figures(july.html, 'Referrals by month')).toEqual({ 'Jul 26': 'fewer than 5' });
    for (const [query, message] of [
      ['?from=2026-13&to=2026-14', 'Enter the first month as a year and month'],
      ['?from=2026-06&to=2026-04', 'The last month must be the same as or after the first month'],
      ['?from=2000-01&to=2026-01', 'A report can cover at most 10 years'],
      ['?from=2026-04', 'Enter the last month'],
      [`?from=${'9'.repeat(5000)}&to=x`, 'Enter the first month'],
    ]) {
      const bad = await morgan.visitor.get(`/staff/reports${query}`);
      expect(bad.status, query).toBe(400);
      expect(textOf(bad.html)).toContain(message);
      expect(bad.html).toContain('govuk-error-summary');
    }
  });

  it('shows a facilitator their own caseload only, and no downloads', async () => {
    const mine = await fran.visitor.get(`/staff/reports${Q2}`);
    expect(textOf(mine.html)).toContain('your caseload');
    expect(figures(mine.html, 'Referrals by month')).toEqual({ 'Apr 26': '10', 'May 26': '0', 'Jun 26': '0' });
    expect(mine.html).not.toContain('return.csv');
    // Complaints are about the whole service: managers' figures only.
    expect(mine.html).not.toContain('Complaints received');
    const theirs = await otto.visitor.get(`/staff/reports${Q2}`);
    expect(figures(theirs.html, 'Referrals by month')).toEqual({ 'Apr 26': '0', 'May 26': '0', 'Jun 26': '0' });
    expect((await download(fran, `/staff/reports/return.csv${Q2}`)).status).toBe(404);
    expect((await download(fran, `/staff/reports/cases.csv${Q2}`)).status).toBe(404);
  });
});

describe('the downloads', () => {
  it('the return: the dashboard’s counts, hidden the same way, each with its definition, and an audit row', async () => {
    const file = await download(morgan, `/staff/reports/return.csv${Q2}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="rj-return-2026-04-to-2026-06.csv"');
    expect(file.headers.get('cache-control')).toBe('no-store');
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(file.bytes, { bom: true, columns: true }) as Record<string, string>[];
    const value = (measure: string) => rows.find((r) => r.Measure === measure)?.Value;
    expect(value('Referrals by month: Apr 26')).toBe('11');
    expect(value('Referrals by month: May 26')).toBe('withheld');
    expect(value('Referrals by month: Jun 26')).toBe('fewer than 5');
    expect(value('Referrals by month: total')).toBe('23');
    expect(value('Contact made')).toBe('9');
    expect(value('Process completed')).toBe('withheld');
    expect(value('Median days to first contact')).toBe('3');
    expect(value('Satisfied or very satisfied (%)')).toBe('42');
    expect(value('Felt safe (%)')).toBe('50');
    expect(value('Complaints received')).toBe('0');
    expect(value('Complaints answered on time')).toBe('0');
    expect(rows.every((r) => r['What it counts'] && r['In the period by'])).toBe(true);
    // No count from 1 to 4 is written anywhere (a median or a percentage is not a count).
    expect(rows.filter((r) => !/Median|%/.test(r.Measure!) && /^[1-4]$/.test(r.Value!))).toEqual([]);
    const audit = queryDb<{ action: string; subject_id: string; actor_id: string }>(
      server.dbPath,
      "select action, subject_id, actor_id from audit_events where subject_type = 'report'",
    );
    expect(audit).toContainEqual({
      action: 'report.return_exported',
      subject_id: '2026-04 to 2026-06',
      actor_id: String(staffIdOf(server, 'morgan@example.org')),
    });
  });

  it('the case extract: a row per case, codes and dates only, formulas made harmless', async () => {
    // A value written behind the portal's back that a spreadsheet would run.
    const db = new Database(server.dbPath);
    db.prepare(`update referrals set offence_kind = '=HYPERLINK("http://evil.example","x")' where reference = 'RJ-FIX-5'`).run();
    db.close();
    const file = await download(morgan, `/staff/reports/cases.csv${Q2}`);
    expect(file.status).toBe(200);
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(file.bytes, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(10);
    expect(Object.keys(rows[0]!)).toEqual([
      'Reference',
      'Referral received',
      'Source',
      'Agency',
      'Asked for by',
      'Offence kind',
      'Justice stage',
      'Anti-social behaviour',
      'Age of person responsible',
      'Area',
      'Postcode district',
      'How they heard',
      'Case opened',
      'First contact',
      'Process kinds',
      'Stage',
      'Closure reason',
      'Closed on',
      'Victims who took part',
      'People responsible who took part',
    ]);
    expect(rows[0]).toMatchObject({
      'Referral received': '2026-04-06',
      Agency: 'police',
      'Justice stage': 'before_sentence',
      'First contact': '2026-04-06',
      'Process kinds': 'face_to_face',
    });
    expect(rows.find((r) => r.Reference === 'RJ-FIX-5')!['Offence kind']).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(file.bytes.toString()).not.toContain('Fixture person');
    expect(queryDb(server.dbPath, "select 1 from audit_events where action = 'report.cases_exported'")).toHaveLength(1);
  });

  it('a three-year extract comes in batches and has every row once', async () => {
    const db = new Database(server.dbPath);
    const franId = staffIdOf(server, 'fran@example.org');
    const referral = db.prepare(
      `insert into referrals (reference, source, status, offence_kind, justice_stage, support_needs, created_at, updated_at) values (?, 'self', 'in_progress', 'theft', 'not_sure', '[]', ?, ?)`,
    );
    const kase = db.prepare('insert into cases (referral_id, facilitator_id, stage) values (?, ?, ?)');
    db.transaction(() => {
      // 1,234 cases all arriving at the same moment: batches must not lose or repeat any.
      for (let i = 0; i < 1234; i++) kase.run(Number(referral.run(`RJ-BULK-${i}`, at('2024-02-01T12:00:00Z'), 0).lastInsertRowid), franId, 'referred');
    })();
    db.close();
    const file = await download(morgan, '/staff/reports/cases.csv?from=2024-01&to=2026-12');
    const refs = (parse(file.bytes, { bom: true, columns: true }) as Record<string, string>[]).map((r) => r.Reference!);
    expect(refs.filter((r) => r.startsWith('RJ-BULK-'))).toHaveLength(1234);
    expect(new Set(refs).size).toBe(refs.length);
  });
});

describe('the complete return (issue 23)', () => {
  // A quarter of its own, January to March 2025, so the figures above stay as they are.
  const Q1 = '?from=2025-01&to=2025-03';
  beforeAll(() => {
    const franId = staffIdOf(server, 'fran@example.org');
    const db = new Database(server.dbPath);
    let n = 0;
    const referral = db.prepare(
      `insert into referrals (reference, source, agency, status, offence_kind, justice_stage, anti_social_behaviour, offender_age_group, area_code, heard_about, support_needs, created_at, updated_at)
       values (?, ?, ?, 'in_progress', ?, 'court', ?, ?, ?, ?, '[]', ?, ?)`,
    );
    const add = (source: 'self' | 'partner', offence: string, asb: 0 | 1, age: string | null, area: string | null, heard: string | null) => {
      const when = at('2025-02-10T10:00:00Z');
      return Number(referral.run(`RJ-Q1-${++n}`, source, source === 'partner' ? 'police' : null, offence, asb, age, area, heard, when, when).lastInsertRowid);
    };
    const kase = db.prepare(`insert into cases (referral_id, facilitator_id, stage) values (?, ?, 'outcome')`);
    const person = db.prepare(`insert into participants (case_id, role, name) values (?, ?, 'Q1 person')`);
    const consent = db.prepare(`insert into assessments (participant_id, consent_on, consent_withdrawn_on) values (?, '2025-02-11', ?)`);
    const process = db.prepare(
      `insert into processes (case_id, kind, status, started_on, ended_on, by_staff_id) values (?, 'letters', 'completed', '2025-02-12', '2025-03-01', ?)`,
    );
    db.transaction(() => {
      // 6 partner referrals dealt with as ASB, youth, in Walsall, heard from the police; each
      // a case with a completed process, a victim and a person responsible who consented.
      // 5 partner referrals of crime, adults, in Dudley, not saying how they heard: 4 with a
      // completed process; the fifth's victim withdrew consent. 2 self-referrals of ASB in
      // Walsall (a leaflet), 1 self-referral of crime with no area (online).
      for (let i = 0; i < 11; i++) {
        const asb = i < 6;
        const r = add('partner', 'burglary', asb ? 1 : 0, asb ? 'youth' : 'adult', asb ? 'walsall' : 'dudley', asb ? 'police' : null);
        const c = Number(kase.run(r, franId).lastInsertRowid);
        consent.run(Number(person.run(c, 'victim').lastInsertRowid), i === 10 ? '2025-02-20' : null);
        consent.run(Number(person.run(c, 'offender').lastInsertRowid), null);
        if (i < 10) process.run(c, franId);
      }
      add('self', 'asb', 0, null, 'walsall', 'leaflet');
      add('self', 'asb', 0, null, 'walsall', 'leaflet');
      add('self', 'theft', 0, null, null, 'online');
      // Equality answers: January 2025 (counted), and this month (not yet: it has not ended).
      const equality = db.prepare(`insert into equality_answers (id, month, asked, ethnic_group, age_band) values (?, ?, 'referral', ?, ?)`);
      const groups = [...Array(6).fill('white'), ...Array(5).fill('asian'), 'black', 'black'];
      groups.forEach((g, i) => equality.run(`q1-${i}`, '2025-01', g, i < 7 ? '25_34' : null));
      equality.run('now-1', new Date().toISOString().slice(0, 7), 'black', null);
    })();
    db.close();
  });

  it('splits crime from anti-social behaviour, youth from adult, by area and by how people heard, with small numbers hidden', async () => {
    const html = (await morgan.visitor.get(`/staff/reports${Q1}`)).html;
    // ASB: 6 tagged by the partner + 2 self-referrals whose offence was ASB.
    expect(figures(html, 'Crime or anti-social behaviour')).toEqual({ Crime: '6', 'Anti-social behaviour': '8' });
    // Not asked (3 self-referrals) is small; adult (5) is withheld so the total cannot give it away.
    expect(figures(html, 'Referrals by age of the person responsible')).toEqual({
      'Under 18 (youth)': '6',
      '18 or over (adult)': 'withheld',
      'Not asked (self-referrals)': 'fewer than 5',
    });
    expect(figures(html, 'Referrals by where the person lives')).toEqual({ Dudley: 'withheld', Walsall: '8', 'Not known or not given': 'fewer than 5' });
    expect(figures(html, 'How people heard about the service')).toEqual({
      'From the police': '6',
      'A leaflet or poster': 'fewer than 5',
      'Searching online or a website': 'fewer than 5',
      'Not given': 'withheld',
    });
    // 10 processes completed: 6 ASB (youth), 4 crime (adult, small, and ASB withheld beside it).
    expect(figures(html, 'Processes completed, crime or anti-social behaviour')).toEqual({ Crime: 'fewer than 5', 'Anti-social behaviour': 'withheld' });
    // People who took part: the 10 completed cases' victims and people responsible.
    expect(figures(html, 'People who took part')).toEqual({ Victims: '10', 'People responsible': '10' });
  });

  it('the return CSV carries each split with its definition; the equality table is a file of its own', async () => {
    const rows = parse((await download(morgan, `/staff/reports/return.csv${Q1}`)).bytes, { bom: true, columns: true }) as Record<string, string>[];
    const value = (measure: string) => rows.find((r) => r.Measure === measure);
    expect(value('Referrals, crime or anti-social behaviour: Anti-social behaviour')).toMatchObject({ Value: '8', Section: 'Crime or anti-social behaviour' });
    expect(value('Referrals by where the person lives: Walsall')?.['What it counts']).toContain('local authority area');
    expect(value('Referrals by age of the person responsible: Under 18 (youth)')?.Value).toBe('6');
    expect(value('Referrals by how they heard about the service: From the police')?.Value).toBe('6');
    expect(value('People who took part: Victims')?.Value).toBe('10');
    expect(value('Processes completed, crime or anti-social behaviour: total')?.Value).toBe('10');
    expect(rows.some((r) => /ethnic/i.test(r.Measure!))).toBe(false);

    const equality = await download(morgan, `/staff/reports/equality.csv${Q1}`);
    expect(equality.status).toBe(200);
    const eq = parse(equality.bytes, { bom: true, columns: true }) as Record<string, string>[];
    const answer = (question: RegExp, a: string) => eq.find((r) => question.test(r.Question!) && r.Answer === a)?.People;
    expect(answer(/ethnic group/, 'White')).toBe('6');
    expect(answer(/ethnic group/, 'Asian or Asian British')).toBe('withheld');
    expect(answer(/ethnic group/, 'Black, Black British, Caribbean or African')).toBe('fewer than 5');
    expect(answer(/ethnic group/, 'Total')).toBe('13');
    expect(answer(/How old/, '25 to 34')).toBe('7');
    expect(answer(/How old/, 'Skipped')).toBe('6');
    expect(eq.every((r) => r['What it counts']!.includes('kept apart'))).toBe(true);
    expect((await download(fran, `/staff/reports/equality.csv${Q1}`)).status).toBe(404);
    expect(textOf((await morgan.visitor.get(`/staff/reports/equality${Q1}`)).html)).toContain('What is your ethnic group?');
    expect(queryDb(server.dbPath, "select 1 from audit_events where action = 'report.equality_exported'")).toHaveLength(1);
  });

  it('a new MoJ category is a data change: a row added by migration shows without any code change', async () => {
    const db = new Database(server.dbPath);
    // As a migration would: conditional cautions become a category of their own.
    db.prepare(
      `update report_categories set answers = '["community_resolution","justice_panel"]' where scheme = 'justice_stage' and code = 'out_of_court'`,
    ).run();
    db.prepare(
      `insert into report_categories (scheme, code, label, position, answers) values ('justice_stage', 'conditional_caution', 'Conditional caution (new MoJ category)', 7, '["conditional_caution"]')`,
    ).run();
    const when = at('2025-02-11T10:00:00Z');
    for (let i = 0; i < 5; i++)
      db.prepare(
        `insert into referrals (reference, source, status, offence_kind, justice_stage, support_needs, created_at, updated_at) values (?, 'self', 'received', 'theft', 'conditional_caution', '[]', ?, ?)`,
      ).run(`RJ-CC-${i}`, when, when);
    db.close();
    const html = (await morgan.visitor.get(`/staff/reports${Q1}`)).html;
    expect(figures(html, 'Referrals by stage of the justice system')['Conditional caution (new MoJ category)']).toBe('5');
  });
});
