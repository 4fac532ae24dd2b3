// "Exit this page" lands here first (the button is a plain link to /exit). Whoever
// follows it, this browser's traces on the server go: the referral draft, every session
// (referrer, letters, staff) and the cookies that name them. The answer tells the browser
// to clear this site's cookies, storage and cache (Clear-Site-Data) and sends it on to the
// neutral site. It cannot remove other entries from the browser's history: docs/security.md
// says what exit does and does not do.
import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { endDraft } from '~/models/referrals/referral.server';
import { clearDraftCookie, readDraftToken } from '~/utils/draft-cookie.server';
import { env } from '~/utils/env.server';
import { clearFeedback } from '~/utils/feedback-cookie.server';
import { partnerDoneCookie } from '~/utils/partner-cookie.server';
import { complaintDoneCookie } from '~/utils/complaint-cookie.server';
import { equalityCookie } from '~/utils/equality-cookie.server';
import { letterSetUpCookie, staffSetUpCookie } from '~/utils/set-up-cookie.server';
import { signOutBrowser } from '~/utils/session.server';
import { staffDeviceCookie } from '~/utils/staff-device-cookie.server';
import { clearLanguageCookie } from '~/i18n/i18n.server';
import { endStaffSession } from '~/utils/staff-session.server';

export async function loader({ request }: LoaderFunctionArgs) {
  // Only our own pages (or the address typed in) may end things: another site linking here,
  // or loading it as an image, only gets the redirect.
  const site = request.headers.get('Sec-Fetch-Site');
  if (site !== null && site !== 'same-origin' && site !== 'none') return redirect(env.EXIT_PAGE_URL, { status: 303 });
  endDraft(await readDraftToken(request));
  const headers = await signOutBrowser(request);
  headers.append('Set-Cookie', await endStaffSession(request));
  headers.append('Set-Cookie', await clearDraftCookie());
  headers.append('Set-Cookie', await clearFeedback());
  headers.append('Set-Cookie', await partnerDoneCookie.clear());
  // Every other cookie the service sets, by name, for a browser that ignores Clear-Site-Data.
  headers.append('Set-Cookie', await complaintDoneCookie.clear());
  headers.append('Set-Cookie', await equalityCookie.clear());
  headers.append('Set-Cookie', await letterSetUpCookie.clear());
  headers.append('Set-Cookie', await staffSetUpCookie.clear());
  headers.append('Set-Cookie', await staffDeviceCookie.clear());
  headers.append('Set-Cookie', clearLanguageCookie());
  headers.set('Clear-Site-Data', '"cache", "cookies", "storage"');
  return redirect(env.EXIT_PAGE_URL, { status: 303, headers });
}
