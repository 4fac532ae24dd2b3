// The retention purge at a busy service's size (bench/seed.ts), inside the server as its
// daily run does it: how long it takes, and what it does to everyone else's requests while
// it runs. The page timed is /privacy (rendered per request, no database): its latency is the
// event loop's, which each purge batch holds. Timed beside the same page once the purge has
// finished, and beside a bare node:http server replaying the same bytes, in the same run.
// Figures, not assertions.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { seed } from './seed';

const dir = mkdtempSync(join(tmpdir(), 'rj-bench-purge-'));
const dbPath = join(dir, 'portal.db');
await seed(dbPath);

// Every closed case closed three years ago, every declined referral declined two years ago:
// all due under the default schedule.
const db = new Database(dbPath);
const threeYears = Date.now() - 3 * 365 * 86_400_000;
const closed = db.prepare("update cases set closed_at = ? where stage = 'closed'").run(threeYears).changes;
const declined = db.prepare("update referrals set declined_at = ? where status = 'declined'").run(threeYears).changes;
const letters = (
  db
    .prepare("select count(*) as n from letters l join exchanges e on e.id = l.exchange_id join cases c on c.id = e.case_id where c.stage = 'closed'")
    .get() as {
    n: number;
  }
).n;
db.close();
console.log(
  `\nRetention purge: ${closed.toLocaleString('en-GB')} closed cases (${letters.toLocaleString('en-GB')} letters) and ${declined.toLocaleString('en-GB')} declined referrals due`,
);

// The daily run starts as the server starts (RETENTION_PURGE_HOUR=0).
const child = spawn(process.execPath, ['server.js'], {
  env: {
    PATH: process.env.PATH,
    DATABASE_PATH: dbPath,
    SESSION_SECRET: 'bench-secret-0123456789abcdef0123456789',
    NODE_ENV: 'production',
    PORT: '0',
    RETENTION_PURGE_HOUR: '0',
    OUTBOX_FILES: 'true',
    OUTBOX_DIR: join(dirname(dbPath), 'outbox'),
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const started = performance.now();
const base = await new Promise<string>((done) => {
  let out = '';
  child.stdout!.on('data', (d) => {
    out += d;
    const m = /listening on (http:\/\/localhost:\d+)/.exec(out);
    if (m) done(m[1]!);
  });
});

const watcher = new Database(dbPath, { readonly: true });
const finished = () =>
  (watcher.prepare("select finished_at as f, counts from retention_runs where started_by = 'server'").get() as { f: number | null; counts: string } | undefined)
    ?.f;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function time(url: string): Promise<number> {
  const t = performance.now();
  await (await fetch(url)).arrayBuffer();
  return performance.now() - t;
}

// During: one request after another until the run has finished.
const during: number[] = [];
while (!finished()) during.push(await time(`${base}/privacy`));
const purgeSeconds = (performance.now() - started) / 1000;
const counts = JSON.parse((watcher.prepare("select counts from retention_runs where started_by = 'server'").get() as { counts: string }).counts) as Record<
  string,
  number
>;
watcher.close();

// After, and the bare floor with the same bytes.
const after: number[] = [];
for (let i = 0; i < 300; i++) after.push(await time(`${base}/privacy`));
const replay = Buffer.from(await (await fetch(`${base}/privacy`)).arrayBuffer());
const bare = createServer((_, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(replay));
await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
const floor: number[] = [];
for (let i = 0; i < 300; i++) floor.push(await time(`http://127.0.0.1:${(bare.address() as { port: number }).port}/`));
bare.close();
child.kill('SIGTERM');

const row = (label: string, xs: number[]) =>
  console.log(
    `${label.padEnd(34)} ${`${pct(xs, 50).toFixed(1)} / ${pct(xs, 95).toFixed(1)} / ${Math.max(...xs).toFixed(1)}`.padEnd(22)} ${xs.length} requests`,
  );
console.log(
  `Purged: ${Object.entries(counts)
    .filter(([, n]) => n)
    .map(([k, n]) => `${k} ${n.toLocaleString('en-GB')}`)
    .join(', ')}, in about ${purgeSeconds.toFixed(1)} s from the server's start`,
);
console.log(`${'/privacy, one request at a time'.padEnd(34)} ${'p50 / p95 / max ms'.padEnd(22)}`);
row('  while the purge runs', during);
row('  after it has finished', after);
row('  bare replay of the same bytes', floor);
