// The referrer's page: status in plain words, the message thread, and what they can do.
import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { Button, Textarea, fieldOf } from '~/components/form-fields';
import { MessageThread, SuccessBanner, PageColumn } from '~/components/page';
import { findMemberForReferral } from '~/models/letters/exchange.server';
import { agreementSummary, participantOfReferral } from '~/models/outcomes/agreement.server';
import { AgreementLink } from '~/components/agreement';
import { EqualityInvitation, SurveyInvitation } from '~/components/own-page';
import { equalityInvitationForReferral } from '~/models/feedback/equality.server';
import { invitationForReferral } from '~/models/feedback/feedback.server';
import { getReferralForReferrer, sendReferrerMessage } from '~/models/referrals/referral.server';
import { REFERRAL_STATES, referrerMayWithdraw } from '~/models/states';
import { readForm, replyWithErrors } from '~/utils/form.server';
import { messageBodySchema } from '~/models/message-schema';
import { requireReferrer } from '~/utils/session.server';
import { formatLongDateTime } from '~/utils/dates';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Your referral' };

const messageSchema = z.object({ body: messageBodySchema });

export async function loader({ request }: LoaderFunctionArgs) {
  const { referralId } = await requireReferrer(request);
  const referral = getReferralForReferrer(referralId);
  if (!referral) throw redirect('/check-your-referral');
  const sent = new URL(request.url).searchParams.get('sent') === '1';
  return {
    reference: referral.reference,
    status: REFERRAL_STATES[referral.status].referrer,
    canWithdraw: referrerMayWithdraw(referral.status),
    received: referral.createdAt.toISOString(),
    messages: referral.messages.map((m) => ({ id: m.id, from: m.sender, body: m.body, at: m.createdAt.toISOString() })),
    sent,
    hasLetters: !!findMemberForReferral(referral.id),
    agreement: agreementSummary(participantOfReferral(referral.id)),
    survey: invitationForReferral(referral.id) !== null,
    equality: equalityInvitationForReferral(referral.id) !== null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { referralId } = await requireReferrer(request);
  const submission = parseWithZod(await readForm(request), { schema: messageSchema });
  if (submission.status !== 'success') return data(replyWithErrors(submission), { status: 400 });
  sendReferrerMessage(referralId, submission.value.body);
  return redirect('/check-your-referral/status?sent=1');
}

const formatDate = formatLongDateTime;

export default function ReferralStatus() {
  const { reference, status, canWithdraw, received, messages, sent, hasLetters, agreement, survey, equality } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.error ?? undefined;
  return (
    <PageColumn errors={errors}>
      {sent && !result ? (
        <SuccessBanner title="Success">
          <p className="govuk-notification-banner__heading">Your message has been sent</p>
        </SuccessBanner>
      ) : null}
      <span className="govuk-caption-l">Reference {reference}</span>
      <h1 className="govuk-heading-l">Your referral</h1>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row govuk-summary-list__row--no-actions">
          <dt className="govuk-summary-list__key">Status</dt>
          <dd className="govuk-summary-list__value">
            <strong className="govuk-tag">{status.title}</strong>
            <p className="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">{status.text}</p>
          </dd>
        </div>
        <div className="govuk-summary-list__row govuk-summary-list__row--no-actions">
          <dt className="govuk-summary-list__key">Sent to us</dt>
          <dd className="govuk-summary-list__value">{formatDate(received)}</dd>
        </div>
      </dl>

      {survey ? <SurveyInvitation /> : null}
      {equality ? <EqualityInvitation /> : null}
      {agreement ? <AgreementLink a={agreement} to="/check-your-referral/agreement" /> : null}
      {hasLetters ? (
        <Form method="post" action="/check-your-referral/letters" className="govuk-!-margin-bottom-6" autoComplete="off">
          <p className="govuk-body">Your facilitator has set up letters for you.</p>
          <Button>Go to your letters</Button>
        </Form>
      ) : null}
      <h2 className="govuk-heading-m">Messages</h2>
      {messages.length === 0 ? <p className="govuk-body">There are no messages yet.</p> : null}
      <MessageThread messages={messages} otherSide="From you" format={formatDate} />
      <Form method="post" noValidate autoComplete="off">
        <Textarea
          {...fieldOf(errors, 'body')}
          label="Send a message"
          labelSize="s"
          hint="Only our team can read it. Please do not include anyone else’s name or address."
          maxLength={2000}
        />
        <Button>Send message</Button>
      </Form>

      <h2 className="govuk-heading-m">A copy of what you told us</h2>
      <p className="govuk-body">
        You can download your answers and messages as a text file. It will stay in this device’s downloads. If someone else uses this device, delete the file
        when you have finished with it.
      </p>
      <Form method="post" action="/check-your-referral/download" autoComplete="off" reloadDocument>
        <Button secondary>Download what you told us</Button>
      </Form>

      <h2 className="govuk-heading-m">Changed your mind?</h2>
      <ul className="govuk-list">
        {canWithdraw ? (
          <li>
            <Link className="govuk-link" to="/check-your-referral/withdraw">
              Withdraw your referral
            </Link>
          </li>
        ) : null}
        <li>
          <Link className="govuk-link" to="/check-your-referral/delete">
            Delete everything you told us
          </Link>
        </li>
      </ul>
      <Form method="post" action="/check-your-referral/sign-out" autoComplete="off">
        <Button secondary>Sign out</Button>
      </Form>
    </PageColumn>
  );
}
