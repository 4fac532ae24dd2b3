// The staff workspace's frame: its own navigation, no "Exit this page". This layout does
// not protect its children: every staff loader and action calls its own guard.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, Outlet, useLoaderData } from '@remix-run/react';
import type { StaffFrame } from '~/components/staff';
import { getStaffSession } from '~/utils/staff-session.server';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { exitThisPage: false, area: 'staff', clientRuntime: true };

export async function loader({ request }: LoaderFunctionArgs): Promise<StaffFrame> {
  const session = await getStaffSession(request);
  if (!session || session.stage !== 'full') return { user: null, csrf: null };
  return { user: { name: session.user.name, role: session.user.role }, csrf: session.csrfToken };
}

// What only managers look after.
const MANAGER_LINKS = [
  ['/staff/accounts', 'Staff accounts'],
  ['/staff/complaints', 'Complaints'],
  ['/staff/you-said-we-did', 'You said, we did'],
  ['/staff/data-protection', 'Data protection'],
] as const;

export default function StaffLayout() {
  const { user, csrf } = useLoaderData<typeof loader>();
  return (
    <>
      {user ? (
        <nav className="app-staff-nav" aria-label="Workspace">
          <ul className="govuk-list app-staff-nav__list">
            <li>
              <Link className="govuk-link" to="/staff/cases">
                Cases
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to="/staff">
                Referrals
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to="/staff/letters">
                Letters to review
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to="/staff/feedback">
                Feedback
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to="/staff/reports">
                Reports
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to="/staff/emails">
                Emails
              </Link>
            </li>
            {user.role === 'manager'
              ? MANAGER_LINKS.map(([to, text]) => (
                  <li key={to}>
                    <Link className="govuk-link" to={to}>
                      {text}
                    </Link>
                  </li>
                ))
              : null}
            <li className="app-staff-nav__me">
              {user.name} ({user.role})
            </li>
            <li>
              <Form method="post" action="/staff/sign-out">
                <input type="hidden" name="csrf" value={csrf ?? ''} />
                <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                  Sign out
                </button>
              </Form>
            </li>
          </ul>
        </nav>
      ) : null}
      <Outlet />
    </>
  );
}
