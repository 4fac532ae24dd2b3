import { LearnPage } from '~/components/learn';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'What happens when you get in touch', staticPage: true };

const STEPS = [
  ['You get in touch', 'Refer yourself on this website, or ask someone like the police, probation or Victim Support to refer you. You get a reference.'],
  ['We read your referral', 'Someone in our team reads it, usually within 5 working days.'],
  [
    'A facilitator talks to you',
    'They explain what could happen and answer your questions. They ask what you want, and how you feel. You do not have to decide anything yet.',
  ],
  ['They talk to the person who harmed you', 'Only if you want them to. The facilitator checks that the person accepts responsibility and wants to take part.'],
  ['The facilitator checks it is safe', 'They think about any risks to you and to others. If it is not safe, it does not go ahead, and they tell you why.'],
  ['You choose how', 'For example, a meeting, letters, or messages passed on by the facilitator.'],
  ['It happens, at your pace', 'The facilitator is with you all the way. You can pause or stop at any time.'],
  ['Afterwards', 'The facilitator checks in with you. If there was an agreement, they tell you how it is going. We ask what you thought of the service.'],
] as const;

export default function Page() {
  return (
    <LearnPage title="What happens when you get in touch">
      <ol className="govuk-list govuk-list--number govuk-list--spaced">
        {STEPS.map(([heading, text]) => (
          <li key={heading}>
            <strong>{heading}.</strong> {text}
          </li>
        ))}
      </ol>
      <p className="govuk-body">This can take a few weeks or many months. It depends on what you want and what is safe.</p>
    </LearnPage>
  );
}
