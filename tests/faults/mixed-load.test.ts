// Fifty people at once for two minutes (LOAD_SECONDS), on loopback: visitors reading and
// referring, strangers guessing sign-ins, staff working cases and reading letters,
// participants writing. Every answer must be one a person could act on: no 5xx, no time-out.
// Refusals the service means (429 at a limit, 4xx for a full drafts list) are not errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, Visitor, type Page, type TestServer } from '../setup/server';
import { setUpTeam, staffPost, type SignedInStaff } from '../setup/staff';
import { buildExchange, sendLetter, type Exchange } from '../integration/exchange-fixture';
import { referInFull } from '../integration/flow';
import { report } from './report';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 120);
const TIMEOUT_MS = 10_000;

let server: TestServer;
let team: Awaited<ReturnType<typeof setUpTeam>>;
let exchanges: Exchange[];
beforeAll(async () => {
  server = await startServer({ TRUST_PROXY: '1' });
  team = await setUpTeam(server);
  for (const s of Object.values(team)) s.visitor.timeoutMs = TIMEOUT_MS;
  exchanges = [];
  for (let i = 0; i < 3; i++) {
    const exchange = await buildExchange(server, team.fran, { victim: `Load Victim ${i}`, offender: `Load Offender ${i}` });
    await sendLetter(exchange.victim, 'A first letter, so that the queue has something to read.');
    for (const m of [exchange.victim, exchange.offender]) m.visitor.timeoutMs = TIMEOUT_MS;
    exchanges.push(exchange);
  }
}, 120_000);
afterAll(() => server.stop());

type Outcome = { kind: string; what: string; status: number | string; ms: number };
const outcomes: Outcome[] = [];

/** A visitor whose every request fails after TIMEOUT_MS: a person kept waiting that long is a failure. */
const visitor = (headers: Record<string, string> = {}) => Object.assign(new Visitor(server.url, headers), { timeoutMs: TIMEOUT_MS });

/**
 * Runs one step; a throw or a time-out is an outcome too. Each request is bounded by its
 * visitor (TIMEOUT_MS); a step of several requests (a whole referral) by `bound`.
 */
async function step(kind: string, what: string, run: () => Promise<Page | Response>, bound = TIMEOUT_MS) {
  const started = performance.now();
  let status: number | string;
  try {
    const res = await Promise.race([run(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), bound).unref())]);
    status = res.status;
  } catch (error) {
    status = error instanceof Error ? error.message : 'failed';
  }
  outcomes.push({ kind, what, status, ms: performance.now() - started });
}

const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;
const PUBLIC = ['/', '/what-is-restorative-justice', '/is-it-right-for-me', '/questions', '/refer', '/check-your-referral', '/privacy', '/contact'];
const STAFF = ['/staff', '/staff/cases', '/staff/letters', '/staff/reports', '/staff/feedback'];
// A manager's pages besides (a facilitator is answered 404 there).
const MANAGER = [...STAFF, '/staff/data-protection', '/staff/complaints', '/staff/accounts', '/staff/reports/return.csv?from=2026-01&to=2026-12'];

const people: Record<string, (n: number) => () => Promise<void>> = {
  visitor: (n) => {
    const v = visitor({ 'X-Forwarded-For': `198.51.100.${n}` });
    return async () => {
      // A whole referral is many requests (one of them an argon2 hash): each is bounded, the whole by two minutes.
      if (Math.random() < 0.1)
        return step('visitor', 'refers', () => referInFull(visitor({ 'X-Forwarded-For': `198.51.100.${n}` })).then(() => ({ status: 200 }) as Page), 120_000);
      await step('visitor', 'reads', () => v.get(pick(PUBLIC)));
    };
  },
  guesser: (n) => async () => {
    await step('guesser', 'guesses', () =>
      visitor({ 'X-Forwarded-For': `203.0.113.${n % 3}` }).post('/check-your-referral', {
        reference: 'RJ-AAAA-AAAA',
        passphrase: `guess ${Math.random()}`,
      }),
    );
  },
  staff: (n) => {
    const who: SignedInStaff = [team.fran, team.otto, team.morgan][n % 3]!;
    return async () => {
      const exchange = pick(exchanges);
      const r = Math.random();
      if (r < 0.15) return step('staff', 'notes', () => staffPost(team.fran, exchange.caseUrl, { intent: 'note', body: 'Rang; left a message.' }));
      // Otto is not on these cases: he is answered 404 there, so he keeps to the lists.
      if (r < 0.4 && who !== team.otto) return step('staff', 'opens a case', () => who.visitor.get(exchange.caseUrl));
      const path = pick(who === team.morgan ? MANAGER : STAFF);
      await step('staff', path, () => who.visitor.get(path));
    };
  },
  participant: (n) => {
    const exchange = exchanges[n % exchanges.length]!;
    const member = n % 2 ? exchange.victim : exchange.offender;
    return async () => {
      const r = Math.random();
      if (r < 0.3) {
        return step('participant', 'saves a draft', async () => {
          const write = await member.visitor.get('/letters/write');
          const recipient = /name="recipient" value="(\d+)"/.exec(write.html)?.[1] ?? '';
          return member.visitor.post('/letters/write', { intent: 'save', recipient, body: 'Still thinking about what to say.' });
        });
      }
      await step('participant', 'reads', () => member.visitor.get('/letters/home'));
    };
  },
};
const CROWD: [string, number][] = [
  ['visitor', 20],
  ['guesser', 5],
  ['staff', 15],
  ['participant', 10],
];

/** What a person would call a failure: a 5xx, a time-out, no answer. */
const failed = (o: Outcome) => typeof o.status !== 'number' || o.status >= 500;

describe('a mixed crowd', () => {
  it(
    `50 people for ${SECONDS} s: no 5xx, no time-out`,
    async () => {
      const until = Date.now() + SECONDS * 1000;
      const log = server.output().length;
      await Promise.all(
        CROWD.flatMap(([kind, count]) =>
          Array.from({ length: count }, async (_, n) => {
            const act = people[kind]!(n);
            while (Date.now() < until) await act();
          }),
        ),
      );
      const byKind = new Map<string, Outcome[]>();
      for (const o of outcomes) byKind.set(o.kind, [...(byKind.get(o.kind) ?? []), o]);
      for (const [kind, list] of byKind) {
        const ms = list.map((o) => o.ms).sort((a, b) => a - b);
        const statuses = new Map<string, number>();
        for (const o of list) statuses.set(String(o.status), (statuses.get(String(o.status)) ?? 0) + 1);
        report(
          `mixed load: ${kind}`,
          `${list.length} requests`,
          `${[...statuses].map(([s, c]) => `${c} × ${s}`).join(', ')}; p50 ${Math.round(ms[ms.length >> 1]!)} ms, p95 ${Math.round(ms[Math.floor(ms.length * 0.95)]!)} ms`,
        );
      }
      const failures = outcomes.filter(failed);
      expect(
        failures.map((f) => `${f.kind} ${f.what}: ${f.status}`),
        server.output().slice(log),
      ).toEqual([]);
      expect(outcomes.length).toBeGreaterThan(SECONDS * 10);
    },
    (SECONDS + 60) * 1000,
  );
});
