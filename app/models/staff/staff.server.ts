// Staff accounts: invitation by a one-time set-up link, password + authenticator app,
// and a manager's deactivate / reset / end sessions. Signing in: staff-sign-in.server.ts.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { generateSecret, generateURI } from 'otplib';
import QRCode from 'qrcode';
import { staffUsers } from '#db/schema';
import { staffSetUpEmail } from '#emails/staff-set-up';
import { db } from '~/utils/db.server';
import { enqueueEmail } from '~/utils/email.server';
import { env } from '~/utils/env.server';
import { hashSecret } from '~/utils/passphrase.server';
import { seal, unseal } from '~/utils/seal.server';
import { endAllSessionsOf } from '~/utils/staff-session.server';
import { recordAudit, type Actor } from '~/models/audit.server';

export const SETUP_LIFETIME_MS = 72 * 60 * 60 * 1000;
const ISSUER = 'Restorative Justice Service';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const totpKey = () => createHmac('sha256', env.SESSION_SECRET).update('totp-secret-key').digest('base64url');

export type Role = 'facilitator' | 'manager';

/** Creates an account and returns its one-time set-up link path. Emails it when SMTP is set. */
export function createStaffUser(actor: Actor, input: { email: string; name: string; role: Role }): { id: number; setUpPath: string } {
  const token = randomBytes(32).toString('base64url');
  return db.transaction((tx) => {
    const email = input.email.trim().toLowerCase();
    const existing = tx.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.email, email)).get();
    if (existing) throw new StaffError('email-taken');
    const row = tx
      .insert(staffUsers)
      .values({ email, name: input.name.trim(), role: input.role, setupTokenHash: sha256(token), setupExpiresAt: new Date(Date.now() + SETUP_LIFETIME_MS) })
      .returning({ id: staffUsers.id })
      .get();
    recordAudit(tx, actor, 'staff.created', { type: 'staff_user', id: row.id });
    const setUpPath = `/staff/set-up?token=${token}`;
    if (env.SMTP_URL) enqueueEmail(tx, email, 'staff-set-up', staffSetUpEmail({ path: setUpPath, publicUrl: env.PUBLIC_URL }));
    return { id: row.id, setUpPath };
  });
}

export class StaffError extends Error {
  constructor(readonly reason: 'email-taken' | 'not-found') {
    super(reason);
  }
}

/** A manager resets an account: password and authenticator cleared, sessions ended, new link. */
export function resetStaffUser(actor: Actor, staffUserId: number): string {
  const token = randomBytes(32).toString('base64url');
  db.transaction((tx) => {
    const changed = tx
      .update(staffUsers)
      .set({
        passwordHash: null,
        totpSecretSealed: null,
        totpEnrolled: false,
        totpLastStep: null,
        setupTokenHash: sha256(token),
        setupExpiresAt: new Date(Date.now() + SETUP_LIFETIME_MS),
      })
      .where(eq(staffUsers.id, staffUserId))
      .run().changes;
    if (!changed) throw new StaffError('not-found');
    recordAudit(tx, actor, 'staff.reset', { type: 'staff_user', id: staffUserId });
  });
  endAllSessionsOf(staffUserId);
  return `/staff/set-up?token=${token}`;
}

export function setStaffActive(actor: Actor, staffUserId: number, active: boolean) {
  db.transaction((tx) => {
    // A purged account (no name or email left) stays inactive: set up a new one instead.
    const changed = tx
      .update(staffUsers)
      .set({ active, deactivatedAt: active ? null : new Date() })
      .where(and(eq(staffUsers.id, staffUserId), isNull(staffUsers.purgedAt)))
      .run().changes;
    if (!changed) throw new StaffError('not-found');
    recordAudit(tx, actor, active ? 'staff.reactivated' : 'staff.deactivated', { type: 'staff_user', id: staffUserId });
  });
  if (!active) endAllSessionsOf(staffUserId);
}

export function endSessionsOf(actor: Actor, staffUserId: number) {
  db.transaction((tx) => recordAudit(tx, actor, 'staff.sessions_ended', { type: 'staff_user', id: staffUserId }));
  return endAllSessionsOf(staffUserId);
}

export function listStaff() {
  return db
    .select({
      id: staffUsers.id,
      name: staffUsers.name,
      email: staffUsers.email,
      role: staffUsers.role,
      active: staffUsers.active,
      enrolled: staffUsers.totpEnrolled,
    })
    .from(staffUsers)
    .orderBy(asc(staffUsers.name))
    .all();
}

export function listFacilitators() {
  return db.select({ id: staffUsers.id, name: staffUsers.name }).from(staffUsers).where(eq(staffUsers.active, true)).orderBy(asc(staffUsers.name)).all();
}

// ---- Set-up ----------------------------------------------------------------------------

export function findBySetUpToken(token: string) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const user = db
    .select()
    .from(staffUsers)
    .where(eq(staffUsers.setupTokenHash, sha256(token)))
    .get();
  if (!user || !user.active || !user.setupExpiresAt || user.setupExpiresAt.getTime() < Date.now()) return undefined;
  return user;
}

/** Sets the password from a set-up link (which then stops working) and prepares an authenticator secret. */
export async function completePasswordSetUp(token: string, password: string): Promise<number | null> {
  const user = findBySetUpToken(token);
  if (!user) return null;
  const passwordHash = await hashSecret(password);
  return db.transaction((tx) => {
    const changed = tx
      .update(staffUsers)
      .set({
        passwordHash,
        setupTokenHash: null,
        setupExpiresAt: null,
        totpSecretSealed: seal(generateSecret(), totpKey()),
        totpEnrolled: false,
        totpLastStep: null,
      })
      .where(and(eq(staffUsers.id, user.id), eq(staffUsers.setupTokenHash, sha256(token))))
      .run().changes;
    if (!changed) return null;
    recordAudit(tx, { type: 'staff', id: user.id }, 'staff.password_set', { type: 'staff_user', id: user.id });
    return user.id;
  });
}

export function totpSecretOf(staffUserId: number) {
  const user = db.select().from(staffUsers).where(eq(staffUsers.id, staffUserId)).get();
  const secret = user?.totpSecretSealed ? unseal(user.totpSecretSealed, totpKey()) : null;
  return user && secret ? { user, secret } : null;
}

/** What the enrolment page shows: a QR code (inline SVG) and the key to type by hand. */
export async function getEnrolment(staffUserId: number) {
  const found = totpSecretOf(staffUserId);
  if (!found || found.user.totpEnrolled) return null;
  const uri = generateURI({ issuer: ISSUER, label: found.user.email, secret: found.secret });
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return { svg, key: found.secret.replace(/(.{4})/g, '$1 ').trim() };
}
