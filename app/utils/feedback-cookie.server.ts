// The survey in progress lives only in the browser: the invitation's id and the answers so
// far, sealed (AES-GCM, a key derived from SESSION_SECRET) so that nobody who picks up the
// device can read them from the cookie, in a session cookie that also expires after 2 hours.
import { createHmac } from 'node:crypto';
import { createCookie } from '@remix-run/node';
import { env } from './env.server';
import { seal, unseal } from './seal.server';

const cookie = createCookie('rj_feedback', { httpOnly: true, sameSite: 'lax', path: '/feedback', secure: env.NODE_ENV === 'production' });
const key = () => createHmac('sha256', env.SESSION_SECRET).update('feedback-cookie').digest('base64url');
const LIFETIME_MS = 2 * 60 * 60 * 1000;

/** The answers so far, by question field; the survey's pages check them. */
export type FeedbackInProgress = { invitationId: number; answers: Record<string, string> };

export async function readFeedback(request: Request, now = Date.now()): Promise<FeedbackInProgress | null> {
  const raw = await cookie.parse(request.headers.get('Cookie'));
  if (typeof raw !== 'string') return null;
  const plain = unseal(raw, key());
  if (!plain) return null;
  try {
    const v = JSON.parse(plain) as { i: number; a: Record<string, string>; exp: number };
    if (!Number.isInteger(v.i) || typeof v.a !== 'object' || v.a === null || v.exp < now) return null;
    return { invitationId: v.i, answers: v.a };
  } catch {
    return null;
  }
}

export function writeFeedback(f: FeedbackInProgress, now = Date.now()): Promise<string> {
  return cookie.serialize(seal(JSON.stringify({ i: f.invitationId, a: f.answers, exp: now + LIFETIME_MS }), key()));
}

export function clearFeedback(): Promise<string> {
  return cookie.serialize('', { maxAge: 0 });
}
