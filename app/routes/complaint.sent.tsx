// After the complaint form: the reference, and when to expect to hear from us. What it
// shows comes in a short-lived sealed cookie, never in the URL.
import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { PageColumn } from '~/components/page';
import type { RouteHandle } from '~/root';
import { complaintDoneCookie } from '~/utils/complaint-cookie.server';
import { formatLongDay } from '~/utils/dates';

export const handle: RouteHandle = { title: 'Complaint sent' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export async function loader({ request }: LoaderFunctionArgs) {
  const sent: unknown = await complaintDoneCookie.read(request);
  const s = (sent ?? {}) as Record<string, unknown>;
  if (
    typeof s.reference !== 'string' ||
    typeof s.acknowledgeBy !== 'string' ||
    !DAY.test(s.acknowledgeBy) ||
    typeof s.answerBy !== 'string' ||
    !DAY.test(s.answerBy)
  )
    throw redirect('/complaint');
  return { reference: s.reference, acknowledgeBy: s.acknowledgeBy, answerBy: s.answerBy, reply: s.reply === 'email' || s.reply === 'phone' ? s.reply : null };
}

export default function ComplaintSent() {
  const { reference, acknowledgeBy, answerBy, reply } = useLoaderData<typeof loader>();
  return (
    <PageColumn>
      <div className="govuk-panel govuk-panel--confirmation">
        <h1 className="govuk-panel__title">Complaint sent</h1>
        <div className="govuk-panel__body">
          Your reference
          <br />
          <strong>{reference}</strong>
        </div>
      </div>
      <p className="govuk-body">Thank you for telling us. A manager will look at your complaint.</p>
      {reply ? (
        <>
          <h2 className="govuk-heading-m">What happens next</h2>
          <p className="govuk-body">{`We will ${reply === 'email' ? 'email' : 'phone'} you by ${formatLongDay(acknowledgeBy)} to say we have your complaint.`}</p>
          <p className="govuk-body">{`We aim to give you our full answer by ${formatLongDay(answerBy)}.`}</p>
        </>
      ) : (
        <p className="govuk-body">
          You did not ask for a reply, so we will not contact you. If you want to ask about it later, phone us and give your reference.
        </p>
      )}
      <p className="govuk-body">Write the reference down if you think you may need it. Keep it somewhere safe.</p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/">
          Go to the start
        </Link>
      </p>
    </PageColumn>
  );
}
