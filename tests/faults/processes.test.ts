// Crashes and a second process: kill -9 of the server while 200 people send their
// referrals, and two server processes writing one database at once.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { answerAll } from '../integration/flow';
import { startServer, Visitor, type TestServer } from '../setup/server';
import { report } from './report';

let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  servers = [];
});

const REFERENCE = /Your reference is<br\/><strong>(RJ-[A-Z0-9-]+)<\/strong>/;

/** Runs `fn` over `items`, `width` at a time. */
async function inBatches<T, R>(items: T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width) out.push(...(await Promise.all(items.slice(i, i + width).map(fn))));
  return out;
}

describe('a crash and a second process', () => {
  it('kill -9 during 200 concurrent referrals: every confirmed one is there after restart, and sending again makes no duplicate', async () => {
    const first = await startServer();
    servers.push(first);
    const people = Array.from({ length: 200 }, () => new Visitor(first.url));
    await inBatches(people, 25, (v) => answerAll(v));
    // Everyone presses "Send" at once; the server is killed once the first 10 have their
    // reference on screen, with the rest still in flight.
    let shown = 0;
    let tenShown: () => void = () => {};
    const ten = new Promise<void>((resolve) => (tenShown = resolve));
    const sends = people.map((v) =>
      v.post('/refer/check-answers', { declaration: 'agreed' }).then(
        (p) => {
          const reference = REFERENCE.exec(p.html)?.[1] ?? null;
          if (reference && ++shown === 10) tenShown();
          return reference;
        },
        () => null,
      ),
    );
    await Promise.race([ten, new Promise((r) => setTimeout(r, 30_000))]);
    await first.kill();
    const before = await Promise.all(sends);
    const confirmed = before.filter((r): r is string => r !== null);
    servers = [];

    const second = await startServer({}, first.dir);
    servers.push(second);
    const db = new Database(second.dbPath, { readonly: true });
    const stored = new Set((db.prepare('select reference from referrals').all() as { reference: string }[]).map((r) => r.reference));
    db.close();
    const missing = confirmed.filter((r) => !stored.has(r));

    // Everyone sends again from the same browser (the same cookies).
    const again = await inBatches(people, 25, (v) => {
      const same = new Visitor(second.url);
      same.cookies = v.cookies;
      return same.post('/refer/check-answers', { declaration: 'agreed' }).then((p) => REFERENCE.exec(p.html)?.[1] ?? null);
    });
    const db2 = new Database(second.dbPath, { readonly: true });
    const total = (db2.prepare('select count(*) as n from referrals').get() as { n: number }).n;
    db2.close();
    const changed = before.filter((r, i) => r !== null && again[i] !== r).length;
    report(
      'kill -9 during 200 sends',
      '200 referrals',
      `${confirmed.length} confirmed before the kill, ${missing.length} missing after; sent again: ${total} referrals for 200 people, ${changed} references changed`,
    );
    expect(confirmed.length).toBeGreaterThanOrEqual(10);
    expect(confirmed.length).toBeLessThan(200);
    expect(missing).toEqual([]);
    expect(changed).toBe(0);
    expect(total).toBeLessThanOrEqual(200);
    expect(again.filter(Boolean).length).toBe(200);
  });

  it('two server processes write one database at once without "database is locked" or a 500', async () => {
    const a = await startServer();
    servers.push(a);
    const b = await startServer({}, a.dir);
    servers.push(b);
    const people = Array.from({ length: 40 }, (_, i) => new Visitor(i % 2 ? a.url : b.url));
    const results = await Promise.allSettled(people.map((v) => answerAll(v)));
    const failed = results.filter((r) => r.status === 'rejected').length;
    const log = a.output() + b.output();
    report('two processes, one database', '40 people answering 11 questions, half on each', `${failed} failed; "locked" in the logs: ${/locked/i.test(log)}`);
    expect(failed).toBe(0);
    expect(log).not.toMatch(/database is locked/i);
  });
});
