// The outcome agreement as a printable page: what was agreed, who does it, by when, how
// it will be shown done and how far it has got. Staff print it for the people who agreed
// it; each of them reads it, in their own words, on their own page. One block per item,
// so it reads on a phone as well as on A4.
import { labelFor } from '~/data/referral-options';
import { formatDay } from '~/utils/dates';
import { SummaryList } from './page';

export type AgreementRow = { id: number; kind: string; description: string; who: string; dueOn: string; evidence: string; progress: string };

export function AgreementItems({ items, kinds }: { items: AgreementRow[]; kinds: readonly (readonly [string, string])[] }) {
  return (
    <ol className="govuk-list app-agreement" id="agreement">
      {items.map((i, n) => (
        <li key={i.id}>
          <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{`${n + 1}. ${labelFor(kinds, i.kind)}`}</h3>
          <p className="govuk-body app-pre-wrap">{i.description}</p>
          <SummaryList
            rows={[
              { key: 'Who does it', value: i.who },
              { key: 'By', value: formatDay(i.dueOn) },
              { key: 'How we will know it is done', value: i.evidence },
              { key: 'Progress', value: i.progress },
            ]}
          />
        </li>
      ))}
    </ol>
  );
}

export type OwnAgreementData = {
  items: AgreementRow[];
  agreed: string | null;
  open: boolean;
  justAgreed: boolean;
  refused: string | null;
};

/** The agreement on a participant's own page: read it, agree to it, print it. */
export function OwnAgreement({ d, back, kinds }: { d: OwnAgreementData; back: string; kinds: readonly (readonly [string, string])[] }) {
  return (
    <>
      <a className="govuk-back-link" href={back}>
        Back
      </a>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {d.justAgreed ? (
            <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="agreed-title">
              <div className="govuk-notification-banner__header">
                <h2 className="govuk-notification-banner__title" id="agreed-title">
                  Success
                </h2>
              </div>
              <div className="govuk-notification-banner__content">
                <p className="govuk-notification-banner__heading">Thank you. We have recorded that you agree.</p>
              </div>
            </div>
          ) : null}
          <h1 className="govuk-heading-l">Your outcome agreement</h1>
          <p className="govuk-body">
            This is what was agreed when you took part in restorative justice, and how far each part has got. Your facilitator updates it.
          </p>
          <h2 className="govuk-heading-m">What was agreed</h2>
          <AgreementItems items={d.items} kinds={kinds} />
          {d.agreed ? (
            <p className="govuk-body" id="you-agreed">{`You agreed to this on ${formatDay(d.agreed)}.`}</p>
          ) : d.open ? (
            <form method="post" autoComplete="off" className="app-no-print" id="agree">
              <h2 className="govuk-heading-m">Do you agree?</h2>
              {d.refused ? (
                <p className="govuk-body" id="agree-refused">
                  {d.refused}
                </p>
              ) : null}
              <p className="govuk-body">
                If you agree, we record it with today’s date. If something is not right, do not agree: send your facilitator a message, and they will talk it
                through with you. Agreeing is your choice.
              </p>
              <button type="submit" className="govuk-button" data-module="govuk-button">
                I agree to this agreement
              </button>
            </form>
          ) : null}
          <p className="govuk-body app-no-print">To keep a copy, use your browser’s print command: the page prints without the menus.</p>
        </div>
      </div>
    </>
  );
}

/** The way to a participant's own agreement from their home page, with how far it has got. */
export function AgreementLink({ a, to }: { a: { done: number; of: number; agreed: boolean }; to: string }) {
  return (
    <div className="govuk-inset-text" id="own-agreement">
      <p className="govuk-body">
        <a className="govuk-link" href={to}>
          Your outcome agreement
        </a>
        {`: ${a.done} of ${a.of} done.`}
        {a.agreed ? '' : ' Read it and tell us if you agree.'}
      </p>
    </div>
  );
}
