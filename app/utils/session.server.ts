// Database-backed sessions for people who sign in with a reference and passphrase:
// referrers (check your referral) and letter-exchange participants. The cookie holds a
// random token; the table holds only its SHA-256. Sessions end after 30 minutes idle,
// 4 hours in all, or on sign out.
import { createHash, randomBytes } from 'node:crypto';
import { createCookie, redirect, type Cookie } from '@remix-run/node';
import { and, eq, lt, or } from 'drizzle-orm';
import type { Tx } from '#db/client.server';
import { sessions } from '#db/schema';
import { db } from './db.server';
import { env } from './env.server';

export const IDLE_MS = 30 * 60 * 1000;
export const ABSOLUTE_MS = 4 * 60 * 60 * 1000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Ends the session whose cookie token this is (only its hash is stored). */
export function endSessionByToken(token: string | null) {
  if (token)
    db.delete(sessions)
      .where(eq(sessions.id, hashToken(token)))
      .run();
}

function passphraseSessions(kind: 'referrer' | 'participant', cookie: Cookie, signInPath: string) {
  const column = kind === 'referrer' ? sessions.referralId : sessions.exchangeMemberId;

  async function readToken(request: Request): Promise<string | null> {
    const value = await cookie.parse(request.headers.get('Cookie'));
    return typeof value === 'string' && value.length <= 64 ? value : null;
  }

  return {
    /** Starts a new session (always a new id) and returns the Set-Cookie header value. */
    async create(subjectId: number): Promise<string> {
      const token = randomBytes(32).toString('base64url');
      const now = Date.now();
      db.insert(sessions)
        .values({
          id: hashToken(token),
          kind,
          ...(kind === 'referrer' ? { referralId: subjectId } : { exchangeMemberId: subjectId }),
          lastSeenAt: new Date(now),
          expiresAt: new Date(now + ABSOLUTE_MS),
        })
        .run();
      return cookie.serialize(token);
    },

    /** Who this request is signed in as, or null. Touches the session. */
    async get(request: Request): Promise<number | null> {
      const token = await readToken(request);
      if (!token) return null;
      const id = hashToken(token);
      const row = db
        .select({ subject: column, expiresAt: sessions.expiresAt, lastSeenAt: sessions.lastSeenAt })
        .from(sessions)
        .where(and(eq(sessions.id, id), eq(sessions.kind, kind)))
        .get();
      if (!row?.subject) return null;
      return keepSessionAlive(id, row, IDLE_MS) ? row.subject : null;
    },

    /** Guard for every loader and action of the area. */
    async require(request: Request): Promise<number> {
      const subject = await this.get(request);
      if (!subject) throw redirect(`${signInPath}?signedOut=1`);
      return subject;
    },

    /** Ends the session server-side and returns a Set-Cookie header that clears the cookie. */
    async destroy(request: Request): Promise<string> {
      endSessionByToken(await readToken(request));
      return cookie.serialize('', { maxAge: 0 });
    },
  };
}

const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, path: '/', secure: env.NODE_ENV === 'production', secrets: [env.SESSION_SECRET] };

export const referrerSessions = passphraseSessions('referrer', createCookie('rj_session', cookieOptions), '/check-your-referral');
export const participantSessions = passphraseSessions('participant', createCookie('rj_letters', cookieOptions), '/letters');

// The names the referrer routes use.
export const createReferrerSession = (referralId: number) => referrerSessions.create(referralId);
export const getReferrerSession = async (request: Request) => {
  const referralId = await referrerSessions.get(request);
  return referralId ? { referralId } : null;
};
export const requireReferrer = async (request: Request) => ({ referralId: await referrerSessions.require(request) });
export const destroySession = (request: Request) => referrerSessions.destroy(request);

/**
 * "Sign out" in either passphrase area ends every passphrase session of this browser: a
 * self-referrer linked to letters holds both, and on a shared device both must end.
 * Returns headers with one Set-Cookie for each.
 */
export async function signOutBrowser(request: Request): Promise<Headers> {
  const headers = new Headers();
  headers.append('Set-Cookie', await referrerSessions.destroy(request));
  headers.append('Set-Cookie', await participantSessions.destroy(request));
  return headers;
}

/** A participant's credentials changed (a new set-up code): every session they have ends. */
export function endParticipantSessions(tx: Tx, exchangeMemberId: number) {
  tx.delete(sessions)
    .where(and(eq(sessions.kind, 'participant'), eq(sessions.exchangeMemberId, exchangeMemberId)))
    .run();
}

export function purgeExpiredSessions(now = Date.now()) {
  return (
    db
      .delete(sessions)
      // Staff sessions have the same 30-minute idle limit.
      .where(or(lt(sessions.expiresAt, new Date(now)), lt(sessions.lastSeenAt, new Date(now - IDLE_MS))))
      .run().changes
  );
}

/** How stale a session's last-seen time may get before a read writes it again. */
export const LAST_SEEN_RESOLUTION_MS = 60 * 1000;

/**
 * A session past its absolute expiry or idle for `idleMs` is deleted (false); otherwise it
 * is alive (true), and its last-seen time moves to now if it is more than a minute old.
 * So a plain read writes at most once a minute, and idle time is measured to the minute
 * (a session may end up to a minute early, never late). Shared by every kind of session.
 */
export function keepSessionAlive(id: string, row: { expiresAt: Date; lastSeenAt: Date }, idleMs: number, now = Date.now()): boolean {
  if (row.expiresAt.getTime() <= now || row.lastSeenAt.getTime() + idleMs <= now) {
    db.delete(sessions).where(eq(sessions.id, id)).run();
    return false;
  }
  if (now - row.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
    db.update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.id, id))
      .run();
  }
  return true;
}
