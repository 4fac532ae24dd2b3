import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { PageColumn } from '~/components/page';
import type { RouteHandle } from '~/root';
import { partnerDoneCookie } from '~/utils/partner-cookie.server';

export const handle: RouteHandle = { title: 'Referral sent' };

export async function loader({ request }: LoaderFunctionArgs) {
  const reference = await partnerDoneCookie.read(request);
  if (typeof reference !== 'string') throw redirect('/refer-as-a-professional');
  return { reference };
}

export default function PartnerSent() {
  const { reference } = useLoaderData<typeof loader>();
  return (
    <PageColumn>
      <div className="govuk-panel govuk-panel--confirmation">
        <h1 className="govuk-panel__title">Referral sent</h1>
        <div className="govuk-panel__body">
          Reference
          <br />
          <strong>{reference}</strong>
        </div>
      </div>
      <p className="govuk-body">We have emailed you the reference. A facilitator will contact the person you referred, usually within 5 working days.</p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/refer-as-a-professional">
          Make another referral
        </Link>
      </p>
    </PageColumn>
  );
}
