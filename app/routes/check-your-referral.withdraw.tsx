import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form } from '@remix-run/react';
import { Button } from '~/components/form-fields';
import { BackLink, PageColumn } from '~/components/page';
import { withdrawReferral } from '~/models/referral.server';
import { readForm } from '~/utils/form.server';
import { requireReferrer } from '~/utils/session.server';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Withdraw your referral' };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireReferrer(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const { referralId } = await requireReferrer(request);
  await readForm(request);
  withdrawReferral(referralId);
  return redirect('/check-your-referral/status');
}

export default function Withdraw() {
  return (
    <>
      <BackLink to="/check-your-referral/status" />
      <PageColumn>
        <h1 className="govuk-heading-l">Withdraw your referral</h1>
        <p className="govuk-body">If you withdraw, we stop work on your referral and will not contact you about it.</p>
        <p className="govuk-body">We keep what you told us in case you want to start again. You can still sign in and send us a message.</p>
        <p className="govuk-body">If you want everything deleted now instead, choose ‘Delete everything you told us’ on your referral page.</p>
        <Form method="post" autoComplete="off">
          <Button warning>Withdraw my referral</Button>
        </Form>
      </PageColumn>
    </>
  );
}
