// Parts of the reports page that are plain figures: a summary row, and the open work now
// (exact counts for running the service, not in the return).
import { Table } from './table';

export function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{value}</dd>
    </div>
  );
}

export type OpenWorkData = {
  overdueItems: number;
  lettersWaiting: number;
  oldestLetterDays: number | null;
  stages: { stage: string; label: string }[];
  rows: { name: string; counts: number[] }[];
};

export function OpenWork({ open }: { open: OpenWorkData }) {
  return (
    <>
      <h2 className="govuk-heading-m">Open work now</h2>
      <dl className="govuk-summary-list">
        <Row label="Agreed items past their due date" value={String(open.overdueItems)} />
        <Row
          label="Letters waiting for review"
          value={open.lettersWaiting ? `${open.lettersWaiting} (the oldest for ${open.oldestLetterDays} days)` : 'None'}
        />
      </dl>
      {open.rows.length ? (
        <Table caption="Open cases by stage and facilitator" head={['Facilitator', ...open.stages.map((s) => s.label)]}>
          {open.rows.map((row) => (
            <tr key={row.name} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                {row.name}
              </th>
              {row.counts.map((n, i) => (
                <td key={i} className="govuk-table__cell">
                  {n}
                </td>
              ))}
            </tr>
          ))}
        </Table>
      ) : (
        <p className="govuk-body">No open cases.</p>
      )}
    </>
  );
}
