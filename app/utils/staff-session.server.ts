// Staff sessions: stored in the database, a new id at each sign-in step, 30 minutes idle
// and 12 hours in all, ended server-side on sign out. Each holds a CSRF token that every
// staff form sends back.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createCookie, data, redirect } from '@remix-run/node';
import { and, eq } from 'drizzle-orm';
import { sessions, staffUsers } from '#db/schema';
import { db } from './db.server';
import { env } from './env.server';
import { readForm } from './form.server';
import { endSessionByToken, hashToken, keepSessionAlive } from './session.server';

export const STAFF_IDLE_MS = 30 * 60 * 1000;
export const STAFF_ABSOLUTE_MS = 12 * 60 * 60 * 1000;

export const staffCookie = createCookie('rj_staff', {
  httpOnly: true,
  sameSite: 'lax',
  path: '/',
  secure: env.NODE_ENV === 'production',
  secrets: [env.SESSION_SECRET],
});

export type StaffUser = { id: number; email: string; name: string; role: 'facilitator' | 'manager' };
export type StaffSession = { id: string; stage: 'password' | 'full'; csrfToken: string; user: StaffUser };

/** Starts a staff session at the given stage; returns the Set-Cookie value. */
export async function createStaffSession(staffUserId: number, stage: 'password' | 'full', request?: Request): Promise<string> {
  if (request) await endStaffSession(request); // never reuse an id across sign-in steps
  const token = randomBytes(32).toString('base64url');
  const now = Date.now();
  db.insert(sessions)
    .values({
      id: hashToken(token),
      kind: 'staff',
      staffUserId,
      stage,
      csrfToken: randomBytes(24).toString('base64url'),
      lastSeenAt: new Date(now),
      expiresAt: new Date(now + (stage === 'full' ? STAFF_ABSOLUTE_MS : 10 * 60 * 1000)),
    })
    .run();
  return staffCookie.serialize(token);
}

async function readToken(request: Request): Promise<string | null> {
  const value = await staffCookie.parse(request.headers.get('Cookie'));
  return typeof value === 'string' && value.length <= 64 ? value : null;
}

export async function getStaffSession(request: Request): Promise<StaffSession | null> {
  const token = await readToken(request);
  if (!token) return null;
  const id = hashToken(token);
  const row = db
    .select({ s: sessions, u: staffUsers })
    .from(sessions)
    .innerJoin(staffUsers, eq(staffUsers.id, sessions.staffUserId))
    .where(and(eq(sessions.id, id), eq(sessions.kind, 'staff')))
    .get();
  if (!row || !row.u.active || !row.s.stage || !row.s.csrfToken) return null;
  if (!keepSessionAlive(id, row.s, STAFF_IDLE_MS)) return null;
  return { id, stage: row.s.stage, csrfToken: row.s.csrfToken, user: { id: row.u.id, email: row.u.email, name: row.u.name, role: row.u.role } };
}

/** Guard for every staff loader: a fully signed-in member of staff (of this role, if given). */
export async function requireStaff(request: Request, role?: 'manager'): Promise<StaffSession> {
  const session = await getStaffSession(request);
  if (!session || session.stage !== 'full') throw redirect('/staff/sign-in');
  if (role === 'manager' && session.user.role !== 'manager') throw data('Not found', { status: 404 });
  return session;
}

/** Guard for every staff action: as requireStaff, and the form must carry the session's CSRF token. */
export async function requireStaffForm(request: Request, role?: 'manager'): Promise<{ session: StaffSession; form: FormData }> {
  const session = await requireStaff(request, role);
  const form = await readForm(request);
  const sent = form.get('csrf');
  // Compare bytes, not characters: a non-ASCII value of the right length must not reach timingSafeEqual.
  const a = Buffer.from(typeof sent === 'string' ? sent : '');
  const b = Buffer.from(session.csrfToken);
  const ok = a.length === b.length && timingSafeEqual(a, b);
  if (!ok) throw data('The form has expired. Go back, reload the page and try again.', { status: 403 });
  return { session, form };
}

export async function endStaffSession(request: Request): Promise<string> {
  endSessionByToken(await readToken(request));
  return staffCookie.serialize('', { maxAge: 0 });
}

export function endAllSessionsOf(staffUserId: number) {
  return db
    .delete(sessions)
    .where(and(eq(sessions.kind, 'staff'), eq(sessions.staffUserId, staffUserId)))
    .run().changes;
}
