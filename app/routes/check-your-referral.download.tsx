// A self-referrer downloads their own referral and messages (their right of access, without
// having to ask). A posted form, not a link: another website cannot make a browser save the
// file, and nothing lands in a shared device's downloads unless the person chose it.
import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { referralCopyForReferrer } from '~/models/referrals/referral.server';
import { readForm } from '~/utils/form.server';
import { requireReferrer } from '~/utils/session.server';

export async function loader() {
  return redirect('/check-your-referral/status');
}

export async function action({ request }: ActionFunctionArgs) {
  const { referralId } = await requireReferrer(request);
  await readForm(request);
  const copy = referralCopyForReferrer(referralId);
  if (!copy) return redirect('/check-your-referral');
  return new Response(copy.text, {
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Disposition': 'attachment; filename="rj-referral.txt"',
      'Cache-Control': 'no-store',
    },
  });
}
