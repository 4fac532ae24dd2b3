// Database-backed sessions. The cookie holds a random token; the table holds only its
// SHA-256. Sessions end after 30 minutes idle, 4 hours in all, or on sign out.
import { createHash, randomBytes } from 'node:crypto';
import { createCookie, redirect } from '@remix-run/node';
import { eq, lt, or } from 'drizzle-orm';
import { sessions } from '#db/schema';
import { db } from './db.server';
import { env } from './env.server';

export const IDLE_MS = 30 * 60 * 1000;
export const ABSOLUTE_MS = 4 * 60 * 60 * 1000;

export const sessionCookie = createCookie('rj_session', {
  httpOnly: true,
  sameSite: 'lax',
  path: '/',
  secure: env.NODE_ENV === 'production',
  secrets: [env.SESSION_SECRET],
});

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Starts a new session (always a new id) and returns the Set-Cookie header value. */
export async function createReferrerSession(referralId: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = Date.now();
  db.insert(sessions)
    .values({ id: hashToken(token), kind: 'referrer', referralId, lastSeenAt: new Date(now), expiresAt: new Date(now + ABSOLUTE_MS) })
    .run();
  return sessionCookie.serialize(token);
}

async function readToken(request: Request): Promise<string | null> {
  const value = await sessionCookie.parse(request.headers.get('Cookie'));
  return typeof value === 'string' && value.length <= 64 ? value : null;
}

/** The referral this request is signed in to, or null. Touches the session. */
export async function getReferrerSession(request: Request): Promise<{ referralId: number } | null> {
  const token = await readToken(request);
  if (!token) return null;
  const id = hashToken(token);
  const row = db.select().from(sessions).where(eq(sessions.id, id)).get();
  const now = Date.now();
  if (!row || row.kind !== 'referrer' || !row.referralId) return null;
  if (row.expiresAt.getTime() <= now || row.lastSeenAt.getTime() + IDLE_MS <= now) {
    db.delete(sessions).where(eq(sessions.id, id)).run();
    return null;
  }
  db.update(sessions).set({ lastSeenAt: new Date(now) }).where(eq(sessions.id, id)).run();
  return { referralId: row.referralId };
}

/** Guard for every loader and action of the return area. */
export async function requireReferrer(request: Request): Promise<{ referralId: number }> {
  const session = await getReferrerSession(request);
  if (!session) throw redirect('/check-your-referral?signedOut=1');
  return session;
}

/** Ends the session server-side and returns a Set-Cookie header that clears the cookie. */
export async function destroySession(request: Request): Promise<string> {
  const token = await readToken(request);
  if (token) db.delete(sessions).where(eq(sessions.id, hashToken(token))).run();
  return sessionCookie.serialize('', { maxAge: 0 });
}

export function purgeExpiredSessions(now = Date.now()) {
  return db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, new Date(now)), lt(sessions.lastSeenAt, new Date(now - IDLE_MS))))
    .run().changes;
}
