// /language?to=cy&back=/questions: keeps the visitor's choice of language for this browser
// session (a cookie holding two letters, nothing else; "Exit this page" removes it) and goes
// back to the page they were on. A plain link, so it works without JavaScript.
import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { languageCookie } from '~/i18n/i18n.server';
import { isLang } from '~/i18n/languages';

/** Only a path on this site, and only its path: no other site, no query. */
function backTo(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\') || value.length > 200) return '/';
  const url = new URL(value, 'http://here.invalid');
  return url.host === 'here.invalid' ? url.pathname : '/';
}

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const to = url.searchParams.get('to');
  const back = backTo(url.searchParams.get('back'));
  if (!isLang(to)) return redirect(back);
  return redirect(back, { headers: { 'Set-Cookie': languageCookie(to) } });
}
