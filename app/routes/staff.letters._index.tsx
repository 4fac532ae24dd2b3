// The moderation queue: letters waiting for review, oldest first, with how long each has waited;
// a letter passed on with a threat kept waits here too, for a second reader.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { ageInDays } from '~/components/staff';
import { listReviewQueue } from '~/models/letters/review.server';
import { requireStaff } from '~/utils/staff-session.server';
import { Table } from '~/components/table';
import { EXCHANGE_STATES, exchangeRelays } from '~/models/states';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Letters to review' };

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireStaff(request);
  return { rows: listReviewQueue(session.user).map((r) => ({ ...r, submittedAt: r.submittedAt?.toISOString() ?? '' })) };
}

export default function ReviewQueue() {
  const { rows } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Letters to review</h1>
      {rows.length === 0 ? (
        <p className="govuk-body">No letters are waiting.</p>
      ) : (
        <Table caption="Letters waiting, oldest first" head={['Letter', 'Case', 'Waiting', 'Facilitator']}>
          {rows.map((r) => (
            <tr key={r.id} className="govuk-table__row">
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={`/staff/letters/${r.id}`}>
                  Letter {r.id}
                </Link>
                {r.onPaper ? ' (on paper)' : ''}
                {r.status === 'second_reading' ? <strong className="govuk-tag govuk-tag--yellow app-tag-gap">Waiting for a second reader</strong> : null}
                {!exchangeRelays(r.exchangeStatus) ? (
                  <strong className="govuk-tag govuk-tag--red app-tag-gap">Exchange {EXCHANGE_STATES[r.exchangeStatus].staff.toLowerCase()}</strong>
                ) : null}
              </td>
              <td className="govuk-table__cell">{r.reference}</td>
              <td className="govuk-table__cell">{ageInDays(r.submittedAt)}</td>
              <td className="govuk-table__cell">{r.facilitator}</td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
