import { Link } from '@remix-run/react';
import { PageColumn } from '~/components/page';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Everything has been deleted' };

export default function Deleted() {
  return (
    <PageColumn>
      <h1 className="govuk-heading-l">Everything has been deleted</h1>
      <p className="govuk-body">Your referral and your messages are gone. You have been signed out.</p>
      <p className="govuk-body">
        If you want to talk to us again, you can{' '}
        <Link className="govuk-link" to="/refer">
          refer yourself again
        </Link>{' '}
        at any time.
      </p>
    </PageColumn>
  );
}
