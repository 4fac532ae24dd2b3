import { Link } from '@remix-run/react';
import { GetHelpNow, StartButton, PageColumn } from '~/components/page';
import { LEARN_PAGES } from '~/components/learn';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Restorative justice for people affected by crime', staticPage: true };

export default function Home() {
  return (
    <PageColumn>
      <h1 className="govuk-heading-xl">Restorative justice: a chance to be heard</h1>
      <p className="govuk-body-l">If a crime has affected you, you may be able to tell the person who did it how it made you feel, and ask them questions.</p>
      <p className="govuk-body">
        A trained person called a facilitator helps you. You can meet, or you can write. It is free, it is private, and you can stop at any time.
      </p>
      <GetHelpNow />
      <StartButton to="/refer">Refer yourself</StartButton>
      <p className="govuk-body">You do not have to give your name.</p>
      <p className="govuk-body">
        Already referred yourself?{' '}
        <Link className="govuk-link" to="/check-your-referral">
          Check your referral
        </Link>
        .
      </p>
      <h2 className="govuk-heading-m">Find out more first</h2>
      <ul className="govuk-list govuk-list--spaced">
        {LEARN_PAGES.map(([to, text]) => (
          <li key={to}>
            <Link className="govuk-link" to={to}>
              {text}
            </Link>
          </li>
        ))}
      </ul>
      <p className="govuk-body">
        Work for the police, probation, a prison, a youth offending team or a victim service?{' '}
        <Link className="govuk-link" to="/professionals">
          How to refer someone
        </Link>
        .
      </p>
    </PageColumn>
  );
}
