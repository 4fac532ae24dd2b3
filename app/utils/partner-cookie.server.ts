import { createCookie } from '@remix-run/node';
import { env } from './env.server';

// Carries the new reference from the partner form to its confirmation page, for 10 minutes,
// so the reference never appears in a URL.
export const partnerDoneCookie = createCookie('rj_partner_done', {
  httpOnly: true,
  sameSite: 'lax',
  path: '/refer-as-a-professional',
  secure: env.NODE_ENV === 'production',
  maxAge: 10 * 60,
  secrets: [env.SESSION_SECRET],
});
