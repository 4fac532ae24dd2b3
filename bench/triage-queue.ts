// How the triage queue performs with many referrals: 50,000 rows, then the first page,
// a page deep in the list (keyset cursor), and filtered pages. Prints figures only.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

process.env.DATABASE_PATH = join(mkdtempSync(join(tmpdir(), 'rj-bench-')), 'portal.db');
const { migrateDatabase } = await import('#db/client.server');
const { db } = await import('~/utils/db.server');
const { listTriageQueue } = await import('~/models/triage.server');
migrateDatabase(db, resolve('db/migrations'));

const N = 50_000;
const s = db.$client;
s.prepare("insert into staff_users (email, name, role) values ('b@example.org', 'Bench', 'facilitator')").run();
const insert = s.prepare(
  `insert into referrals (reference, source, status, offence_kind, justice_stage, support_needs, created_at) values (?, ?, ?, 'theft', 'not_sure', '[]', ?)`,
);
const statuses = ['received', 'being_looked_at', 'facilitator_will_contact', 'declined', 'withdrawn'];
const t0 = performance.now();
s.transaction(() => {
  for (let i = 0; i < N; i++) insert.run(`RJ-B${String(i).padStart(7, '0')}`, i % 3 ? 'self' : 'partner', statuses[i % 5], Date.now() - (N - i) * 60_000);
})();
s.prepare("insert into cases (referral_id, facilitator_id) select id, 1 from referrals where status = 'facilitator_will_contact'").run();
console.log(`seeded ${N} referrals in ${(performance.now() - t0).toFixed(0)} ms`);

function time(label: string, fn: () => unknown, runs = 50) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`${label}: median ${times[runs >> 1]!.toFixed(2)} ms, worst ${times[runs - 1]!.toFixed(2)} ms`);
}

const base = { status: 'new' as const, source: 'all' as const, facilitatorId: null, after: null };
time('first page of new referrals', () => listTriageQueue(base));
let cursor: string | null = null;
let pages = 0;
const walk = performance.now();
do {
  const r = listTriageQueue({ ...base, status: 'all', after: cursor ? { at: Number(cursor.split('_')[0]), id: Number(cursor.split('_')[1]) } : null });
  cursor = r.next;
  pages++;
} while (cursor);
console.log(
  `walked all ${pages} pages of all referrals in ${(performance.now() - walk).toFixed(0)} ms (${((performance.now() - walk) / pages).toFixed(2)} ms a page)`,
);
const deep = listTriageQueue({ ...base, status: 'all', after: { at: Date.now() - 1000 * 60_000, id: N - 1000 } });
time('a page near the end (keyset)', () => listTriageQueue({ ...base, status: 'all', after: { at: Date.now() - 1000 * 60_000, id: N - 1000 } }));
time('partner referrals only', () => listTriageQueue({ ...base, source: 'partner' }));
time('accepted, one facilitator', () => listTriageQueue({ ...base, status: 'accepted', facilitatorId: 1 }));
console.log(`(a deep page returned ${deep.rows.length} rows)`);
