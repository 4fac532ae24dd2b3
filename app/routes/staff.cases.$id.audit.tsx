import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { BackLink } from '~/components/page';
import { formatDateTime } from '~/components/staff';
import { describeAuditAction, SUBJECT_TYPES } from '~/models/audit-vocabulary';
import { STAGE_LABELS } from '~/models/cases/case-stages';
import { getCaseAudit } from '~/models/cases/case-audit.server';
import { idParam } from '~/utils/params.server';
import { requireStaff } from '~/utils/staff-session.server';
import { OlderNewer, Table } from '~/components/table';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Audit trail' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await requireStaff(request, 'manager');
  // ?before= the last id of the page before; anything else is the first page.
  const before = /^\d{1,15}$/.exec(new URL(request.url).searchParams.get('before') ?? '')?.[0];
  const found = getCaseAudit(session.user, idParam(params.id), before ? Number(before) : null);
  if (!found) throw data('Not found', { status: 404 });
  return {
    caseId: found.kase.id,
    isFirstPage: !before,
    older: found.older,
    rows: found.rows.map((r) => ({
      ...r,
      at: r.at.toISOString(),
      what: describeAuditAction(r.action, (s) => STAGE_LABELS[s as keyof typeof STAGE_LABELS]),
      subject: SUBJECT_TYPES[r.subjectType as keyof typeof SUBJECT_TYPES] ?? r.subjectType,
    })),
  };
}

export default function Audit() {
  const { caseId, rows, isFirstPage, older } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to={`/staff/cases/${caseId}`} />
      <h1 className="govuk-heading-l">Audit trail</h1>
      <Table caption="Who did what to this case, newest first" head={['When', 'Who', 'What', 'Record']}>
        {rows.map((r) => (
          <tr key={r.id} className="govuk-table__row">
            <td className="govuk-table__cell">{formatDateTime(r.at)}</td>
            <td className="govuk-table__cell">{r.actor}</td>
            <td className="govuk-table__cell">
              {r.what}
              {r.outsideAssignment ? (
                <>
                  {' '}
                  <strong className="govuk-tag govuk-tag--orange">Not their case</strong>
                </>
              ) : null}
              <span className="govuk-caption-m">{r.action}</span>
            </td>
            <td className="govuk-table__cell">
              {r.subject} {r.subjectId}
            </td>
          </tr>
        ))}
      </Table>
      {rows.length === 0 ? <p className="govuk-body">There is nothing older.</p> : null}
      <OlderNewer label="Pages of the audit trail" newest={`/staff/cases/${caseId}/audit`} older={older} isFirstPage={isFirstPage} />
    </>
  );
}
