import { createCookie } from '@remix-run/node';
import { env } from './env.server';

// Holds only the draft's random id and sealing key, never an answer. A session cookie:
// it goes when the browser closes, and the draft itself expires on the server after
// DRAFT_IDLE_MINUTES without an answer (models/referral.server.ts). Its path is the whole
// site, not /refer: "Exit this page" (/exit) must receive it to delete the draft.
export const draftCookie = createCookie('rj_draft', {
  httpOnly: true,
  sameSite: 'lax',
  path: '/',
  secure: env.NODE_ENV === 'production',
  secrets: [env.SESSION_SECRET],
});

/** The browser holds `id.key`: the draft's id and the key that seals its passphrase. */
export type DraftToken = { id: string; key: string };

export function parseDraftToken(value: unknown): DraftToken | null {
  if (typeof value !== 'string') return null;
  const m = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(value);
  return m ? { id: m[1]!, key: m[2]! } : null;
}

export function formatDraftToken(t: DraftToken): string {
  return `${t.id}.${t.key}`;
}

export async function readDraftToken(request: Request): Promise<DraftToken | null> {
  return parseDraftToken(await draftCookie.parse(request.headers.get('Cookie')));
}

export function serializeDraftToken(token: DraftToken): Promise<string> {
  return draftCookie.serialize(formatDraftToken(token));
}

export function clearDraftCookie(): Promise<string> {
  return draftCookie.serialize('', { maxAge: 0 });
}
