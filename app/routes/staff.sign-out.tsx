import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Link } from '@remix-run/react';
import { endStaffSession, requireStaffForm } from '~/utils/staff-session.server';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'You have signed out' };

export async function action({ request }: ActionFunctionArgs) {
  await requireStaffForm(request.clone());
  return redirect('/staff/sign-out', { headers: { 'Set-Cookie': await endStaffSession(request) } });
}

export async function loader(_: LoaderFunctionArgs) {
  return null;
}

export default function StaffSignedOut() {
  return (
    <>
      <h1 className="govuk-heading-l">You have signed out</h1>
      <p className="govuk-body">
        <Link className="govuk-link" to="/staff/sign-in">
          Sign in again
        </Link>
      </p>
    </>
  );
}
