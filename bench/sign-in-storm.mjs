// The sign-in storm: 300 wrong sign-ins at once, from 300 addresses (the server trusts one
// proxy, so X-Forwarded-For stands for the address), to 300 different references. Prints
// how they were answered, the wall time, and the server's peak memory (VmHWM). Figures, not
// assertions; loopback only.
import { readFileSync } from 'node:fs';
import { startBenchServer } from './server.mjs';

const { base, child } = await startBenchServer({ TRUST_PROXY: '1' });
const memory = (field) =>
  Number(
    /(\d+) kB/.exec(
      readFileSync(`/proc/${child.pid}/status`, 'utf8')
        .split('\n')
        .find((l) => l.startsWith(field)) ?? '',
    )?.[1] ?? 0,
  ) / 1024;

const A = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const before = memory('VmRSS:');
const started = performance.now();
const statuses = await Promise.all(
  Array.from({ length: 300 }, (_, i) =>
    fetch(`${base}/check-your-referral`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': i < 250 ? `198.51.100.${i}` : `203.0.113.${i - 250}` },
      body: `reference=RJ-${A[i % 30]}${A[Math.floor(i / 30)]}AA-AAAA&passphrase=wrong`,
      signal: AbortSignal.timeout(60_000),
    }).then(
      (r) => r.status,
      () => 'no answer',
    ),
  ),
);
const wall = performance.now() - started;
const by = {};
for (const s of statuses) by[s] = (by[s] ?? 0) + 1;
console.log('Sign-in storm: 300 wrong sign-ins at once, 300 addresses, 300 references');
console.log(
  `  answered: ${Object.entries(by)
    .map(([s, n]) => `${n} × ${s}`)
    .join(', ')} (401 = checked, 503 = turned away at once, 429 = limited)`,
);
console.log(`  wall time ${(wall / 1000).toFixed(1)} s; server memory ${before.toFixed(0)} MB before, peak ${memory('VmHWM:').toFixed(0)} MB`);
child.kill('SIGTERM');
