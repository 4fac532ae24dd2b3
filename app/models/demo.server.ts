// Demo data for `npm start`: one self-referral you can sign back in to. Runs only when
// DEMO is true, and only adds what is not there yet.
import { eq } from 'drizzle-orm';
import { referralMessages, referrals } from '#db/schema';
import { db } from '~/utils/db.server';
import { env } from '~/utils/env.server';
import { hashSecret } from '~/utils/passphrase.server';
import { recordAudit } from './audit.server';

export const DEMO_REFERENCE = 'RJ-7K4M-Q2XP';
export const DEMO_PASSPHRASE = 'ocean garden window silver rabbit coffee planet';

export async function seedDemo() {
  const exists = db.select({ id: referrals.id }).from(referrals).where(eq(referrals.reference, DEMO_REFERENCE)).get();
  if (!exists) {
    const passphraseHash = await hashSecret(DEMO_PASSPHRASE);
    db.transaction((tx) => {
      const r = tx
        .insert(referrals)
        .values({
          reference: DEMO_REFERENCE,
          source: 'self',
          status: 'being_looked_at',
          passphraseHash,
          personRole: 'self',
          offenceKind: 'burglary',
          whenHappened: 'year',
          area: 'Demo town',
          reportedToPolice: 'yes',
          justiceStage: 'sentenced',
          knowsWhoHarmed: 'not_sure',
          contactKinds: ['letters'],
          contactMethod: 'none',
          supportNeeds: ['none'],
        })
        .returning({ id: referrals.id })
        .get();
      tx.insert(referralMessages)
        .values({
          referralId: r.id,
          sender: 'service',
          body: 'Hello. Thank you for getting in touch. A member of our team is reading your referral and will reply here within 5 working days.',
        })
        .run();
      recordAudit(tx, { type: 'system' }, 'referral.demo_seeded', { type: 'referral', id: r.id });
    });
  }
  console.log(
    `Demo: sign in at http://localhost:${env.PORT}/check-your-referral with reference ${DEMO_REFERENCE} and passphrase "${DEMO_PASSPHRASE}"`,
  );
}
