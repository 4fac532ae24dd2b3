import { createCookie } from '@remix-run/node';
import { formatDraftToken, parseDraftToken, type DraftToken } from '~/models/referral.server';
import { env } from './env.server';

// Holds only the draft's random id and sealing key, never an answer. Lives 24 hours at most.
export const draftCookie = createCookie('rj_draft', {
  httpOnly: true,
  sameSite: 'lax',
  path: '/refer',
  secure: env.NODE_ENV === 'production',
  maxAge: 24 * 60 * 60,
  secrets: [env.SESSION_SECRET],
});

export async function readDraftToken(request: Request): Promise<DraftToken | null> {
  return parseDraftToken(await draftCookie.parse(request.headers.get('Cookie')));
}

export function serializeDraftToken(token: DraftToken): Promise<string> {
  return draftCookie.serialize(formatDraftToken(token));
}

export function clearDraftCookie(): Promise<string> {
  return draftCookie.serialize('', { maxAge: 0 });
}
