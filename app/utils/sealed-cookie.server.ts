// A short-lived cookie whose value nobody holding the device can read: sealed with AES-GCM
// under a key derived from SESSION_SECRET and the cookie's purpose, with its own expiry
// inside the seal. For what a confirmation page must show once (a new reference), so that
// it never appears in a URL nor in a readable cookie (issue 26).
import { createHmac } from 'node:crypto';
import { createCookie } from '@remix-run/node';
import { env } from './env.server';
import { seal, unseal } from './seal.server';

/** `session`: the cookie itself ends with the browser session; the seal still expires after `maxAgeSeconds`. */
export function sealedCookie<T>(name: string, path: string, purpose: string, maxAgeSeconds: number, { session = false } = {}) {
  const cookie = createCookie(name, {
    httpOnly: true,
    sameSite: 'lax',
    path,
    secure: env.NODE_ENV === 'production',
    maxAge: session ? undefined : maxAgeSeconds,
  });
  const key = () => createHmac('sha256', env.SESSION_SECRET).update(purpose).digest('base64url');
  return {
    name,
    async read(request: Request, now = Date.now()): Promise<T | null> {
      const raw: unknown = await cookie.parse(request.headers.get('Cookie'));
      if (typeof raw !== 'string') return null;
      const plain = unseal(raw, key());
      if (!plain) return null;
      try {
        const v = JSON.parse(plain) as { v: T; exp: number };
        return typeof v.exp === 'number' && v.exp >= now ? v.v : null;
      } catch {
        return null;
      }
    },
    write(value: T, now = Date.now()): Promise<string> {
      return cookie.serialize(seal(JSON.stringify({ v: value, exp: now + maxAgeSeconds * 1000 }), key()));
    },
    clear(): Promise<string> {
      return cookie.serialize('', { maxAge: 0 });
    },
  };
}
