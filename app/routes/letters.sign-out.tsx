import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Link } from '@remix-run/react';
import { participantSessions } from '~/utils/session.server';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'You have signed out' };

export async function action({ request }: ActionFunctionArgs) {
  return redirect('/letters/sign-out', { headers: { 'Set-Cookie': await participantSessions.destroy(request) } });
}

export async function loader(_: LoaderFunctionArgs) {
  return null;
}

export default function SignedOut() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">You have signed out</h1>
        <p className="govuk-body">If you are using a shared device, close this browser window now.</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/letters">
            Sign in again
          </Link>
        </p>
      </div>
    </div>
  );
}
