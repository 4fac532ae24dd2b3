// What is due in a practitioner's record, as tags a manager or the facilitator can scan.
import { Link } from '@remix-run/react';
import { Table } from './table';
import { formatDay } from '~/utils/dates';
import { WarningText } from './page';

type State = 'ok' | 'due' | 'overdue';
export type PracticeStatusView = {
  supervision: { lastOn: string | null; dueOn: string | null; state: State };
  accreditation: { renewsOn: string | null; state: State };
  cpdHoursThisYear: number;
};

const TAG: Record<State, [string, string]> = {
  ok: ['govuk-tag--green', 'Up to date'],
  due: ['govuk-tag--yellow', 'Due soon'],
  overdue: ['govuk-tag--red', 'Overdue'],
};
export const StateTag = ({ state }: { state: State }) => <strong className={`govuk-tag ${TAG[state][0]}`}>{TAG[state][1]}</strong>;

export const supervisionText = (s: PracticeStatusView['supervision']) =>
  s.lastOn ? `Last on ${formatDay(s.lastOn)}; next due by ${formatDay(s.dueOn!)}` : 'No supervision recorded';
export const accreditationText = (a: PracticeStatusView['accreditation']) => (a.renewsOn ? `Renew by ${formatDay(a.renewsOn)}` : 'No accreditation recorded');

export function PracticeSummary({ status }: { status: PracticeStatusView }) {
  return (
    <dl className="govuk-summary-list">
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">Supervision</dt>
        <dd className="govuk-summary-list__value">
          <StateTag state={status.supervision.state} /> {supervisionText(status.supervision)}
        </dd>
      </div>
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">Accreditation</dt>
        <dd className="govuk-summary-list__value">
          <StateTag state={status.accreditation.state} /> {accreditationText(status.accreditation)}
        </dd>
      </div>
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">CPD in the last 12 months</dt>
        <dd className="govuk-summary-list__value">{`${status.cpdHoursThisYear} hours`}</dd>
      </div>
    </dl>
  );
}

/** Assignable people as select options, those with overdue supervision marked, and the warning to show above. */
export function assignmentOptions(people: { id: number; name: string; supervisionOverdue: boolean }[]) {
  const overdue = people.filter((p) => p.supervisionOverdue).map((p) => p.name);
  return {
    options: people.map((p) => ({ value: String(p.id), label: p.supervisionOverdue ? `${p.name} (supervision overdue)` : p.name })),
    warning: overdue.length ? `Supervision is overdue for ${overdue.join(', ')}. Check they have support before giving them a new case.` : null,
  };
}

export function AssignmentWarning({ warning }: { warning: string | null }) {
  return warning ? <WarningText>{warning}</WarningText> : null;
}

/** Practitioners' supervision, accreditation and CPD on the reports page: the team for a manager, their own for a facilitator. */
export function Practitioners({ people, isManager }: { people: (PracticeStatusView & { id: number; name: string })[]; isManager: boolean }) {
  return (
    <>
      <h2 className="govuk-heading-m">{isManager ? 'Practitioners' : 'Your practice'}</h2>
      {people.length ? (
        <Table caption="Supervision, accreditation and CPD" head={['Name', 'Supervision', 'Accreditation', 'CPD, last 12 months']}>
          {people.map((p) => (
            <tr key={p.id} className="govuk-table__row">
              <td className="govuk-table__cell">
                {isManager ? (
                  <Link className="govuk-link" to={`/staff/accounts/${p.id}`}>
                    {p.name}
                  </Link>
                ) : (
                  p.name
                )}
              </td>
              <td className="govuk-table__cell">
                <StateTag state={p.supervision.state} /> {supervisionText(p.supervision)}
              </td>
              <td className="govuk-table__cell">
                <StateTag state={p.accreditation.state} /> {accreditationText(p.accreditation)}
              </td>
              <td className="govuk-table__cell">{`${p.cpdHoursThisYear} hours`}</td>
            </tr>
          ))}
        </Table>
      ) : (
        <p className="govuk-body">No active facilitators.</p>
      )}
    </>
  );
}
