// Staff pages at a busy service's size (bench/seed.ts), each beside a bare node:http server
// replaying the same bytes, timed the same way in the same run. Also: how long the server
// takes to answer its first request on that database, and server CPU per request.
// Figures, not assertions (issue 10's goals are printed beside them).
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { generate } from 'otplib';
import { Visitor } from '../tests/setup/server';
import { seed, SIZE } from './seed';

const SECRET = 'bench-secret-0123456789abcdef0123456789';
const dir = mkdtempSync(join(tmpdir(), 'rj-bench-size-'));
const dbPath = join(dir, 'portal.db');
let t = performance.now();
await seed(dbPath);
console.log(
  `Seeded ${SIZE.referrals.toLocaleString('en-GB')} referrals, ${SIZE.cases.toLocaleString('en-GB')} cases, ${SIZE.letters.toLocaleString('en-GB')} letters, ${SIZE.audit.toLocaleString('en-GB')} audit rows in ${((performance.now() - t) / 1000).toFixed(1)} s`,
);

// A manager, made the way a deployment makes one (the staff CLI and the set-up link).
const env: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  DATABASE_PATH: dbPath,
  SESSION_SECRET: SECRET,
  NODE_ENV: 'production',
  PORT: '0',
  OUTBOX_FILES: 'true',
  OUTBOX_DIR: join(dirname(dbPath), 'outbox'),
};
const { stdout } = await promisify(execFile)(
  process.execPath,
  ['node_modules/tsx/dist/cli.mjs', 'scripts/staff.ts', 'create', '--email', 'manager@bench.invalid', '--name', 'Bench Manager', '--role', 'manager'],
  { env: { ...env, PUBLIC_URL: 'http://localhost' } },
);
const link = new URL(/Set-up link \(one use, 72 hours\): (\S+)/.exec(stdout)![1]!);

// Cold start: from spawning the server to its first answer.
t = performance.now();
const child = spawn(process.execPath, ['server.js'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise<string>((done) => {
  let out = '';
  child.stdout!.on('data', (d) => {
    out += d;
    const m = /listening on (http:\/\/localhost:\d+)/.exec(out);
    if (m) done(m[1]!);
  });
});
await (await fetch(`${base}/`)).text();
const coldStart = performance.now() - t;

const staff = new Visitor(base);
const setUp = await staff.post(link.pathname + link.search, { password: 'bench password for the manager', confirm: 'bench password for the manager' });
const key = /<code id="totp-key" class="app-passphrase">([A-Z2-7 ]+)<\/code>/.exec(setUp.html)![1]!.replace(/ /g, '');
const done = await staff.post('/staff/set-up/authenticator', { code: await generate({ secret: key }) });
if (done.url !== '/staff/cases') throw new Error(`staff set-up failed: ${done.url}`);

// Ids of a busy case and a letter waiting for review, and page 100 of the triage queue.
const db = new Database(dbPath, { readonly: true });
const busyCase = (
  db.prepare("select subject_id as id from audit_events where subject_type = 'case' group by subject_id order by count(*) desc limit 1").get() as { id: string }
).id;
const waiting = (db.prepare("select id from letters where status = 'waiting' limit 1").get() as { id: number }).id;
const hundredth = db
  .prepare("select created_at as at, id from referrals where status in ('received', 'being_looked_at') order by created_at, id limit 1 offset ?")
  .get(99 * 25 - 1) as { at: number; id: number };
db.close();

const pages: [string, string][] = [
  ['triage queue, first page', '/staff'],
  ['triage queue, page 100', `/staff?after=${hundredth.at}_${hundredth.id}`],
  ['case page', `/staff/cases/${busyCase}`],
  ['case audit trail', `/staff/cases/${busyCase}/audit`],
  ['letters to review', '/staff/letters'],
  ['letter review', `/staff/letters/${waiting}`],
];
// Issue 13's goal for this one is 200 ms: it is timed with the others and printed beside it.
pages.push(['reports, this quarter', '/staff/reports']);

const RUNS = 200;
async function timings(url: string, headers: Record<string, string>, runs = RUNS): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs + 10; i++) {
    const start = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    if (i >= 10) times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

// The floor: a bare node:http server answering with the very bytes the portal sent.
let replay = Buffer.alloc(0);
const bare = createServer((_, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(replay));
await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
const bareBase = `http://127.0.0.1:${(bare.address() as { port: number }).port}`;

const cpuOf = (pid: number) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) * (1000 / 100); // utime + stime, in ms (100 ticks a second)
};

console.log(`\nStaff pages at that size, ${RUNS} requests each, one at a time (goal: p95 ≤ 50 ms)`);
console.log(`${'page'.padEnd(28)} ${'p50 / p95 / p99 ms'.padEnd(22)} ${'bare replay p50 / p95'.padEnd(24)} ratio (p50)  server CPU/request`);
const cookie = { Cookie: staff.cookieHeader() };
for (const [label, path] of pages) {
  const res = await fetch(base + path, { headers: cookie });
  replay = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
  const cpu0 = cpuOf(child.pid!);
  const ours = await timings(base + path, cookie);
  const cpu = (cpuOf(child.pid!) - cpu0) / (RUNS + 10);
  const floor = await timings(bareBase, {});
  console.log(
    `${label.padEnd(28)} ${`${pct(ours, 50).toFixed(1)} / ${pct(ours, 95).toFixed(1)} / ${pct(ours, 99).toFixed(1)}`.padEnd(22)} ${`${pct(floor, 50).toFixed(2)} / ${pct(floor, 95).toFixed(2)}`.padEnd(24)} ${`${(pct(ours, 50) / pct(floor, 50)).toFixed(0)}×`.padEnd(12)} ${cpu.toFixed(1)} ms`,
  );
}
// Reports over the whole three years, and the CSV files streamed: time, size, and how much
// the server's peak memory grew while sending them (a file held whole would show as its size).
const years = `from=${new Date(Date.now() - 3 * 365 * 86_400_000).toISOString().slice(0, 7)}&to=${new Date().toISOString().slice(0, 7)}`;
const threeYears = await timings(`${base}/staff/reports?${years}`, cookie, 20);
console.log(`\nreports, three years: p50 / p95 ${pct(threeYears, 50).toFixed(0)} / ${pct(threeYears, 95).toFixed(0)} ms (20 requests)`);
const peakKb = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]);
for (const [label, path] of [
  ['commissioner’s return, three years', `/staff/reports/return.csv?${years}`],
  ['case extract, three years', `/staff/reports/cases.csv?${years}`],
]) {
  const before = peakKb();
  const start = performance.now();
  const res = await fetch(base + path!, { headers: cookie });
  const bytes = (await res.arrayBuffer()).byteLength;
  const ms = performance.now() - start;
  console.log(
    `${label!.padEnd(36)} ${res.status} ${(bytes / 1024).toFixed(0).padStart(6)} KB in ${ms.toFixed(0).padStart(5)} ms; server peak memory +${((peakKb() - before) / 1024).toFixed(1)} MB`,
  );
}
console.log(`\nCold start on that database: first answer ${coldStart.toFixed(0)} ms after the process began (goal ≤ 1500 ms)`);
bare.close();
child.kill('SIGTERM');
