import { LearnPage } from '~/components/learn';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Questions people ask', staticPage: true };

const QUESTIONS = [
  ['Will I have to meet them?', 'No. You can write letters, or pass messages through the facilitator. You only meet if you want to and it is safe.'],
  ['Will they find out where I live?', 'No. The facilitator removes anything from letters or messages that could tell them where you live or work.'],
  ['Can I bring someone with me?', 'Yes. You can bring a family member or friend for support. Other people who were directly affected can take part too.'],
  ['Does it cost anything?', 'No. It is free.'],
  ['Does the person who harmed me get a lighter sentence?', 'No. Taking part does not change their sentence.'],
  ['What if they say no?', 'Then it does not go ahead. The facilitator tells you, and talks with you about other support.'],
  ['What if I change my mind?', 'You can stop at any time, for any reason. You do not have to explain.'],
  ['I did not report it to the police. Can I still do this?', 'Yes. You do not need to have made a police report.'],
  ['It happened years ago. Is it too late?', 'No. It can happen at any stage, even when the person is in prison or has been released.'],
  ['Who will know I got in touch?', 'Only our team. If you refer yourself without giving your name, we do not know who you are unless you tell us.'],
  [
    'Someone else harmed me, not a stranger. Can I still use this?',
    'Yes. If the person is someone you know, such as a partner or family member, the facilitator takes extra care to check it is safe.',
  ],
] as const;

export default function Page() {
  return (
    <LearnPage title="Questions people ask">
      {QUESTIONS.map(([q, a]) => (
        <div key={q}>
          <h2 className="govuk-heading-s">{q}</h2>
          <p className="govuk-body">{a}</p>
        </div>
      ))}
    </LearnPage>
  );
}
