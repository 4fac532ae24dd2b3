import { sealedCookie } from './sealed-cookie.server';

// Carries the new reference from the partner form to its confirmation page, for 10 minutes,
// sealed, so the reference never appears in a URL or can be read from the cookie.
export const partnerDoneCookie = sealedCookie<string>('rj_partner_done', '/refer-as-a-professional', 'partner-done', 10 * 60);
