import { useRouteLoaderData } from '@remix-run/react';
import { GetHelpNow, PageColumn } from '~/components/page';
import type { loader as rootLoader, RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Contact us', staticPage: true };

export default function Page() {
  const root = useRouteLoaderData<typeof rootLoader>('root');
  return (
    <PageColumn>
      <h1 className="govuk-heading-l">Contact us</h1>
      <GetHelpNow />
      <h2 className="govuk-heading-m">Phone</h2>
      <p className="govuk-body">
        <strong>{root?.servicePhone}</strong>
        <br />
        Monday to Friday, 9am to 5pm. Calls cost the same as a normal call.
      </p>
      <p className="govuk-body">If you referred yourself, have your reference ready. We will never ask for your passphrase.</p>
      <h2 className="govuk-heading-m">Messages</h2>
      <p className="govuk-body">If you referred yourself, sign in to ‘Check your referral’ to send us a message.</p>
    </PageColumn>
  );
}
