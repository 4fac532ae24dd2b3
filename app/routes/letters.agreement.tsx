// A letters participant's own outcome agreement: read it, agree to it, print it.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { OwnAgreement } from '~/components/agreement';
import { agreeOnOwnPage, ownAgreementView, participantOfMember } from '~/models/outcomes/agreement.server';
import { AGREEMENT_KINDS } from '~/models/outcomes/outcomes';
import { ukIsoDay } from '~/utils/dates';
import { readForm } from '~/utils/form.server';
import { participantSessions } from '~/utils/session.server';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Your outcome agreement' };

export async function loader({ request }: LoaderFunctionArgs) {
  const memberId = await participantSessions.require(request);
  const view = ownAgreementView(participantOfMember(memberId), { justAgreed: new URL(request.url).searchParams.get('agreed') === '1' });
  if (!view) throw data('Not found', { status: 404 });
  return view;
}

export async function action({ request }: ActionFunctionArgs) {
  const memberId = await participantSessions.require(request);
  await readForm(request);
  const me = participantOfMember(memberId);
  if (!me) throw data('Not found', { status: 404 });
  const r = agreeOnOwnPage(me, { type: 'referrer', id: `member:${memberId}` }, ukIsoDay(new Date()));
  if (r === 'recorded' || r === 'already') return redirect('/letters/agreement?agreed=1');
  const view = ownAgreementView(me, { justAgreed: false, refused: r });
  if (!view) throw data('Not found', { status: 404 });
  return data(view, { status: 409 });
}

export default function LettersAgreement() {
  const loaded = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  return <OwnAgreement d={refused ?? loaded} back="/letters/home" kinds={AGREEMENT_KINDS} />;
}
