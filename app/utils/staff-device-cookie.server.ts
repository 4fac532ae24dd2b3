// A device a member of staff has signed in on before (password and code). Its tries are
// counted on their own, so a stranger who keeps failing with a guessable work email cannot
// lock its owner out of a device they use (attempts.server.ts, staff.server.ts). Sealed, for
// the staff pages only; it holds an account id and a random device id, nothing else.
import { randomBytes } from 'node:crypto';
import { sealedCookie } from './sealed-cookie.server';

export type StaffDevice = { u: number; d: string };

export const staffDeviceCookie = sealedCookie<StaffDevice>('rj_staff_device', '/staff', 'staff-device', 180 * 24 * 60 * 60);

/** The cookie to set after a full sign-in: this browser's device id kept if it had one for this account. */
export async function rememberStaffDevice(request: Request, staffUserId: number): Promise<string> {
  const known = await staffDeviceCookie.read(request);
  return staffDeviceCookie.write({ u: staffUserId, d: known?.u === staffUserId ? known.d : randomBytes(16).toString('base64url') });
}
