import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { SignedOut } from '~/components/page';
import { signOutBrowser } from '~/utils/session.server';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'You have signed out' };

export async function action({ request }: ActionFunctionArgs) {
  return redirect('/check-your-referral/sign-out', { headers: await signOutBrowser(request) });
}

export async function loader(_: LoaderFunctionArgs) {
  return null;
}

export default function SignedOutPage() {
  return <SignedOut signInAgain="/check-your-referral" />;
}
