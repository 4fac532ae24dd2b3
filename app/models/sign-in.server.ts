// Reference + passphrase sign-in for people who referred themselves, with rate limits:
// at most 5 failed tries per reference and 20 per address in any 15 minutes.
import { createHmac } from 'node:crypto';
import { and, count, eq, gt, lt } from 'drizzle-orm';
import { referrals, signInFailures } from '#db/schema';
import { db } from '~/utils/db.server';
import { env } from '~/utils/env.server';
import { getDecoyHash, normalisePassphrase, normaliseReference, verifySecret } from '~/utils/passphrase.server';

export const WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_REFERENCE = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

const keyFor = (scope: string, value: string) => createHmac('sha256', env.SESSION_SECRET).update(`${scope}:${value}`).digest('hex');

function recentFailures(scope: 'reference' | 'address', key: string): number {
  const since = new Date(Date.now() - WINDOW_MS);
  return (
    db
      .select({ n: count() })
      .from(signInFailures)
      .where(and(eq(signInFailures.scope, scope), eq(signInFailures.key, key), gt(signInFailures.createdAt, since)))
      .get()?.n ?? 0
  );
}

export type SignInResult = { ok: true; referralId: number } | { ok: false; reason: 'wrong' | 'locked-reference' | 'locked-address' };

export async function signInReferrer(referenceInput: string, passphraseInput: string, address: string): Promise<SignInResult> {
  const reference = normaliseReference(referenceInput);
  const referenceKey = keyFor('reference', reference);
  const addressKey = keyFor('address', address);
  if (recentFailures('address', addressKey) >= MAX_FAILURES_PER_ADDRESS) return { ok: false, reason: 'locked-address' };
  if (recentFailures('reference', referenceKey) >= MAX_FAILURES_PER_REFERENCE) return { ok: false, reason: 'locked-reference' };

  const referral = db
    .select({ id: referrals.id, hash: referrals.passphraseHash })
    .from(referrals)
    .where(eq(referrals.reference, reference))
    .get();
  // Always run one argon2 verification, so a wrong reference is no faster than a wrong passphrase.
  const valid = await verifySecret(referral?.hash ?? (await getDecoyHash()), normalisePassphrase(passphraseInput));
  if (referral?.hash && valid) return { ok: true, referralId: referral.id };

  db.insert(signInFailures)
    .values([
      { scope: 'reference', key: referenceKey },
      { scope: 'address', key: addressKey },
    ])
    .run();
  return { ok: false, reason: 'wrong' };
}

export function purgeOldSignInFailures(now = Date.now()) {
  return db.delete(signInFailures).where(lt(signInFailures.createdAt, new Date(now - WINDOW_MS))).run().changes;
}
