// The outbox under two sender processes, a slow mail server and a crash: every email is
// delivered exactly once while senders live, and none is lost when one is killed mid-send.
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../setup/server';
import { startSmtpSink } from '../setup/smtp';
import { report } from './report';

let servers: TestServer[] = [];
let sinks: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await Promise.all(sinks.map((s) => s.close()));
  servers = [];
  sinks = [];
});

/** Puts `n` due emails in the outbox of the database at `dbPath`, each with a marker. */
function queue(dbPath: string, n: number) {
  const db = new Database(dbPath);
  const insert = db.prepare(
    "insert into outbox (template, to_address, subject, text, html, status, attempts, next_attempt_at) values ('test', ?, ?, ?, '<p>x</p>', 'pending', 0, ?)",
  );
  db.transaction(() => {
    for (let i = 0; i < n; i++) insert.run(`person${i}@example.org`, `Message ${i}`, `MARKER-${i}-END`, Date.now());
  })();
  db.close();
}

const copiesOf = (received: { raw: string }[], n: number) =>
  Array.from({ length: n }, (_, i) => received.filter((m) => m.raw.includes(`MARKER-${i}-END`)).length);

/** A count from the database file, read as another process would. */
function countIn(dbPath: string, sql: string) {
  const db = new Database(dbPath, { readonly: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function until(check: () => boolean, ms: number) {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
}

describe('the outbox', () => {
  it('two sender processes and a slow mail server deliver every email exactly once', async () => {
    const sink = await startSmtpSink(0, { delayMs: 150 });
    sinks.push(sink);
    const dir = mkdtempSync(join(tmpdir(), 'rj-outbox-'));
    const env = { SMTP_URL: sink.url, OUTBOX_POLL_MS: '50' };
    const first = await startServer(env, dir);
    servers.push(first);
    await first.stop(); // migrated; now queue the mail before either sender runs
    servers = [];
    queue(first.dbPath, 40);
    servers.push(await startServer(env, dir), await startServer(env, dir));
    // Every row marked sent: a sender marks a row only after the mail server accepted it, so
    // any second copy would have arrived by then.
    await until(() => countIn(first.dbPath, "select count(*) as n from outbox where status <> 'sent'") === 0, 60_000);
    const copies = copiesOf(sink.received, 40);
    report('2 senders, SMTP 150 ms a message', '40 emails', `${sink.received.length} received; copies per email ${Math.min(...copies)}–${Math.max(...copies)}`);
    expect(copies.every((c) => c === 1)).toBe(true);
  });

  it('kill -9 of a sender in the middle of a send loses no email', async () => {
    const sink = await startSmtpSink(0, { delayMs: 1000 });
    sinks.push(sink);
    const dir = mkdtempSync(join(tmpdir(), 'rj-outbox-'));
    const env = { SMTP_URL: sink.url, OUTBOX_POLL_MS: '50', OUTBOX_LEASE_MS: '3000' };
    const first = await startServer(env, dir);
    await first.stop();
    queue(first.dbPath, 5);
    const doomed = await startServer(env, dir);
    // A send is under way (the mail server takes 1 s to accept it): a row is leased.
    const leased = () => countIn(first.dbPath, 'select count(*) as n from outbox where leased_by is not null');
    await until(() => leased() > 0, 10_000);
    expect(leased()).toBeGreaterThan(0);
    await doomed.kill();
    const survivor = await startServer(env, dir);
    servers.push(survivor);
    await until(() => new Set(copiesOf(sink.received, 5).map((c) => c > 0)).size === 1 && copiesOf(sink.received, 5)[0]! > 0, 30_000);
    const copies = copiesOf(sink.received, 5);
    report('kill -9 mid-send, lease 3 s', '5 emails', `copies per email: ${copies.join(', ')}`);
    expect(copies.every((c) => c >= 1)).toBe(true);
  });
});
