// Reference + passphrase sign-in for people who referred themselves, with rate limits:
// at most 5 failed tries per reference and 20 per address in any 15 minutes.
import { createHmac } from 'node:crypto';
import { and, count, eq, gt, lt } from 'drizzle-orm';
import { exchangeMembers, referrals, signInFailures } from '#db/schema';
import { db } from '~/utils/db.server';
import { env } from '~/utils/env.server';
import { getDecoyHash, normalisePassphrase, normaliseReference, verifySecret } from '~/utils/passphrase.server';

export const WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_REFERENCE = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

const keyFor = (scope: string, value: string) => createHmac('sha256', env.SESSION_SECRET).update(`${scope}:${value}`).digest('hex');

type Scope = 'reference' | 'address' | 'member' | 'member_address';

function recentFailures(scope: Scope, key: string): number {
  const since = new Date(Date.now() - WINDOW_MS);
  return (
    db
      .select({ n: count() })
      .from(signInFailures)
      .where(and(eq(signInFailures.scope, scope), eq(signInFailures.key, key), gt(signInFailures.createdAt, since)))
      .get()?.n ?? 0
  );
}

export type SignInResult = { ok: true; id: number } | { ok: false; reason: 'wrong' | 'locked-reference' | 'locked-address' };

/**
 * Reference + passphrase sign-in, for referrers (`referral`) and letter-exchange
 * participants (`member`): the same limits, the same generic failure, and one argon2
 * verification whether or not the reference exists, so timing tells nothing.
 */
export async function signInWithPassphrase(
  kind: 'referral' | 'member',
  referenceInput: string,
  passphraseInput: string,
  address: string,
): Promise<SignInResult> {
  const reference = kind === 'referral' ? normaliseReference(referenceInput) : referenceInput.trim().toUpperCase();
  const [refScope, addressScope] = kind === 'referral' ? (['reference', 'address'] as const) : (['member', 'member_address'] as const);
  const referenceKey = keyFor(refScope, reference);
  const addressKey = keyFor(addressScope, address);
  if (recentFailures(addressScope, addressKey) >= MAX_FAILURES_PER_ADDRESS) return { ok: false, reason: 'locked-address' };
  if (recentFailures(refScope, referenceKey) >= MAX_FAILURES_PER_REFERENCE) return { ok: false, reason: 'locked-reference' };

  const row =
    kind === 'referral'
      ? db.select({ id: referrals.id, hash: referrals.passphraseHash }).from(referrals).where(eq(referrals.reference, reference)).get()
      : db.select({ id: exchangeMembers.id, hash: exchangeMembers.passphraseHash }).from(exchangeMembers).where(eq(exchangeMembers.reference, reference)).get();
  const passphrase = kind === 'referral' ? normalisePassphrase(passphraseInput) : passphraseInput.trim();
  const valid = await verifySecret(row?.hash ?? (await getDecoyHash()), passphrase);
  if (row?.hash && valid) return { ok: true, id: row.id };

  db.insert(signInFailures)
    .values([
      { scope: refScope, key: referenceKey },
      { scope: addressScope, key: addressKey },
    ])
    .run();
  return { ok: false, reason: 'wrong' };
}

export async function signInReferrer(referenceInput: string, passphraseInput: string, address: string) {
  const r = await signInWithPassphrase('referral', referenceInput, passphraseInput, address);
  return r.ok ? { ok: true as const, referralId: r.id } : r;
}

export function purgeOldSignInFailures(now = Date.now()) {
  return db
    .delete(signInFailures)
    .where(lt(signInFailures.createdAt, new Date(now - WINDOW_MS)))
    .run().changes;
}
