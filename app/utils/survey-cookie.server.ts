// A survey in progress lives only in the browser: the invitation's id and the answers so
// far, sealed (AES-GCM, a key derived from SESSION_SECRET and the survey's purpose) so that
// nobody who picks up the device can read them from the cookie, in a session cookie scoped
// to the survey's pages that also expires after 2 hours. The feedback survey and the
// equality questions each have one.
import { sealedCookie } from './sealed-cookie.server';

/** The answers so far, by question field; the survey's pages check them. */
export type SurveyInProgress = { invitationId: number; answers: Record<string, string> };

export function surveyCookie(name: string, path: string, purpose: string) {
  const cookie = sealedCookie<{ i: number; a: Record<string, string> }>(name, path, purpose, 2 * 60 * 60, { session: true });
  return {
    async read(request: Request, now = Date.now()): Promise<SurveyInProgress | null> {
      const v = await cookie.read(request, now);
      if (!v || !Number.isInteger(v.i) || typeof v.a !== 'object' || v.a === null) return null;
      return { invitationId: v.i, answers: v.a };
    },
    write: (f: SurveyInProgress, now = Date.now()) => cookie.write({ i: f.invitationId, a: f.answers }, now),
    clear: () => cookie.clear(),
  };
}
