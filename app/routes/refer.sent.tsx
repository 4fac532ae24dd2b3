import { Link } from '@remix-run/react';
import { PageColumn } from '~/components/page';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'What happens next' };

export default function Sent() {
  return (
    <PageColumn>
      <h1 className="govuk-heading-l">What happens next</h1>
      <p className="govuk-body">Thank you. Your referral is with our team.</p>
      <ol className="govuk-list govuk-list--number">
        <li>Someone in our team reads it, usually within 5 working days.</li>
        <li>If you said we can contact you, a trained facilitator gets in touch the way you chose.</li>
        <li>If you chose no contact, we leave you a message here instead.</li>
        <li>You talk it through. Nothing happens unless you want it to.</li>
      </ol>
      <p className="govuk-body">
        <Link className="govuk-link" to="/check-your-referral">
          Check your referral
        </Link>{' '}
        with your reference and passphrase.
      </p>
      <p className="govuk-body">If you are using a shared device, close this browser window when you have finished.</p>
    </PageColumn>
  );
}
