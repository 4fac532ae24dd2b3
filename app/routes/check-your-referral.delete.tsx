import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Button } from '~/components/form-fields';
import { BackLink, WarningText } from '~/components/page';
import { deleteReferral, referralHasCase } from '~/models/referrals/referral.server';
import { readForm } from '~/utils/form.server';
import { destroySession, requireReferrer } from '~/utils/session.server';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Delete everything you told us' };

export async function loader({ request }: LoaderFunctionArgs) {
  const { referralId } = await requireReferrer(request);
  return { hasCase: referralHasCase(referralId) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { referralId } = await requireReferrer(request);
  await readForm(request);
  if (deleteReferral(referralId) === 'has-case') return data({ hasCase: true }, { status: 409 });
  return redirect('/check-your-referral/deleted', { headers: { 'Set-Cookie': await destroySession(request) } });
}

export default function Delete() {
  const { hasCase } = useLoaderData<typeof loader>();
  if (hasCase) {
    return (
      <>
        <BackLink to="/check-your-referral/status" />
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h1 className="govuk-heading-l">Delete everything you told us</h1>
            <p className="govuk-body" id="has-case">
              A facilitator is now working on your case, so we cannot delete it from here. Send us a message on your referral page, or call us, and we will
              delete what we can and tell you what we must keep and why.
            </p>
          </div>
        </div>
      </>
    );
  }
  return (
    <>
      <BackLink to="/check-your-referral/status" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Delete everything you told us</h1>
          <p className="govuk-body">We will delete your referral, your answers and all the messages between us, straight away.</p>
          <p className="govuk-body">We only keep a count that one referral was deleted, for our figures. Nothing in it can identify you.</p>
          <WarningText>You cannot undo this. Your reference and passphrase will stop working.</WarningText>
          <Form method="post" autoComplete="off">
            <Button warning>Delete everything</Button>
          </Form>
        </div>
      </div>
    </>
  );
}
