// Staff pages stay fast as the service grows only if no query behind them reads a whole
// table that grows with cases. The server writes the SQL text of every statement it runs
// (SQL_TRACE_FILE); after visiting each staff page this asks SQLite, with EXPLAIN QUERY
// PLAN, how it runs each one, and fails on a full scan of such a table. The portal never
// runs ANALYZE, so SQLite plans from the schema alone: the plan here is the plan at any size.
// The same visits check that a plain read writes nothing it does not have to.
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer } from '../setup/server';
import { startTeamServer, staffIdOf, type SignedInStaff } from '../setup/staff';
import { buildExchange, sendLetter, type Exchange } from './exchange-fixture';

// Tables that grow with referrals and cases (staff, sessions and counters do not).
const GROWING = new Set([
  'referrals',
  'referral_messages',
  'referral_drafts',
  'cases',
  'case_transitions',
  'participants',
  'contact_logs',
  'assessments',
  'assessment_versions',
  'case_notes',
  'participant_changes',
  'case_assignments',
  'exchanges',
  'exchange_members',
  'letters',
  'letter_versions',
  'letter_reviews',
  'processes',
  'meetings',
  'meeting_attendees',
  'agreement_items',
  'feedback_invitations',
  'feedback_answers',
  'audit_events',
  'outbox',
  'complaints',
  'legal_holds',
  'rights_requests',
]);

let server: TestServer;
let trace: string;
let fran: SignedInStaff;
let morgan: SignedInStaff;
let exchange: Exchange;
let letterId: number;
let complaintId: number;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rj-plans-'));
  trace = join(dir, 'sql.log');
  ({ server, fran, morgan } = await startTeamServer({ SQL_TRACE_FILE: trace }));
  exchange = await buildExchange(server, fran);
  letterId = await sendLetter(exchange.victim, 'A letter to review.');
  const recorded = await morgan.visitor.post('/staff/complaints', {
    csrf: morgan.csrf,
    intent: 'record',
    receivedVia: 'letter',
    receivedOn: new Date().toISOString().slice(0, 10),
    body: 'A complaint to list.',
    referralReference: 'RJ-AB12-CD34',
  });
  complaintId = Number(recorded.url.split('/').pop());
});
afterAll(() => server?.stop());

/** The distinct statements the server ran while `visit` did its work. */
async function statementsDuring(visit: () => Promise<unknown>): Promise<string[]> {
  writeFileSync(trace, '');
  await visit();
  return [...new Set(readFileSync(trace, 'utf8').split('\n').filter(Boolean))];
}

