import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { periodText, RETENTION_RULES } from '~/data/retention';
import { retentionPeriods } from '~/models/data-protection/retention.server';
import { Button } from '~/components/form-fields';
import { BackLink, PageColumn } from '~/components/page';
import { referralHasCase, withdrawReferral } from '~/models/referrals/referral.server';
import { readForm } from '~/utils/form.server';
import { requireReferrer } from '~/utils/session.server';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Withdraw your referral' };

export async function loader({ request }: LoaderFunctionArgs) {
  const { referralId } = await requireReferrer(request);
  const periods = retentionPeriods();
  const unit = (key: string) => RETENTION_RULES.find((r) => r.key === key)!.unit;
  // Once there is a case, the referral is part of it and goes when the case's time is up.
  return referralHasCase(referralId)
    ? { hasCase: true, keptFor: periodText(periods.closed_cases, unit('closed_cases')) }
    : { hasCase: false, keptFor: periodText(periods.withdrawn_self_referrals, unit('withdrawn_self_referrals')) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { referralId } = await requireReferrer(request);
  await readForm(request);
  withdrawReferral(referralId);
  return redirect('/check-your-referral/status');
}

export default function Withdraw() {
  const { keptFor, hasCase } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to="/check-your-referral/status" />
      <PageColumn>
        <h1 className="govuk-heading-l">Withdraw your referral</h1>
        <p className="govuk-body">If you withdraw, we stop work on your referral and will not contact you about it.</p>
        {hasCase ? (
          <p className="govuk-body">
            A facilitator has already opened a case, so we keep its record for {keptFor} after the case closes, then delete it. You can still sign in and send
            us a message.
          </p>
        ) : (
          <p className="govuk-body">
            We keep what you told us for {keptFor} in case you change your mind. You can still sign in and send us a message. After {keptFor}, we delete it.
          </p>
        )}
        <p className="govuk-body">If you want everything deleted now instead, choose ‘Delete everything you told us’ on your referral page.</p>
        <Form method="post" autoComplete="off">
          <Button warning>Withdraw my referral</Button>
        </Form>
      </PageColumn>
    </>
  );
}
