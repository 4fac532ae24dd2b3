// The way into the optional equality questions: a button on a self-referrer's "check your
// referral" page or on a participant's letters page. It sets the sealed cookie and goes to
// the first question.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Link } from '@remix-run/react';
import { PageColumn } from '~/components/page';
import { EQUALITY_QUESTIONS } from '~/data/equality';
import { equalityInvitationForMember, equalityInvitationForReferral } from '~/models/feedback/equality.server';
import { equalityCookie } from '~/utils/equality-cookie.server';
import { readForm } from '~/utils/form.server';
import { getReferrerSession, participantSessions } from '~/utils/session.server';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Questions about you' };

const FIRST = `/equality/${EQUALITY_QUESTIONS[0].slug}`;

export async function loader({ request }: LoaderFunctionArgs) {
  if (await equalityCookie.read(request)) throw redirect(FIRST);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  await readForm(request);
  const memberId = await participantSessions.get(request);
  const referral = memberId ? null : await getReferrerSession(request);
  const invitationId = memberId ? equalityInvitationForMember(memberId) : referral ? equalityInvitationForReferral(referral.referralId) : null;
  if (!invitationId) throw redirect('/equality');
  return redirect(FIRST, { headers: { 'Set-Cookie': await equalityCookie.write({ invitationId, answers: {} }) } });
}

export default function EqualityStart() {
  return (
    <PageColumn>
      <h1 className="govuk-heading-l">Questions about you</h1>
      <p className="govuk-body">These questions have been answered already, or the time to answer them has run out.</p>
      <p className="govuk-body">
        If you want to tell us something,{' '}
        <Link className="govuk-link" to="/contact">
          contact us
        </Link>
        .
      </p>
    </PageColumn>
  );
}