/** SQLite's plan for a statement, its `?` parameters bound to NULL. */
function planOf(db: Database.Database, statement: string): string[] {
  const params = (statement.match(/\?/g) ?? []).length;
  // Named parameters (@name) are bound by name, the rest by position; the plan is the same for any value.
  const named = Object.fromEntries([...statement.matchAll(/@(\w+)/g)].map((m) => [m[1]!, null]));
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${statement}`).all(...(Object.keys(named).length ? [named] : Array<null>(params).fill(null))) as {
    detail: string;
  }[];
  return rows.map((r) => r.detail);
}

// What may read a growing table whole, and why.
const ALLOWED: { page: RegExp; scan: RegExp; why: string }[] = [
  { page: /^\/staff\/cases\?stage=all/, scan: /^SCAN cases$/, why: 'a manager asked to list every case there has ever been' },
];

/**
 * What in a plan reads more than it shows: a full scan of a growing table. Walking an index
 * in the page's own order is fine when the query has a LIMIT: it stops after the page. On
 * the triage queue, whose lists grow with the service, sorting every matching row to show
 * one page is a problem too (elsewhere a sort is of one case's rows or one caseload).
 */
function problemsIn(plan: string[], statement: string, path: string): string[] {
  const limited = /\blimit\b/i.test(statement);
  const sorts = plan.some((p) => p.startsWith('USE TEMP B-TREE FOR'));
  return plan.filter((d) => {
    const table = /^SCAN (\w+)/.exec(d)?.[1];
    if (table && GROWING.has(table)) return !(limited && /USING (COVERING )?INDEX/.test(d) && !sorts);
    return /^\/staff(\?|$)/.test(path) && limited && /^USE TEMP B-TREE FOR (RIGHT PART OF )?ORDER BY/.test(d);
  });
}

describe('the queries behind each staff page', () => {
  it('never scan a whole table that grows with cases', async () => {
    const c = exchange.caseId;
    const pages: [string, SignedInStaff][] = [
      ['/staff', fran],
      ['/staff?status=all', fran],
      ['/staff?status=accepted', morgan],
      ['/staff?after=1_1', fran],
      ['/staff/cases', fran],
      ['/staff/cases?stage=all&sort=oldest', morgan],
      [`/staff/cases/${c}`, fran],
      [`/staff/cases/${c}/audit`, morgan],
      [`/staff/cases/${c}/letters`, fran],
      [`/staff/cases/${c}/outcome`, fran],
      [`/staff/cases/${c}/agreement`, fran],
      [`/staff/cases/${c}/feedback`, fran],
      [exchange.participantUrls.victim, fran],
      ['/staff/letters', fran],
      [`/staff/letters/${letterId}`, fran],
      ['/staff/feedback', morgan],
      ['/staff/reports', morgan],
      [`/staff/accounts/${staffIdOf(server, 'fran@example.org')}`, morgan],
      ['/staff/reports?from=2024-01&to=2026-12', fran],
      ['/staff/reports/return.csv', morgan],
      ['/staff/complaints', morgan],
      ['/staff/you-said-we-did', morgan],
      ['/you-said-we-did', morgan],
      ['/staff/data-protection', morgan],
      ['/staff/requests', morgan],
      [`/staff/cases/${c}/hold`, morgan],
      [`/staff/subject-access/participant/${exchange.participantUrls.victim.split('/').pop()}`, morgan],
      [`/staff/accounts/${staffIdOf(server, 'fran@example.org')}/activity`, morgan],
      [`/staff/accounts/${staffIdOf(server, 'fran@example.org')}/activity?show=views`, morgan],
      [`/staff/complaints/${complaintId}`, morgan],
      ['/staff/reports/cases.csv?from=2024-01&to=2026-12', morgan],
    ];
    const db = new Database(server.dbPath, { readonly: true });
    const found: string[] = [];
    for (const [path, who] of pages) {
      const statements = await statementsDuring(async () => expect((await who.visitor.get(path)).status, path).toBe(200));
      expect(statements.length, path).toBeGreaterThan(0);
      for (const statement of statements) {
        if (!/^\s*(select|update|delete|with)/i.test(statement)) continue;
        for (const problem of problemsIn(planOf(db, statement), statement, path)) {
          if (ALLOWED.some((a) => a.page.test(path) && a.scan.test(problem))) continue;
          found.push(`${path}: ${problem} in ${statement.slice(0, 200)}`);
        }
      }
    }
    db.close();
    expect(found).toEqual([]);
  });
});

describe('a plain read', () => {
  const dataVersion = (db: Database.Database) => db.pragma('data_version', { simple: true }) as number;

  it('writes nothing, except the audit row for opening a case', async () => {
    const db = new Database(server.dbPath, { readonly: true });
    // The first read may move a stale last-seen time; the ones within a minute of it may not.
    await fran.visitor.get('/staff');
    await morgan.visitor.get('/staff');
    for (const [path, who] of [
      ['/staff', fran],
      ['/staff/cases', fran],
      ['/staff/letters', fran],
      [`/staff/cases/${exchange.caseId}/audit`, morgan],
    ] as const) {
      const before = dataVersion(db);
      expect((await who.visitor.get(path)).status).toBe(200);
      expect(dataVersion(db), `${path} wrote to the database`).toBe(before);
    }
    const audit = () => (db.prepare('select count(*) as n from audit_events').get() as { n: number }).n;
    const seen = () => db.prepare('select last_seen_at from sessions order by last_seen_at').all();
    const [auditBefore, seenBefore] = [audit(), seen()];
    await fran.visitor.get(`/staff/cases/${exchange.caseId}`);
    expect(audit()).toBe(auditBefore + 1);
    expect(seen()).toEqual(seenBefore);
    db.close();
  });
});
