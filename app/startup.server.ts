// What the server does once before it listens: check configuration (importing env does),
// migrate the database, seed the demo when asked, and start background work.
import { resolve } from 'node:path';
import { migrateDatabase } from '#db/client.server';
import { sendDigests } from '~/models/letters/notifications.server';
import { purgeExpiredDrafts } from '~/models/referrals/referral.server';
import { purgeIfDue, stopPurging } from '~/models/data-protection/retention.server';
import { purgeOldSignInFailures } from '~/models/referrals/sign-in.server';
import { releaseFeedbackIfDue } from '~/models/feedback/releases.server';
import { seedDemo } from '~/models/demo/demo.server';
import { db } from '~/utils/db.server';
import { startOutboxSender } from '~/utils/email.server';
import { env } from '~/utils/env.server';
import { purgeExpiredSessions } from '~/utils/session.server';

export async function startup(): Promise<() => void> {
  if (env.NODE_ENV === 'production' && !env.DEMO && !env.SMTP_URL && !env.OUTBOX_FILES) {
    throw new Error(
      'Invalid configuration:\n  SMTP_URL: required in production; without it emails are only written as files under OUTBOX_DIR (set OUTBOX_FILES=true if you mean that)',
    );
  }
  migrateDatabase(db, resolve('db/migrations'));
  // `npm start` sets DEMO; a production start (`npm run serve`) seeds nothing.
  if (env.DEMO) await seedDemo();
  const purge = () => {
    purgeExpiredDrafts();
    purgeExpiredSessions();
    purgeOldSignInFailures();
    sendDigests();
    // Survey answers, held until a quarter opens with enough of them (decision 024).
    releaseFeedbackIfDue();
    retention();
  };
  // The retention purge: once a day, in batches that leave the server answering requests.
  let purging = false;
  const retention = () => {
    if (purging) return;
    purging = true;
    purgeIfDue()
      .catch((error: unknown) => console.error('Retention purge failed:', error instanceof Error ? error.message : error))
      .finally(() => (purging = false));
  };
  purge();
  const purgeTimer = setInterval(purge, 10 * 60 * 1000);
  purgeTimer.unref();
  const stopSender = startOutboxSender();
  return () => {
    clearInterval(purgeTimer);
    stopPurging();
    stopSender();
    db.$client.close();
  };
}
