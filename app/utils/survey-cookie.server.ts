// A survey in progress lives only in the browser: the invitation's id and the answers so
// far, sealed (AES-GCM, a key derived from SESSION_SECRET and the survey's purpose) so that
// nobody who picks up the device can read them from the cookie, in a session cookie scoped
// to the survey's pages that also expires after 2 hours. The feedback survey and the
// equality questions each have one.
import { createHmac } from 'node:crypto';
import { createCookie } from '@remix-run/node';
import { env } from './env.server';
import { seal, unseal } from './seal.server';

const LIFETIME_MS = 2 * 60 * 60 * 1000;

/** The answers so far, by question field; the survey's pages check them. */
export type SurveyInProgress = { invitationId: number; answers: Record<string, string> };

export function surveyCookie(name: string, path: string, purpose: string) {
  const cookie = createCookie(name, { httpOnly: true, sameSite: 'lax', path, secure: env.NODE_ENV === 'production' });
  const key = () => createHmac('sha256', env.SESSION_SECRET).update(purpose).digest('base64url');
  return {
    async read(request: Request, now = Date.now()): Promise<SurveyInProgress | null> {
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
    },
    write(f: SurveyInProgress, now = Date.now()): Promise<string> {
      return cookie.serialize(seal(JSON.stringify({ i: f.invitationId, a: f.answers, exp: now + LIFETIME_MS }), key()));
    },
    clear(): Promise<string> {
      return cookie.serialize('', { maxAge: 0 });
    },
  };
}
