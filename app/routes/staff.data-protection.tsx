// Managers: the retention schedule the purge applies, what it will remove in the next 30
// days, the cases held back from it, and its last runs. Reads only.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { LinkCell, Table } from '~/components/table';
import { formatDateTime } from '~/components/staff';
import { periodText, RETENTION_RULES } from '~/data/retention';
import { retentionOutlook } from '~/models/data-protection/holds.server';
import { rightsRequestCounts } from '~/models/data-protection/rights-requests.server';
import type { RouteHandle } from '~/root';
import { formatDay } from '~/utils/dates';
import { requireStaff } from '~/utils/staff-session.server';

export const handle: RouteHandle = { title: 'Data protection' };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'manager');
  return { ...retentionOutlook(), requests: rightsRequestCounts() };
}

export default function DataProtection() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Data protection</h1>
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link" to="/staff/requests">
            People’s requests about their information
          </Link>
          {` (${d.requests.open} open${d.requests.overdue ? `, ${d.requests.overdue} overdue` : ''})`}
        </li>
        <li>
          <Link className="govuk-link" to="/staff/complaints">
            Complaints
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to="/staff/accounts">
            Who viewed what: choose a member of staff
          </Link>
        </li>
      </ul>

      <h2 className="govuk-heading-m">Due for deletion in the next {d.days} days</h2>
      <Table caption={`Records the purge will reach by the end of the next ${d.days} days`} head={['Records', 'How many']}>
        {RETENTION_RULES.map((r) => (
          <tr key={r.key} className="govuk-table__row">
            <td className="govuk-table__cell">{r.what}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{d.counts[r.key]}</td>
          </tr>
        ))}
      </Table>
      {d.cases.length ? (
        <Table caption="Closed cases due for deletion" head={['Case', 'Closed', 'Due', 'Kept?']}>
          {d.cases.map((c) => (
            <tr key={c.caseId} className="govuk-table__row">
              <LinkCell to={`/staff/cases/${c.caseId}/hold`}>{c.reference}</LinkCell>
              <td className="govuk-table__cell">{formatDateTime(c.closedAt)}</td>
              <td className="govuk-table__cell">{formatDateTime(c.dueAt)}</td>
              <td className="govuk-table__cell">
                {c.held ? (
                  <strong className="govuk-tag govuk-tag--yellow">Held</strong>
                ) : c.waiting ? (
                  <strong className="govuk-tag govuk-tag--blue">Waits: a recent or unread message</strong>
                ) : (
                  'None'
                )}
              </td>
            </tr>
          ))}
        </Table>
      ) : (
        <p className="govuk-body">No closed case is due in that time.</p>
      )}

      <h2 className="govuk-heading-m">Legal holds</h2>
      {d.holds.length ? (
        <Table caption="Cases kept past their retention period" head={['Case', 'Why', 'Review by', 'Placed by']}>
          {d.holds.map((h) => (
            <tr key={h.caseId} className="govuk-table__row">
              <LinkCell to={`/staff/cases/${h.caseId}/hold`}>{h.reference}</LinkCell>
              <td className="govuk-table__cell app-pre-wrap">{h.reason}</td>
              <td className="govuk-table__cell">
                {formatDay(h.reviewOn)} {h.reviewDue ? <strong className="govuk-tag govuk-tag--red">Review due</strong> : null}
              </td>
              <td className="govuk-table__cell">{h.placedBy}</td>
            </tr>
          ))}
        </Table>
      ) : (
        <p className="govuk-body">No case is held.</p>
      )}

      <h2 className="govuk-heading-m">How long we keep records</h2>
      <p className="govuk-body">
        The purge applies these periods every day. The privacy page tells the public the same periods. Each can be changed with the setting named, then the
        server restarted.
      </p>
      <Table caption="Retention schedule" head={['Records', 'Kept for', 'Then', 'Setting']}>
        {RETENTION_RULES.map((r) => (
          <tr key={r.key} className="govuk-table__row">
            <td className="govuk-table__cell">{r.what}</td>
            <td className="govuk-table__cell">
              {periodText(d.periods[r.key], r.unit)} from {r.from}
            </td>
            <td className="govuk-table__cell">{r.then}</td>
            <td className="govuk-table__cell">
              <code>{r.env}</code>
            </td>
          </tr>
        ))}
      </Table>

      <h2 className="govuk-heading-m">Last runs</h2>
      {d.runs.length ? (
        <Table caption="The purge’s last runs" head={['Started', 'By', 'Records deleted']}>
          {d.runs.map((r) => (
            <tr key={r.id} className="govuk-table__row">
              <td className="govuk-table__cell">{formatDateTime(r.startedAt)}</td>
              <td className="govuk-table__cell">{r.startedBy === 'server' ? 'The daily run' : 'npm run purge'}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{r.finished ? r.total : 'Did not finish'}</td>
            </tr>
          ))}
        </Table>
      ) : (
        <p className="govuk-body">The purge has not run yet.</p>
      )}
    </>
  );
}
