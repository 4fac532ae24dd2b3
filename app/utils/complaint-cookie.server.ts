import { createCookie } from '@remix-run/node';
import { env } from './env.server';

// Carries a new complaint's reference, its acknowledgement date and how we reply from the
// public form to its confirmation page, for 10 minutes, so none of it appears in a URL.
export const complaintDoneCookie = createCookie('rj_complaint_done', {
  httpOnly: true,
  sameSite: 'lax',
  path: '/complaint',
  secure: env.NODE_ENV === 'production',
  maxAge: 10 * 60,
  secrets: [env.SESSION_SECRET],
});
