// Each fault scenario says what it sent and what it found; the table prints when the suite ends.
import { afterAll } from 'vitest';

const rows: [string, string, string][] = [];

export function report(scenario: string, sent: string, found: string) {
  rows.push([scenario, sent, found]);
}

afterAll(() => {
  if (!rows.length) return;
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length), ['scenario', 'sent', 'found'][i]!.length));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(w[i]!)).join(' | ');
  console.log(['', line(['scenario', 'sent', 'found']), w.map((n) => '-'.repeat(n)).join('-|-'), ...rows.map(line)].join('\n'));
});
