import { LearnPage } from '~/components/learn';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'The ways it can happen', staticPage: true };

const WAYS = [
  [
    'Meeting face to face',
    'You meet the person who harmed you, with a facilitator there. You can bring someone with you, such as a family member. The meeting follows a plan you know about beforehand. It may end with an agreement about what happens next.',
  ],
  ['A community meeting', 'Like a face-to-face meeting, but with more people, such as neighbours or others in the area who were affected.'],
  [
    'A meeting where the facilitator helps you talk',
    'A facilitator helps the two of you talk about what happened. It might lead to an agreement, but it does not have to.',
  ],
  ['A phone or video call', 'You talk without being in the same room.'],
  ['Letters', 'You write to each other. The facilitator reads every letter before it is passed on, to make sure it is safe.'],
  [
    'Passing messages through a facilitator',
    'This is sometimes called shuttle mediation. The facilitator goes between you, carrying what each of you wants to say. You never have to be in the same room.',
  ],
] as const;

export default function Page() {
  return (
    <LearnPage title="The ways it can happen">
      <p className="govuk-body">
        There is more than one way to do restorative justice. The facilitator talks with you about what would suit you, and what is safe.
      </p>
      {WAYS.map(([heading, text]) => (
        <div key={heading}>
          <h2 className="govuk-heading-m">{heading}</h2>
          <p className="govuk-body">{text}</p>
        </div>
      ))}
      <h2 className="govuk-heading-m">One can lead to another</h2>
      <p className="govuk-body">Many people start with letters or messages. Some later decide they want to meet. That is up to you.</p>
      <p className="govuk-body">
        Meeting face to face often helps people most, so we aim for that when it is safe and you want it. If it is not right for you, we will find another way.
      </p>
    </LearnPage>
  );
}
