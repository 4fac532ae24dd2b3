// The staff workspace's frame: who is signed in (its navigation, drawn by the root layout
// outside <main>: components/staff-nav.tsx), no "Exit this page". This layout does not
// protect its children: every staff loader and action calls its own guard.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { Outlet } from '@remix-run/react';
import type { StaffFrame } from '~/components/staff';
import { getStaffSession } from '~/utils/staff-session.server';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { exitThisPage: false, area: 'staff', clientRuntime: true };

export async function loader({ request }: LoaderFunctionArgs): Promise<StaffFrame> {
  const session = await getStaffSession(request);
  if (!session || session.stage !== 'full') return { user: null, csrf: null };
  return { user: { name: session.user.name, role: session.user.role }, csrf: session.csrfToken };
}

export default function StaffLayout() {
  return <Outlet />;
}
