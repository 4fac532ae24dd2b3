import { sealedCookie } from './sealed-cookie.server';

// A one-time code from an emailed link, taken out of the address at once (issue 26): the
// link's first answer seals it into a cookie for its page and sends the browser on to the
// same page without it, so the code never stays in the browser's history. The path is the
// section's, not the page's: with JavaScript, Remix posts to `/staff/set-up.data`.
export const staffSetUpCookie = sealedCookie<string>('rj_staff_setup', '/staff', 'staff-set-up', 60 * 60);
export const letterSetUpCookie = sealedCookie<{ reference: string; code: string }>('rj_letters_setup', '/letters', 'letters-set-up', 60 * 60);
