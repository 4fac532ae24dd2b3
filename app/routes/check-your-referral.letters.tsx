// From "check your referral" to the letter exchange, for a self-referrer their facilitator
// has linked: the same sign-in, no second passphrase.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { findMemberForReferral } from '~/models/letters/exchange.server';
import { readForm } from '~/utils/form.server';
import { participantSessions, requireReferrer } from '~/utils/session.server';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireReferrer(request);
  return redirect('/check-your-referral/status');
}

export async function action({ request }: ActionFunctionArgs) {
  const { referralId } = await requireReferrer(request);
  await readForm(request);
  const member = findMemberForReferral(referralId);
  if (!member) return redirect('/check-your-referral/status');
  return redirect('/letters/home', { headers: { 'Set-Cookie': await participantSessions.create(member.id) } });
}
