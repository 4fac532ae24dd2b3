// Pieces of the staff workspace's pages.
import { useRouteLoaderData } from '@remix-run/react';
import type { loader as staffLoader } from '~/routes/staff';

/** The hidden CSRF field every staff form carries. */
export function CsrfInput() {
  const data = useRouteLoaderData<typeof staffLoader>('routes/staff');
  return <input type="hidden" name="csrf" value={data?.csrf ?? ''} />;
}

export function useStaffUser() {
  return useRouteLoaderData<typeof staffLoader>('routes/staff')?.user ?? null;
}

export function formatDateTime(iso: string | Date) {
  return new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
}

export function ageInDays(iso: string | Date, now = Date.now()) {
  const days = Math.floor((now - new Date(iso).getTime()) / 86_400_000);
  return days === 0 ? 'Today' : days === 1 ? '1 day' : `${days} days`;
}
