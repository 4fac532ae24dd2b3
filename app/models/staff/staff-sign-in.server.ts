// Staff sign-in: password, then a code from the authenticator app, with limits that a
// stranger cannot turn against the owner (decision 023). In any 15 minutes:
//   - 5 tries for an account from one address, and 20 from one address whatever the account;
//   - 30 for an account from everywhere (it takes six addresses to reach it);
//   - a device the person has signed in on before (staff-device-cookie.server.ts) has its own
//     5, and is not held by the others: the owner at their own desk is never locked out.
// The owner is emailed (content-free, once a window) when their account reaches a limit, and a
// manager can lift every lock on an account.
import { and, eq } from 'drizzle-orm';
import { verify } from 'otplib';
import { staffUsers } from '#db/schema';
import { staffSignInAttemptsEmail } from '#emails/staff-sign-in-attempts';
import { attemptKey, liftLocks, pairKey, recentAttempts, recentAttemptsByKey, releaseAttempt, reserveAttempt } from '~/utils/attempts.server';
import { db } from '~/utils/db.server';
import { enqueueEmail } from '~/utils/email.server';
import { env } from '~/utils/env.server';
import { getDecoyHash, verifySecret } from '~/utils/passphrase.server';
import type { StaffDevice } from '~/utils/staff-device-cookie.server';
import { recordAudit, type Actor } from '~/models/audit.server';
import { totpSecretOf } from './staff.server';

export const MAX_FAILURES_PER_ACCOUNT_FROM_ADDRESS = 5;
export const MAX_FAILURES_PER_STAFF_ADDRESS = 20;
export const MAX_FAILURES_PER_ACCOUNT = 30;
export const MAX_FAILURES_PER_DEVICE = 5;

type Account = { id: number; email: string; active: boolean };

/** Counts one try before anything is checked: on the device's own allowance when it is this account's. */
function reserveStaffAttempt(account: { id: number; email: string } | undefined, email: string, address: string, device: StaffDevice | null) {
  if (account && device?.u === account.id) return reserveAttempt([{ scope: 'staff_device', value: device.d, max: MAX_FAILURES_PER_DEVICE }]);
  return reserveAttempt([
    { scope: 'staff_address', value: address, max: MAX_FAILURES_PER_STAFF_ADDRESS },
    { scope: 'staff_account_from', key: pairKey('staff_account', email, address), max: MAX_FAILURES_PER_ACCOUNT_FROM_ADDRESS },
    { scope: 'staff_account', value: email, max: MAX_FAILURES_PER_ACCOUNT },
  ]);
}

/**
 * After a failed try from somewhere new: if it brought the account to a limit (its own, or
 * its pair with this address), tell the owner, at most once a window.
 */
function tellOwnerIfLocked(account: Account, address: string) {
  const accountKey = attemptKey('staff_account', account.email);
  const atLimit =
    recentAttempts('staff_account_from', pairKey('staff_account', account.email, address)) >= MAX_FAILURES_PER_ACCOUNT_FROM_ADDRESS ||
    recentAttempts('staff_account', accountKey) >= MAX_FAILURES_PER_ACCOUNT;
  if (!atLimit || !account.active) return;
  // One notice a window, however many tries arrive at once: the notice is itself a counted try.
  if (!reserveAttempt([{ scope: 'staff_notice', key: accountKey, max: 1 }]).ok) return;
  db.transaction((tx) => enqueueEmail(tx, account.email, 'staff-sign-in-attempts', staffSignInAttemptsEmail({ publicUrl: env.PUBLIC_URL })));
}

export type StaffSignIn = { ok: true; staffUserId: number; enrolled: boolean } | { ok: false; reason: 'wrong' | 'locked-account' | 'locked-address' };

export async function checkStaffPassword(emailInput: string, password: string, address: string, device: StaffDevice | null = null): Promise<StaffSignIn> {
  const email = emailInput.trim().toLowerCase();
  const user = db.select().from(staffUsers).where(eq(staffUsers.email, email)).get();
  const attempt = reserveStaffAttempt(user, email, address, device);
  if (!attempt.ok) return { ok: false, reason: attempt.locked === 'staff_address' ? 'locked-address' : 'locked-account' };
  const valid = await verifySecret(user?.passwordHash ?? (await getDecoyHash()), password);
  if (user && user.active && user.passwordHash && valid) {
    releaseAttempt(attempt);
    return { ok: true, staffUserId: user.id, enrolled: user.totpEnrolled };
  }
  if (user && device?.u !== user.id) tellOwnerIfLocked(user, address);
  return { ok: false, reason: 'wrong' };
}

export type CodeResult = { ok: true } | { ok: false; reason: 'wrong' | 'locked-account' };

/**
 * Checks a one-time code. A code is accepted once: its time step is remembered and any
 * code from that step or an earlier one is refused. Used for sign-in and for enrolment.
 */
export async function checkStaffCode(staffUserId: number, code: string, address: string, device: StaffDevice | null = null): Promise<CodeResult> {
  const found = totpSecretOf(staffUserId);
  if (!found) return { ok: false, reason: 'wrong' };
  const { user, secret } = found;
  const attempt = reserveStaffAttempt(user, user.email, address, device);
  if (!attempt.ok) return { ok: false, reason: 'locked-account' };
  const token = code.replace(/\s+/g, '');
  const result = /^\d{6}$/.test(token)
    ? await verify({ secret, token, epochTolerance: 30, ...(user.totpLastStep != null ? { afterTimeStep: user.totpLastStep } : {}) })
    : { valid: false as const };
  if (!result.valid) {
    if (device?.u !== user.id) tellOwnerIfLocked(user, address);
    return { ok: false, reason: 'wrong' };
  }
  // Compare-and-set, so two requests with the same code cannot both pass.
  const changed = db.transaction((tx) => {
    const n = tx
      .update(staffUsers)
      .set({ totpLastStep: (result as { timeStep: number }).timeStep, totpEnrolled: true })
      .where(and(eq(staffUsers.id, user.id), user.totpLastStep == null ? undefined : eq(staffUsers.totpLastStep, user.totpLastStep)))
      .run().changes;
    if (n && !user.totpEnrolled) recordAudit(tx, { type: 'staff', id: user.id }, 'staff.authenticator_enrolled', { type: 'staff_user', id: user.id });
    return n;
  });
  if (!changed) return { ok: false, reason: 'wrong' };
  releaseAttempt(attempt);
  return { ok: true };
}

/** Failed tries counted against each account now, from everywhere (the accounts page shows them), in one query. */
export function signInFailuresOf(emails: string[]): Map<string, number> {
  const keyOf = new Map(emails.map((e) => [e, attemptKey('staff_account', e)]));
  const counts = recentAttemptsByKey('staff_account', [...keyOf.values()]);
  return new Map(emails.map((e) => [e, counts.get(keyOf.get(e)!) ?? 0]));
}

/** A manager ends every sign-in lock on an account (its own and each address's), audited. */
export function liftSignInLocks(actor: Actor, staffUserId: number): boolean {
  return db.transaction((tx) => {
    const user = tx.select({ email: staffUsers.email }).from(staffUsers).where(eq(staffUsers.id, staffUserId)).get();
    if (!user) return false;
    liftLocks(tx, 'staff_account', 'staff_account_from', attemptKey('staff_account', user.email));
    recordAudit(tx, actor, 'staff.sign_in_lock_lifted', { type: 'staff_user', id: staffUserId });
    return true;
  });
}
