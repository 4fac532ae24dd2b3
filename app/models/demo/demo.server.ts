// Demo data for `npm start` (DEMO=true only): a self-referral you can sign back in to, two
// staff accounts with a known password and authenticator key, a partner referral and a case.
import { eq } from 'drizzle-orm';
import { cases, participants, referralMessages, referrals, staffUsers } from '#db/schema';
import { createHmac } from 'node:crypto';
import { db } from '~/utils/db.server';
import { env } from '~/utils/env.server';
import { hashSecret } from '~/utils/passphrase.server';
import { seal } from '~/utils/seal.server';
import { recordAudit } from '~/models/audit.server';
import { DEMO_LETTER_MEMBERS, seedExchange } from './exchange.server';
import { seedOutcomes } from './outcomes.server';
import { seedVictimFirst, seedWorklist } from './worklist.server';

export const DEMO_REFERENCE = 'RJ-7K4M-Q2XP';
export const DEMO_PASSPHRASE = 'ocean garden window silver rabbit coffee planet';
export const DEMO_STAFF_PASSWORD = 'demo password for the workspace';
/** Base32, 20 bytes. Type it into an authenticator app to sign in to the demo. */
export const DEMO_TOTP_KEY = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const DEMO_STAFF = [
  { email: 'manager@demo.invalid', name: 'Morgan Manager', role: 'manager' as const },
  { email: 'facilitator@demo.invalid', name: 'Fran Facilitator', role: 'facilitator' as const },
];

const totpKey = () => createHmac('sha256', env.SESSION_SECRET).update('totp-secret-key').digest('base64url');

async function seedStaff() {
  const passwordHash = await hashSecret(DEMO_STAFF_PASSWORD);
  const ids: number[] = [];
  for (const s of DEMO_STAFF) {
    const existing = db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.email, s.email)).get();
    if (existing) {
      ids.push(existing.id);
      continue;
    }
    const row = db
      .insert(staffUsers)
      .values({ ...s, passwordHash, totpSecretSealed: seal(DEMO_TOTP_KEY, totpKey()), totpEnrolled: true })
      .returning({ id: staffUsers.id })
      .get();
    ids.push(row.id);
  }
  return ids as [number, number];
}

export async function seedDemo() {
  const [, facilitatorId] = await seedStaff();
  seedVictimFirst(facilitatorId);
  seedOutcomes(facilitatorId);
  await seedExchange(facilitatorId);
  seedWorklist(facilitatorId);
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

      const p = tx
        .insert(referrals)
        .values({
          reference: 'RJ-DEMP-4RTN',
          source: 'partner',
          agency: 'nps',
          referrerName: 'Pat Probation',
          referrerEmail: 'pat@probation.demo.invalid',
          referrerPhone: '0121 496 0000',
          initiatedBy: 'victim',
          consentConfirmed: true,
          victimDetails: 'Dana (demo). Prefers calls after 6pm.',
          offenderDetails: 'Lee (demo), on probation.',
          offenceKind: 'damage',
          justiceStage: 'probation',
          risks: ['none'],
          supportNeeds: ['none'],
        })
        .returning({ id: referrals.id })
        .get();
      recordAudit(tx, { type: 'system' }, 'referral.demo_seeded', { type: 'referral', id: p.id });

      const accepted = tx
        .insert(referrals)
        .values({
          reference: 'RJ-DEMC-A5E2',
          source: 'partner',
          status: 'facilitator_will_contact',
          agency: 'police',
          referrerName: 'Sam Sergeant',
          referrerEmail: 'sam@police.demo.invalid',
          referrerPhone: '0121 496 0001',
          initiatedBy: 'victim',
          consentConfirmed: true,
          victimDetails: 'Alex (demo).',
          offenderDetails: 'Jordan (demo).',
          offenceKind: 'theft',
          justiceStage: 'sentenced',
          risks: ['none'],
          supportNeeds: ['none'],
        })
        .returning({ id: referrals.id })
        .get();
      const kase = tx.insert(cases).values({ referralId: accepted.id, facilitatorId, stage: 'assessing' }).returning({ id: cases.id }).get();
      tx.insert(participants)
        .values([
          { caseId: kase.id, role: 'victim', name: 'Alex (demo)' },
          { caseId: kase.id, role: 'offender', name: 'Jordan (demo)' },
        ])
        .run();
      recordAudit(tx, { type: 'system' }, 'case.demo_seeded', { type: 'case', id: kase.id });
    });
  }
  const base = `http://localhost:${env.PORT}`;
  console.log(`Demo: check a self-referral at ${base}/check-your-referral with reference ${DEMO_REFERENCE} and passphrase "${DEMO_PASSPHRASE}"`);
  console.log(`Demo: letters at ${base}/letters: ${DEMO_LETTER_MEMBERS.map((m) => `${m.role} ${m.reference} with "${m.passphrase}"`).join('; ')}`);
  console.log(
    `Demo: staff sign in at ${base}/staff/sign-in as ${DEMO_STAFF.map((s) => s.email).join(' or ')}, password "${DEMO_STAFF_PASSWORD}"; add the key ${DEMO_TOTP_KEY} to an authenticator app for the code (demo only)`,
  );
}
