import { LearnPage } from '~/components/learn';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'What the evidence says', staticPage: true };

export default function Page() {
  return (
    <LearnPage title="What the evidence says">
      <p className="govuk-body">People have studied restorative justice with care. This is what they found.</p>
      <h2 className="govuk-heading-m">Most people who take part are glad they did</h2>
      <p className="govuk-body">
        <strong>85 out of every 100</strong> victims who took part were happy with it.
      </p>
      <p className="govuk-body">When a trained person offered it, most victims chose to meet the person who harmed them.</p>
      <p className="govuk-body">
        Victims who went to a meeting were less likely to suffer from post-traumatic stress. This is a lasting reaction to something frightening. They were also
        3 times more likely to feel they could put it behind them.
      </p>
      <h2 className="govuk-heading-m">It makes crime less likely to happen again</h2>
      <p className="govuk-body">
        After taking part, people who had done crimes did fewer of them. The number went down by <strong>14 in every 100</strong>.
      </p>
      <p className="govuk-body">
        For every <strong>£1</strong> spent on it, about <strong>£8</strong> was saved in courts, prisons and the police.
      </p>
      <h2 className="govuk-heading-m">Where these numbers come from</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>A study of adults who had done a crime. It ran for 7 years from 2001 and cost £7 million. The Ministry of Justice paid for it and put it out.</li>
        <li>The government’s own look at that study. The number 14 in every 100 comes from it.</li>
        <li>A report by the West Midlands Police and Crime Commissioner. It sums up this research.</li>
      </ul>
      <h2 className="govuk-heading-m">Here in the West Midlands</h2>
      <p className="govuk-body">
        In 2016, one project in the West Midlands had over 800 people sent to it. 95 out of every 100 victims who went to a meeting were happy with it.
      </p>
      <p className="govuk-body">In a London survey, 46 out of every 100 victims said they would want to meet the person who harmed them.</p>
    </LearnPage>
  );
}
