import { Link } from '@remix-run/react';
import { PageColumn } from '~/components/page';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Referring someone: for professionals' };

const AGENCIES = [
  'Police, including Integrated Offender Management',
  'National Probation Service (victim-initiated or offender-initiated)',
  'Community Rehabilitation Companies',
  'Victim Care Service and Victim Support',
  'Youth Offending Teams, for work outside their statutory duties',
  'Community Safety Partnerships',
  'HM Prison and Probation Service',
];

export default function Page() {
  return (
    <PageColumn>
      <h1 className="govuk-heading-l">Referring someone: for professionals</h1>
      <p className="govuk-body">
        We take referrals from any agency, for victims of any offence, at any stage of the criminal justice system. A police complaint is not needed.
      </p>
      <h2 className="govuk-heading-m">Who refers to us</h2>
      <ul className="govuk-list govuk-list--bullet">
        {AGENCIES.map((a) => (
          <li key={a}>{a}</li>
        ))}
      </ul>
      <p className="govuk-body">
        We accept referrals started by the victim or by the offender. The service is always led by the victim’s needs: we contact the victim first and nothing
        happens without their free, informed consent.
      </p>
      <h2 className="govuk-heading-m">Before you refer</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>Tell the person what restorative justice is, and that it is voluntary.</li>
        <li>Get their agreement to be referred.</li>
        <li>Note any risks you know of, such as domestic abuse, a sexual offence, hate crime, stalking or exploitation.</li>
        <li>Note any support needs, such as an interpreter or access needs.</li>
      </ul>
      <h2 className="govuk-heading-m">What we do</h2>
      <p className="govuk-body">
        A trained facilitator contacts the person, explains the options and makes a full risk assessment before anything goes ahead. We will send you a
        reference when the referral arrives.
      </p>
      <h2 className="govuk-heading-m">How to refer</h2>
      <p className="govuk-body">
        <Link className="govuk-link" to="/refer-as-a-professional">
          Use the referral form for professionals
        </Link>
        . You get a reference straight away, and by email.
      </p>
    </PageColumn>
  );
}
