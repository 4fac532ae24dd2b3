// Pause or stop the exchange: one clear button each. It freezes at once.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form } from '@remix-run/react';
import { Button } from '~/components/form-fields';
import { BackLink, PageColumn } from '~/components/page';
import { pauseByMember } from '~/models/letters/exchange.server';
import { readForm } from '~/utils/form.server';
import { participantSessions } from '~/utils/session.server';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Pause or stop the letters' };

export async function loader({ request }: LoaderFunctionArgs) {
  await participantSessions.require(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const memberId = await participantSessions.require(request);
  const form = await readForm(request);
  pauseByMember(memberId, form.get('how') === 'withdrawn' ? 'withdrawn' : 'paused');
  return redirect('/letters/home');
}

export default function Pause() {
  return (
    <>
      <BackLink to="/letters/home" />
      <PageColumn>
        <h1 className="govuk-heading-l">Pause or stop the letters</h1>
        <p className="govuk-body">
          Either way, it happens at once: nothing more is passed on, in either direction, and your facilitator is told. You do not need to give a reason.
        </p>
        <Form method="post" autoComplete="off">
          <input type="hidden" name="how" value="paused" />
          <Button>Pause the letters</Button>
        </Form>
        <p className="govuk-body">Your facilitator can start them again with you when you are ready.</p>
        <Form method="post" autoComplete="off">
          <input type="hidden" name="how" value="withdrawn" />
          <Button warning>Stop the letters for good</Button>
        </Form>
      </PageColumn>
    </>
  );
}
