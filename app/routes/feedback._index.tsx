// The way into the survey: a one-time link (?t=…) or, for someone signed in to their
// letters, a button. Either sets the survey cookie and goes to the first question, so the
// token leaves the address bar at once.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Link } from '@remix-run/react';
import { PageColumn } from '~/components/page';
import { FEEDBACK_QUESTIONS } from '~/models/feedback/feedback';
import { invitationForMember, invitationForReferral, invitationForToken } from '~/models/feedback/feedback.server';
import { readFeedback, writeFeedback } from '~/utils/feedback-cookie.server';
import { getReferrerSession, participantSessions } from '~/utils/session.server';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Tell us what you thought' };

const FIRST = `/feedback/${FEEDBACK_QUESTIONS[0]!.slug}`;

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('t');
  const invitationId = token ? invitationForToken(token) : null;
  if (invitationId) throw redirect(FIRST, { headers: { 'Set-Cookie': await writeFeedback({ invitationId, answers: {} }) } });
  // A used or unknown link: say so, without keeping the token in the address bar.
  if (token !== null) throw redirect('/feedback');
  if (await readFeedback(request)) throw redirect(FIRST);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  // Signed in to their letters, or (a self-referrer) to "check your referral".
  const memberId = await participantSessions.get(request);
  const referral = memberId ? null : await getReferrerSession(request);
  if (!memberId && !referral) throw redirect('/feedback');
  const invitationId = memberId ? invitationForMember(memberId) : invitationForReferral(referral!.referralId);
  if (!invitationId) throw redirect('/feedback');
  return redirect(FIRST, { headers: { 'Set-Cookie': await writeFeedback({ invitationId, answers: {} }) } });
}

export default function FeedbackStart() {
  return (
    <PageColumn>
      <h1 className="govuk-heading-l">Tell us what you thought</h1>
      <p className="govuk-body">This survey link has been used, or it has expired. Each link works once.</p>
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
