import { LearnPage } from '~/components/learn';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'What restorative justice is', staticPage: true };

export default function Page() {
  return (
    <LearnPage title="What restorative justice is">
      <p className="govuk-body">Restorative justice brings together the person who was harmed and the person who caused the harm.</p>
      <p className="govuk-body">It gives you a chance to:</p>
      <ul className="govuk-list govuk-list--bullet">
        <li>tell them how the crime affected you</li>
        <li>ask the questions only they can answer, such as ‘why me?’</li>
        <li>hear them say sorry, if they are ready to</li>
        <li>have a say in how they put things right</li>
      </ul>
      <p className="govuk-body">
        Putting things right might mean paying for damage, working for a charity, or telling you how they are changing, for example getting a job or getting
        help with drugs.
      </p>
      <h2 className="govuk-heading-m">A facilitator helps</h2>
      <p className="govuk-body">
        A facilitator is a person trained to run restorative justice safely. They talk to you and to the other person first, on your own. They only go ahead if
        it is safe and everyone wants to.
      </p>
      <h2 className="govuk-heading-m">It is your choice</h2>
      <p className="govuk-body">It is led by you, whoever made the referral. You choose if it happens, how it happens, and when. You can stop at any time.</p>
      <p className="govuk-body">It does not replace a court case or a sentence. The person who harmed you does not get a shorter sentence for taking part.</p>
    </LearnPage>
  );
}
