// The outbox: business code calls `enqueueEmail` inside its own transaction; the sender
// delivers due rows with nodemailer and retries with exponential backoff. Rows survive
// restarts. With no SMTP_URL, emails are written as .eml files under OUTBOX_DIR.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, asc, eq, lte } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { outbox } from '#db/schema';
import type { Tx } from '#db/client.server';
import { db } from './db.server';
import { env } from './env.server';

/** What a template in emails/ renders. */
type Email = { subject: string; text: string; html: string };

export const MAX_ATTEMPTS = 12;

export function enqueueEmail(tx: Tx, to: string, template: string, email: Email, referralId?: number) {
  tx.insert(outbox)
    .values({ template, subject: email.subject, text: email.text, html: email.html, toAddress: to, referralId: referralId ?? null, nextAttemptAt: new Date() })
    .run();
}

type Transport = { send(row: { to: string; subject: string; text: string; html: string; id: number }): Promise<void> };

function createTransport(): Transport {
  if (env.SMTP_URL) {
    const url = new URL(env.SMTP_URL);
    const transporter = nodemailer.createTransport({
      host: url.hostname,
      port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
      secure: url.protocol === 'smtps:',
      ignoreTLS: url.searchParams.get('tls') === 'off',
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    return {
      async send(row) {
        await transporter.sendMail({ from: env.MAIL_FROM, to: row.to, subject: row.subject, text: row.text, html: row.html });
      },
    };
  }
  const writer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(row) {
      const info = await writer.sendMail({ from: env.MAIL_FROM, to: row.to, subject: row.subject, text: row.text, html: row.html });
      mkdirSync(env.OUTBOX_DIR, { recursive: true });
      writeFileSync(join(env.OUTBOX_DIR, `${Date.now()}-${row.id}.eml`), info.message as Buffer);
    },
  };
}

let transport: Transport | undefined;

/** Delivers every due email once. Returns how many were sent. */
export async function deliverDueEmails(now = new Date()): Promise<number> {
  transport ??= createTransport();
  const due = db
    .select()
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)))
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(50)
    .all();
  let sent = 0;
  for (const row of due) {
    try {
      await transport.send({ id: row.id, to: row.toAddress, subject: row.subject, text: row.text, html: row.html });
      // Once delivered, the address and body are no longer needed.
      db.update(outbox)
        .set({ status: 'sent', sentAt: new Date(), toAddress: '', text: '', html: '', lastError: null, attempts: row.attempts + 1 })
        .where(eq(outbox.id, row.id))
        .run();
      sent++;
    } catch (error) {
      const attempts = row.attempts + 1;
      const delay = Math.min(env.OUTBOX_RETRY_BASE_MS * 2 ** (attempts - 1), 6 * 60 * 60 * 1000);
      db.update(outbox)
        .set({
          attempts,
          status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
          nextAttemptAt: new Date(Date.now() + delay),
          lastError: error instanceof Error ? error.message.slice(0, 500) : 'unknown error',
        })
        .where(eq(outbox.id, row.id))
        .run();
    }
  }
  return sent;
}

/** Polls the outbox until stopped. One delivery run at a time. */
export function startOutboxSender(): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await deliverDueEmails();
    } catch (error) {
      console.error('outbox: delivery run failed', error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(tick, env.OUTBOX_POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
