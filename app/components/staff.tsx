// Pieces of the staff workspace's pages.
import { Form, Link, useRouteLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';

/** What the staff layout route (`routes/staff`) gives every page under it. */
export type StaffFrame = { user: { name: string; role: 'facilitator' | 'manager' } | null; csrf: string | null };

/** The hidden CSRF field every staff form carries. */
export function CsrfInput() {
  const data = useRouteLoaderData<StaffFrame>('routes/staff');
  return <input type="hidden" name="csrf" value={data?.csrf ?? ''} />;
}

/**
 * A staff form: posts to the page, carries the CSRF token and, where the page has several
 * forms, which one it is (`intent`). Server-side checks only, unless `validate` is given.
 */
export function StaffForm({ intent, validate, action, children }: { intent?: string; validate?: boolean; action?: string; children: ReactNode }) {
  return (
    <Form method="post" action={action} noValidate={!validate}>
      <CsrfInput />
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      {children}
    </Form>
  );
}

export function useStaffUser() {
  return useRouteLoaderData<StaffFrame>('routes/staff')?.user ?? null;
}

import { formatDateTime } from '~/utils/dates';

export { formatDateTime };

export function ageInDays(iso: string | Date, now = Date.now()) {
  const days = Math.floor((now - new Date(iso).getTime()) / 86_400_000);
  return days === 0 ? 'Today' : days === 1 ? '1 day' : `${days} days`;
}

/**
 * A case past "ready" whose essentials have lapsed: since when, and what must be recorded
 * again before anything moves forward (decision 019).
 */
export function LapseWarning({ lapse, caseId }: { lapse: { since: string | null; gaps: string[] } | null; caseId: number }) {
  if (!lapse) return null;
  return (
    <div className="app-section" id="essentials-lapsed">
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          {`The essentials have lapsed${lapse.since ? ` since ${formatDateTime(lapse.since)}` : ''}. No process can start or be completed, no meeting held, no item added and the case cannot move forward until they are recorded again.`}
        </strong>
      </div>
      <p className="govuk-body">
        What must be recorded again (on each person’s page from the{' '}
        <Link className="govuk-link" to={`/staff/cases/${caseId}#participants`}>
          case
        </Link>
        ):
      </p>
      <ul className="govuk-list govuk-list--bullet">
        {lapse.gaps.map((g) => (
          <li key={g}>{g}</li>
        ))}
      </ul>
    </div>
  );
}
