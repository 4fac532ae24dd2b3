// A participant's letters: what has come to them, what they sent and where it is.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { formatDateTime } from '~/components/staff';
import { getMemberHome } from '~/models/letters/reading.server';
import { invitationForMember } from '~/models/feedback/feedback.server';
import { agreementSummary, participantOfMember } from '~/models/outcomes/agreement.server';
import { participantSessions } from '~/utils/session.server';
import { SuccessBanner, PageColumn } from '~/components/page';
import { AgreementLink } from '~/components/agreement';
import { EqualityInvitation, SurveyInvitation } from '~/components/own-page';
import { equalityInvitationForMember } from '~/models/feedback/equality.server';
import { authorMayEdit, EXCHANGE_STATES, exchangeRelays, LETTER_STATES } from '~/models/states';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Your letters' };

export async function loader({ request }: LoaderFunctionArgs) {
  const memberId = await participantSessions.require(request);
  const home = getMemberHome(memberId);
  if (!home) throw new Response('Not found', { status: 404 });
  const url = new URL(request.url);
  return {
    status: home.exchangeStatus,
    survey: invitationForMember(memberId) !== null,
    equality: equalityInvitationForMember(memberId) !== null,
    agreement: agreementSummary(participantOfMember(memberId)),
    sentBanner: url.searchParams.get('sent') === '1',
    received: home.received.map((l) => ({ id: l.id, at: l.passedOnAt?.toISOString() ?? '', read: !!l.readAt, onPaper: l.onPaper })),
    sent: home.sent.map((l) => ({ id: l.id, status: l.status, at: l.updatedAt.toISOString(), readAt: l.readAt?.toISOString() ?? null, feedback: l.feedback })),
  };
}

export default function LettersHome() {
  const d = useLoaderData<typeof loader>();
  return (
    <PageColumn>
      {d.sentBanner ? (
        <SuccessBanner title="Sent">
          <p className="govuk-notification-banner__heading">Your letter is with your facilitator. They will read it before anything is passed on.</p>
        </SuccessBanner>
      ) : null}
      <h1 className="govuk-heading-l">Your letters</h1>
      {d.survey ? <SurveyInvitation /> : null}
      {d.equality ? <EqualityInvitation /> : null}
      {d.agreement ? <AgreementLink a={d.agreement} to="/letters/agreement" /> : null}
      {!exchangeRelays(d.status) ? (
        <div className="govuk-inset-text" id="exchange-paused">
          {EXCHANGE_STATES[d.status].participant}
        </div>
      ) : (
        <p className="govuk-body">
          <Link className="govuk-button" role="button" draggable="false" to="/letters/write" data-module="govuk-button">
            Write a letter
          </Link>
        </p>
      )}

      <h2 className="govuk-heading-m">Letters for you</h2>
      {d.received.length === 0 ? <p className="govuk-body">There are no letters for you yet.</p> : null}
      <ul className="govuk-list">
        {d.received.map((l) => (
          <li key={l.id}>
            <Link className="govuk-link" to={`/letters/read/${l.id}`}>
              Letter passed on {formatDateTime(l.at)}
            </Link>{' '}
            {l.read ? '' : <strong className="govuk-tag govuk-tag--blue">New</strong>}
          </li>
        ))}
      </ul>

      <h2 className="govuk-heading-m">Letters you wrote</h2>
      {d.sent.length === 0 ? <p className="govuk-body">You have not written a letter yet.</p> : null}
      {d.sent.map((l) => (
        <div key={l.id} className="app-message">
          <p className="govuk-body govuk-!-margin-bottom-1">
            <strong>{LETTER_STATES[l.status].author}</strong> <span className="govuk-caption-m">{formatDateTime(l.at)}</span>
          </p>
          {l.feedback?.message ? <p className="govuk-body app-pre-wrap">Your facilitator says: {l.feedback.message}</p> : null}
          {l.status === 'passed_on' && l.feedback?.removed.length ? (
            <p className="govuk-body">Your facilitator removed: {l.feedback.removed.map((r) => `“${r}”`).join(', ')}</p>
          ) : null}
          {l.readAt ? <p className="govuk-body">Read on {formatDateTime(l.readAt)}</p> : null}
          {authorMayEdit(l.status) ? (
            <Link className="govuk-link" to={`/letters/write?letter=${l.id}`}>
              {l.status === 'draft' ? 'Carry on writing' : 'Change and send again'}
            </Link>
          ) : null}
        </div>
      ))}

      <h2 className="govuk-heading-m">Need to stop?</h2>
      {exchangeRelays(d.status) ? (
        <p className="govuk-body">
          <Link className="govuk-link" to="/letters/pause">
            Pause or stop the letters
          </Link>{' '}
          – at any time, for any reason.
        </p>
      ) : null}
      <Form method="post" action="/letters/sign-out" autoComplete="off">
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Sign out
        </button>
      </Form>
    </PageColumn>
  );
}
