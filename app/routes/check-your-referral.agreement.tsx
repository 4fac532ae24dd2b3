// A self-referrer’s own outcome agreement, from “check your referral”: read it, agree to it, print it.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { OwnAgreement } from '~/components/agreement';
import { agreeOnOwnPage, ownAgreementView, participantOfReferral } from '~/models/outcomes/agreement.server';
import { AGREEMENT_KINDS } from '~/models/outcomes/outcomes';
import { ukIsoDay } from '~/utils/dates';
import { readForm } from '~/utils/form.server';
import { requireReferrer } from '~/utils/session.server';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Your outcome agreement' };

export async function loader({ request }: LoaderFunctionArgs) {
  const { referralId } = await requireReferrer(request);
  const view = ownAgreementView(participantOfReferral(referralId), { justAgreed: new URL(request.url).searchParams.get('agreed') === '1' });
  if (!view) throw data('Not found', { status: 404 });
  return view;
}

export async function action({ request }: ActionFunctionArgs) {
  const { referralId } = await requireReferrer(request);
  await readForm(request);
  const me = participantOfReferral(referralId);
  if (!me) throw data('Not found', { status: 404 });
  const r = agreeOnOwnPage(me, { type: 'referrer', id: referralId }, ukIsoDay(new Date()));
  if (r === 'recorded' || r === 'already') return redirect('/check-your-referral/agreement?agreed=1');
  const view = ownAgreementView(me, { justAgreed: false, refused: r });
  if (!view) throw data('Not found', { status: 404 });
  return data(view, { status: 409 });
}

export default function ReferrerAgreement() {
  const loaded = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  return <OwnAgreement d={refused ?? loaded} back="/check-your-referral/status" kinds={AGREEMENT_KINDS} />;
}
