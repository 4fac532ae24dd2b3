// The outbox keeps emails across a restart while the SMTP server is down, and delivers
// them once it is back.
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startSmtpSink } from '../setup/smtp';
import { queryDb, startServer, Visitor, type TestServer } from '../setup/server';
import { referInFull } from './flow';
import { referralAnswers } from './referral-answers';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const cleanups: (() => Promise<void>)[] = [];

/** Waits for a condition, checking every 50 ms, for at most `ms`. */
async function until(check: () => boolean, ms: number) {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
}
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe('outbox', () => {
  it('survives a restart with SMTP down and delivers once it is back', async () => {
    const port = await freePort();
    const smtpUrl = `smtp://127.0.0.1:${port}?tls=off`;
    let server: TestServer = await startServer({ SMTP_URL: smtpUrl });
    const issued = await referInFull(new Visitor(server.url), referralAnswers({ 'contacting-you': { contactMethod: 'email', email: 'later@example.org' } }));
    // SMTP is down: the sender has tried, failed and kept the email to try again.
    // By its id: once sent, the address is removed from the row.
    const id = queryDb<{ id: number }>(server.dbPath, 'select id from outbox where to_address = ?', 'later@example.org')[0]!.id;
    const row = () =>
      queryDb<{ status: string; attempts: number; last_error: string | null }>(
        server.dbPath,
        'select status, attempts, last_error from outbox where id = ?',
        id,
      )[0];
    await until(() => (row()?.attempts ?? 0) >= 2, 15_000);
    expect(row()).toMatchObject({ status: 'pending' });
    expect(row()!.attempts).toBeGreaterThanOrEqual(2);
    expect(row()!.last_error).toBeTruthy();
    await server.stop();

    const smtp = await startSmtpSink(port);
    cleanups.push(() => smtp.close());
    server = await startServer({ SMTP_URL: smtpUrl, OUTBOX_RETRY_BASE_MS: '100' }, server.dir);
    cleanups.push(() => server.stop());

    await until(() => row()?.status === 'sent', 15_000);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(['later@example.org']);
    expect(smtp.received[0]!.raw).toContain(issued.reference);
    // Delivered once: the row is marked sent, which the sender never picks again.
    expect(row()).toMatchObject({ status: 'sent' });
  });
});
