import { Link } from '@remix-run/react';
import { LearnPage } from '~/components/learn';
import { GetHelpNow } from '~/components/page';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Is it right for me?', staticPage: true };

export default function Page() {
  return (
    <LearnPage title="Is it right for me?">
      <p className="govuk-body">Only you can decide. These things are true for everyone who uses this service.</p>
      <ul className="govuk-list govuk-list--bullet govuk-list--spaced">
        <li>
          <strong>It is your choice.</strong> Nobody can make you take part.
        </li>
        <li>
          <strong>It is free.</strong>
        </li>
        <li>
          <strong>It is private.</strong> We do not share what you tell us without asking you first, unless someone is at risk of serious harm.
        </li>
        <li>
          <strong>You can stop at any time</strong>, even on the day of a meeting.
        </li>
        <li>
          <strong>You do not need to have told the police.</strong>
        </li>
        <li>
          <strong>Any crime can be considered</strong>, as well as anti-social behaviour. The kind of crime does not on its own rule anyone out.
        </li>
        <li>
          <strong>It can happen at any time</strong>: soon after the crime, during a court case, or years later when the person is in prison or on probation.
        </li>
      </ul>
      <h2 className="govuk-heading-m">What must be true before it goes ahead</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>The person who harmed you must accept at least some responsibility for what they did.</li>
        <li>You both must want to take part.</li>
        <li>A trained facilitator must check that it is safe, and that it will not put you at risk of more harm.</li>
        <li>You must have enough information to choose freely.</li>
      </ul>
      <h2 className="govuk-heading-m">It might not be right just now if</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>you feel pushed into it by someone else</li>
        <li>you are not safe from the person who harmed you</li>
      </ul>
      <p className="govuk-body">You can still talk to us. We can help you think it through, or point you to other support.</p>
      <GetHelpNow />
      <p className="govuk-body">
        <Link className="govuk-link" to="/refer">
          Refer yourself
        </Link>{' '}
        – it does not commit you to anything.
      </p>
    </LearnPage>
  );
}
