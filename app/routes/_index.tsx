import { Link } from '@remix-run/react';
import { GetHelpNow } from '~/components/page';
import { LEARN_PAGES } from '~/components/learn';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Restorative justice for people affected by crime' };

export default function Home() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">Restorative justice: a chance to be heard</h1>
        <p className="govuk-body-l">If a crime has affected you, you may be able to tell the person who did it how it made you feel, and ask them questions.</p>
        <p className="govuk-body">A trained person called a facilitator helps you. You can meet, or you can write. It is free, it is private, and you can stop at any time.</p>
        <GetHelpNow />
        <Link to="/refer" role="button" draggable="false" className="govuk-button govuk-button--start" data-module="govuk-button">
          Refer yourself
          <svg className="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
            <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
          </svg>
        </Link>
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
      </div>
    </div>
  );
}
