// What participants thought, for the whole service: released answers only (decision 024),
// counts, and free text in whole batches, so no answer can be tied to a case or a person.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { PageColumn } from '~/components/page';
import { COMMENT_BATCH } from '~/models/feedback/feedback';
import { forDisplay, showCount, type Shown } from '~/models/reports/reports';
import { feedbackResults, MIN_ANSWERS, MIN_CASES } from '~/models/feedback/releases.server';
import { requireStaff } from '~/utils/staff-session.server';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'What participants thought' };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return { ...forDisplay(feedbackResults()), minAnswers: MIN_ANSWERS, minCases: MIN_CASES };
}

const pct = (c: Shown, of: Shown) => (c.shown === null || of.shown === null || !of.shown ? '–' : `${Math.round((100 * c.shown) / of.shown)}%`);

export default function FeedbackResults() {
  const d = useLoaderData<typeof loader>();
  return (
    <PageColumn>
      <h1 className="govuk-heading-l">What participants thought</h1>
      <p className="govuk-body">{`${showCount(d.responses, d.threshold)} ${d.responses.shown === 1 ? 'response' : 'responses'}${d.lastRelease ? `, the latest released in ${d.lastRelease}` : ''}. Counts from 1 to ${d.threshold - 1} show as “fewer than ${d.threshold}”.`}</p>
      <p className="govuk-body">{`Answers are not linked to any case or person. They are held, then added together at the start of a quarter, once at least ${d.minAnswers} have come from at least ${d.minCases} cases. Until then they wait for the next quarter. So no one’s answers can be picked out by when they appear. We do not show how many are waiting.`}</p>
      <p className="govuk-body govuk-!-font-size-24">
        {d.satisfied.percent === null ? (
          `Satisfaction is shown from ${d.threshold} answers.`
        ) : (
          <>
            <strong>{`${d.satisfied.percent}%`}</strong>
            {` satisfied or very satisfied (of ${d.satisfied.of} who answered)`}
          </>
        )}
      </p>
      {d.questions.map((q) => (
        <table className="govuk-table" key={q.field}>
          <caption className="govuk-table__caption govuk-table__caption--s">{`${q.title} (${showCount(q.answered, d.threshold)} answered)`}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Answer
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                People
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Share
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {q.counts.map((c) => (
              <tr className="govuk-table__row" key={c.key}>
                <th scope="row" className="govuk-table__header">
                  {c.label}
                </th>
                <td className="govuk-table__cell govuk-table__cell--numeric">{showCount(c, d.threshold)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{pct(c, q.answered)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <h2 className="govuk-heading-m">In their words</h2>
      {d.comments.length === 0 ? <p className="govuk-body">{`Comments are shown once there are at least ${COMMENT_BATCH}.`}</p> : null}
      <ul className="govuk-list" id="comments">
        {d.comments.map((c, i) => (
          <li key={i} className="app-pre-wrap">
            {c}
          </li>
        ))}
      </ul>
      {d.commentsHeldBack ? <p className="govuk-body">{`${d.commentsHeldBack} more will be shown when there are ${COMMENT_BATCH}.`}</p> : null}
    </PageColumn>
  );
}
