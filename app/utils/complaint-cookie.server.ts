import { sealedCookie } from './sealed-cookie.server';

// Carries a new complaint's reference, its acknowledgement date and how we reply from the
// public form to its confirmation page, for 10 minutes, sealed, so none of it appears in a
// URL or can be read from the cookie.
export const complaintDoneCookie = sealedCookie<Record<string, unknown>>('rj_complaint_done', '/complaint', 'complaint-done', 10 * 60);
