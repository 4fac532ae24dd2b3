// Managers: what one member of staff opened and did, newest first, a page at a time. Views
// of cases that were not theirs are marked, so a look at a neighbour's case stands out.
import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { BackLink } from '~/components/page';
import { formatDateTime } from '~/components/staff';
import { OlderNewer, Table } from '~/components/table';
import { describeAuditAction, SUBJECT_TYPES } from '~/models/audit-vocabulary';
import { STAGE_LABELS } from '~/models/cases/case-stages';
import { staffActivity } from '~/models/data-protection/read-audit.server';
import { listStaff } from '~/models/staff/staff.server';
import type { RouteHandle } from '~/root';
import { idParam } from '~/utils/params.server';
import { requireStaff } from '~/utils/staff-session.server';

export const handle: RouteHandle = { title: 'What a member of staff viewed and did' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await requireStaff(request, 'manager');
  const id = idParam(params.id);
  const person = listStaff().find((s) => s.id === id);
  if (!person) throw data('Not found', { status: 404 });
  const url = new URL(request.url);
  const before = /^\d{1,15}$/.exec(url.searchParams.get('before') ?? '')?.[0];
  const viewsOnly = url.searchParams.get('show') === 'views';
  const found = staffActivity(session.user, id, { before: before ? Number(before) : null, viewsOnly })!;
  return {
    person: { id, name: person.name, role: person.role },
    viewsOnly,
    isFirstPage: !before,
    older: found.older,
    rows: found.rows.map((r) => ({
      ...r,
      what: describeAuditAction(r.action, (s) => STAGE_LABELS[s as keyof typeof STAGE_LABELS]),
      subject: SUBJECT_TYPES[r.subjectType as keyof typeof SUBJECT_TYPES] ?? r.subjectType,
    })),
  };
}

export default function Activity() {
  const d = useLoaderData<typeof loader>();
  const base = `/staff/accounts/${d.person.id}/activity${d.viewsOnly ? '?show=views' : ''}`;
  return (
    <>
      <BackLink to={`/staff/accounts/${d.person.id}`} />
      <span className="govuk-caption-l">{d.person.name}</span>
      <h1 className="govuk-heading-l">What they viewed and did</h1>
      <p className="govuk-body">
        {d.viewsOnly ? (
          <Link className="govuk-link" to={`/staff/accounts/${d.person.id}/activity`}>
            Show everything
          </Link>
        ) : (
          <Link className="govuk-link" to={`/staff/accounts/${d.person.id}/activity?show=views`}>
            Show only what they opened
          </Link>
        )}
      </p>
      <Table caption={d.viewsOnly ? 'Records opened, newest first' : 'Everything, newest first'} head={['When', 'What', 'Record', 'Case']}>
        {d.rows.map((r) => (
          <tr key={r.id} className="govuk-table__row">
            <td className="govuk-table__cell">{formatDateTime(r.at)}</td>
            <td className="govuk-table__cell">
              {r.what}
              {r.outsideAssignment ? (
                <>
                  {' '}
                  <strong className="govuk-tag govuk-tag--orange">Not their case</strong>
                </>
              ) : r.inTriage ? (
                <>
                  {' '}
                  <strong className="govuk-tag govuk-tag--grey">In triage</strong>
                </>
              ) : null}
            </td>
            <td className="govuk-table__cell">
              {r.subject} {r.subjectId ?? '(deleted)'}
            </td>
            <td className="govuk-table__cell">
              {r.caseId ? (
                <Link className="govuk-link" to={`/staff/cases/${r.caseId}`}>
                  {r.reference}
                </Link>
              ) : (
                (r.reference ?? '')
              )}
            </td>
          </tr>
        ))}
      </Table>
      {d.rows.length === 0 ? <p className="govuk-body">Nothing recorded.</p> : null}
      <OlderNewer label="Pages of this record" newest={base} older={d.older} isFirstPage={d.isFirstPage} />
    </>
  );
}
