// The outbox: business code calls `enqueueEmail` inside its own transaction; the sender
// delivers due rows with nodemailer and retries with exponential backoff. Rows survive
// restarts. With no SMTP_URL, emails are written as .eml files under OUTBOX_DIR (the demo,
// development and tests; production refuses it unless OUTBOX_FILES=true).
import { chmodSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
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
      openOutboxDir();
      // One file per row, named by its id, so the file goes when the row goes (sweepOutboxFiles).
      writeFileSync(join(env.OUTBOX_DIR, `${row.id}.eml`), info.message as Buffer, { mode: 0o600 });
    },
  };
}

let transport: Transport | undefined;

/** The file outbox's folder, readable by the server's user alone, as the database is. */
function openOutboxDir() {
  mkdirSync(env.OUTBOX_DIR, { recursive: true, mode: 0o700 });
  chmodSync(env.OUTBOX_DIR, 0o700);
}

const EML = /^(\d+)\.eml$/;

/**
 * Deletes every .eml file whose outbox row is gone: rows go by cascade when a referrer
 * deletes their referral, and by the retention purge. Called after both, and at start, so a
 * crash between the commit and the sweep leaves nothing behind for long. Returns how many
 * files it deleted.
 */
export function sweepOutboxFiles(): number {
  if (env.SMTP_URL) return 0;
  let names: string[];
  try {
    names = readdirSync(env.OUTBOX_DIR);
  } catch {
    return 0; // no folder yet: nothing was ever written
  }
  const exists = db.$client.prepare('select 1 from outbox where id = ?').pluck();
  let deleted = 0;
  for (const name of names) {
    const id = EML.exec(name)?.[1];
    // Files of the old naming (<time>-<id>.eml) belong to no row this sweep can find: they go too.
    if (!name.endsWith('.eml')) continue;
    if (id && exists.get(Number(id))) {
      chmodSync(join(env.OUTBOX_DIR, name), 0o600); // a file written before this rule was 0644
      continue;
    }
    rmSync(join(env.OUTBOX_DIR, name), { force: true });
    deleted++;
  }
  return deleted;
}

/** Who this sender is, in leases: one id per process. */
const SENDER_ID = `${process.pid}-${randomBytes(4).toString('hex')}`;

/**
 * Claims one due row for this sender, atomically (one UPDATE … RETURNING): a row whose lease
 * is live belongs to another sender, or to a send whose outcome is not known yet.
 */
function claimNext(now: Date) {
  return db
    .update(outbox)
    .set({ leasedBy: SENDER_ID, leasedUntil: new Date(Date.now() + env.OUTBOX_LEASE_MS), attempts: sql`${outbox.attempts} + 1` })
    .where(
      inArray(
        outbox.id,
        db
          .select({ id: outbox.id })
          .from(outbox)
          .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now), or(isNull(outbox.leasedUntil), lt(outbox.leasedUntil, new Date()))))
          .orderBy(asc(outbox.nextAttemptAt))
          .limit(1),
      ),
    )
    .returning()
    .get();
}

/**
 * Delivers due emails, one claimed row at a time, until none is due or `max` are done.
 * Returns how many were sent. A send that timed out keeps its lease: it is tried again after
 * the later of its backoff and the lease's end, never sooner, because the server may have
 * taken the message before the timeout. A refused send is retried on its backoff. After a crash the lease runs out and
 * the row is sent again: delivery is at least once, and exactly once while senders live.
 */
export async function deliverDueEmails(now = new Date(), max = 50): Promise<number> {
  transport ??= createTransport();
  let sent = 0;
  for (let i = 0; i < max; i++) {
    const row = claimNext(now);
    if (!row) break;
    try {
      await transport.send({ id: row.id, to: row.toAddress, subject: row.subject, text: row.text, html: row.html });
      // Once delivered, the address and body are no longer needed.
      db.update(outbox)
        .set({ status: 'sent', sentAt: new Date(), toAddress: '', text: '', html: '', lastError: null, leasedBy: null, leasedUntil: null })
        .where(and(eq(outbox.id, row.id), eq(outbox.leasedBy, SENDER_ID)))
        .run();
      sent++;
    } catch (error) {
      const delay = Math.min(env.OUTBOX_RETRY_BASE_MS * 2 ** (row.attempts - 1), 6 * 60 * 60 * 1000);
      // A timeout may have come after the server took the message: wait out the lease.
      // A refusal (no connection, an error reply) delivered nothing: retry on the backoff.
      const maybeDelivered = (error as { code?: string } | null)?.code === 'ETIMEDOUT';
      const retryAt = Math.max(Date.now() + delay, maybeDelivered ? (row.leasedUntil?.getTime() ?? 0) : 0);
      db.update(outbox)
        .set({
          status: row.attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
          nextAttemptAt: new Date(retryAt),
          ...(maybeDelivered ? {} : { leasedBy: null, leasedUntil: null }),
          lastError: error instanceof Error ? error.message.slice(0, 500) : 'unknown error',
        })
        .where(and(eq(outbox.id, row.id), eq(outbox.leasedBy, SENDER_ID)))
        .run();
    }
  }
  return sent;
}

/** Polls the outbox until stopped. One delivery run at a time. */
export function startOutboxSender(): () => void {
  if (!env.SMTP_URL) {
    openOutboxDir();
    sweepOutboxFiles();
  }
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
