import { LearnPage } from '~/components/learn';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'What the evidence says' };

export default function Page() {
  return (
    <LearnPage title="What the evidence says">
      <p className="govuk-body">Restorative justice has been studied carefully. Here is what the research found.</p>
      <h2 className="govuk-heading-m">Most people who take part are glad they did</h2>
      <p className="govuk-body">
        <strong>85 out of every 100</strong> victims who took part were satisfied with it.
      </p>
      <p className="govuk-body">When it was offered by a trained facilitator, most victims chose to meet the person who harmed them.</p>
      <p className="govuk-body">
        Victims who took part in a full meeting were less likely to have signs of post-traumatic stress. They were 3 times more likely to feel they could put it
        behind them.
      </p>
      <h2 className="govuk-heading-m">It makes crime less likely to happen again</h2>
      <p className="govuk-body">
        It cut how often people committed crimes again by <strong>14 in every 100</strong>.
      </p>
      <p className="govuk-body">
        For every <strong>£1</strong> spent on it, about <strong>£8</strong> was saved in the justice system.
      </p>
      <h2 className="govuk-heading-m">Where these figures come from</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>
          A 7-year study of restorative justice with adult offenders, paid for by the government and published by the Ministry of Justice. It cost £7 million
          and began in 2001.
        </li>
        <li>The government’s own analysis of that study, which gave the figure of 14 in every 100.</li>
        <li>The West Midlands Police and Crime Commissioner’s report on restorative justice, which sums up this research.</li>
      </ul>
      <h2 className="govuk-heading-m">Here in the West Midlands</h2>
      <p className="govuk-body">
        In 2016 one restorative justice project in the West Midlands had over 800 referrals. 95 out of every 100 victims who went to a meeting were satisfied.
      </p>
      <p className="govuk-body">A survey in London found that 46 out of every 100 victims would want to meet the person who harmed them.</p>
    </LearnPage>
  );
}
