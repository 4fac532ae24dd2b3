// Pieces of the staff workspace's pages.
import { Form, useRouteLoaderData } from '@remix-run/react';
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

export { formatDateTime } from '~/utils/dates';

export function ageInDays(iso: string | Date, now = Date.now()) {
  const days = Math.floor((now - new Date(iso).getTime()) / 86_400_000);
  return days === 0 ? 'Today' : days === 1 ? '1 day' : `${days} days`;
}
