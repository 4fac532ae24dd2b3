// The outbox keeps emails across a restart while the SMTP server is down, and delivers
// them once it is back.
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startSmtpSink } from '../setup/smtp';
import { startServer, Visitor, type TestServer } from '../setup/server';
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
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe('outbox', () => {
  it('survives a restart with SMTP down and delivers once it is back', async () => {
    const port = await freePort();
    const smtpUrl = `smtp://127.0.0.1:${port}?tls=off`;
    let server: TestServer = await startServer({ SMTP_URL: smtpUrl });
    const issued = await referInFull(new Visitor(server.url), referralAnswers({ 'contacting-you': { contactMethod: 'email', email: 'later@example.org' } }));
    await new Promise((r) => setTimeout(r, 500)); // a few failed attempts
    await server.stop();

    const smtp = await startSmtpSink(port);
    cleanups.push(() => smtp.close());
    server = await startServer({ SMTP_URL: smtpUrl, OUTBOX_RETRY_BASE_MS: '100' }, server.dir);
    cleanups.push(() => server.stop());

    const end = Date.now() + 15_000;
    while (!smtp.received.length && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(['later@example.org']);
    expect(smtp.received[0]!.raw).toContain(issued.reference);
    // Delivered once, not again on the next poll.
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.received).toHaveLength(1);
  });
});
