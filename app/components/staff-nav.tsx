// The staff workspace's navigation (drawn by root.tsx, outside <main>).
import { Form, Link, useRouteLoaderData } from '@remix-run/react';
import type { StaffFrame } from './staff';

// What every member of staff works on.
const LINKS = [
  ['/staff/cases', 'Cases'],
  ['/staff', 'Referrals'],
  ['/staff/letters', 'Letters to review'],
  ['/staff/feedback', 'Feedback'],
  ['/staff/reports', 'Reports'],
  ['/staff/emails', 'Emails'],
] as const;

// What only managers look after.
const MANAGER_LINKS = [
  ['/staff/accounts', 'Staff accounts'],
  ['/staff/complaints', 'Complaints'],
  ['/staff/you-said-we-did', 'You said, we did'],
  ['/staff/data-protection', 'Data protection'],
] as const;

/**
 * The workspace's navigation, for a signed-in member of staff. The root layout draws it
 * before <main>, so "Skip to main content" skips it.
 */
export function StaffNav() {
  const frame = useRouteLoaderData<StaffFrame>('routes/staff');
  const user = frame?.user;
  if (!user) return null;
  return (
    <nav className="app-staff-nav" aria-label="Workspace">
      <ul className="govuk-list app-staff-nav__list">
        {[...LINKS, ...(user.role === 'manager' ? MANAGER_LINKS : [])].map(([to, text]) => (
          <li key={to}>
            <Link className="govuk-link" to={to}>
              {text}
            </Link>
          </li>
        ))}
        <li className="app-staff-nav__me">
          {user.name} ({user.role})
        </li>
        <li>
          <Form method="post" action="/staff/sign-out">
            <input type="hidden" name="csrf" value={frame?.csrf ?? ''} />
            <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
              Sign out
            </button>
          </Form>
        </li>
      </ul>
    </nav>
  );
}
