// Reference + passphrase sign-in for people who referred themselves and for letter-exchange
// participants, with rate limits in any 15 minutes: 5 tries for a reference from one address,
// 20 tries from one address whatever the reference, and 50 for a reference from everywhere.
// A stranger who knows someone's reference can use up only their own address's 5, not the
// owner's: keeping the owner out takes ten addresses. Each try is counted before the
// passphrase is checked (attempts.server.ts), so parallel requests get no more guesses.
import { eq } from 'drizzle-orm';
import { exchangeMembers, referrals } from '#db/schema';
import { ATTEMPT_WINDOW_MS, pairKey, purgeOldAttempts, releaseAttempt, reserveAttempt } from '~/utils/attempts.server';
import { db } from '~/utils/db.server';
import { getDecoyHash, normalisePassphrase, normaliseReference, verifySecret } from '~/utils/passphrase.server';

export const WINDOW_MS = ATTEMPT_WINDOW_MS;
export const MAX_FAILURES_PER_REFERENCE_FROM_ADDRESS = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
export const MAX_FAILURES_PER_REFERENCE = 50;

export type SignInResult = { ok: true; id: number } | { ok: false; reason: 'wrong' | 'locked-reference' | 'locked-address' };
type Kind = 'referral' | 'member';

const scopes = (kind: Kind) =>
  kind === 'referral' ? (['reference', 'address', 'reference_from'] as const) : (['member', 'member_address', 'member_from'] as const);

/**
 * Counts one try for this reference and this address, or says which is locked. Call it
 * before checking any secret that comes with the reference (a passphrase, a set-up code).
 */
export function reserveSignInAttempt(kind: Kind, reference: string, address: string) {
  const [refScope, addressScope, pairScope] = scopes(kind);
  const r = reserveAttempt([
    { scope: addressScope, value: address, max: MAX_FAILURES_PER_ADDRESS },
    { scope: pairScope, key: pairKey(refScope, reference, address), max: MAX_FAILURES_PER_REFERENCE_FROM_ADDRESS },
    { scope: refScope, value: reference, max: MAX_FAILURES_PER_REFERENCE },
  ]);
  if (r.ok) return r;
  return { ok: false as const, reason: r.locked === addressScope ? ('locked-address' as const) : ('locked-reference' as const) };
}

/**
 * Reference + passphrase sign-in, for referrers (`referral`) and letter-exchange
 * participants (`member`): the same limits, the same generic failure, and one argon2
 * verification whether or not the reference exists, so timing tells nothing.
 */
export async function signInWithPassphrase(kind: Kind, referenceInput: string, passphraseInput: string, address: string): Promise<SignInResult> {
  const reference = kind === 'referral' ? normaliseReference(referenceInput) : referenceInput.trim().toUpperCase();
  const attempt = reserveSignInAttempt(kind, reference, address);
  if (!attempt.ok) return attempt;

  const row =
    kind === 'referral'
      ? db.select({ id: referrals.id, hash: referrals.passphraseHash }).from(referrals).where(eq(referrals.reference, reference)).get()
      : db.select({ id: exchangeMembers.id, hash: exchangeMembers.passphraseHash }).from(exchangeMembers).where(eq(exchangeMembers.reference, reference)).get();
  const passphrase = kind === 'referral' ? normalisePassphrase(passphraseInput) : passphraseInput.trim();
  const valid = await verifySecret(row?.hash ?? (await getDecoyHash()), passphrase);
  if (row?.hash && valid) {
    releaseAttempt(attempt);
    return { ok: true, id: row.id };
  }
  return { ok: false, reason: 'wrong' };
}

export async function signInReferrer(referenceInput: string, passphraseInput: string, address: string) {
  const r = await signInWithPassphrase('referral', referenceInput, passphraseInput, address);
  return r.ok ? { ok: true as const, referralId: r.id } : r;
}

export function purgeOldSignInFailures(now = Date.now()) {
  return purgeOldAttempts(now);
}
