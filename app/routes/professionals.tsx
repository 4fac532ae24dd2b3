import { Link } from '@remix-run/react';
import { PageColumn } from '~/components/page';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Referring someone: for professionals', staticPage: true };

const AGENCIES = [
  'the police, including Integrated Offender Management',
  'the Probation Service, for a victim or for an offender',
  'Community Rehabilitation Companies',
  'the Victim Care Service and Victim Support',
  'Youth Offending Teams, for work that is not part of their legal duties',
  'Community Safety Partnerships',
  'HM Prison and Probation Service',
];

export default function Page() {
  return (
    <PageColumn>
      <h1 className="govuk-heading-l">Referring someone: for professionals</h1>
      <p className="govuk-body">
        You can refer a victim of any crime to us. It can be at any stage, before or after a trial. The crime does not need to have been reported to the police.
      </p>
      <h2 className="govuk-heading-m">Who refers to us</h2>
      <p className="govuk-body">We take referrals from any agency. Most come from:</p>
      <ul className="govuk-list govuk-list--bullet">
        {AGENCIES.map((a) => (
          <li key={a}>{a}</li>
        ))}
      </ul>
      <p className="govuk-body">
        The victim or the offender can be the one who asks. We always put the victim first. We speak to the victim before anyone else. Nothing happens unless
        they say yes, and they know what they are saying yes to.
      </p>
      <h2 className="govuk-heading-m">Before you refer</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>Tell the person what restorative justice is. Tell them they do not have to take part.</li>
        <li>Ask them if they are happy for you to refer them.</li>
        <li>Write down any risks you know of, like domestic abuse, a sexual offence, hate crime, stalking or someone being used by others.</li>
        <li>Write down any help they need, like an interpreter or a ramp.</li>
      </ul>
      <h2 className="govuk-heading-m">What we do</h2>
      <p className="govuk-body">
        A trained facilitator gets in touch with the person. They explain the choices. They check it is safe before anything goes ahead. We send you a reference
        when the referral arrives.
      </p>
      <h2 className="govuk-heading-m">How to refer</h2>
      <p className="govuk-body">
        <Link className="govuk-link" to="/refer-as-a-professional">
          Use the referral form for professionals
        </Link>
        . You get a reference at once, and by email.
      </p>
    </PageColumn>
  );
}
