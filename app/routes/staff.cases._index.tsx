import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { formatDateTime } from '~/components/staff';
import { STAGE_LABELS } from '~/models/case-stages';
import { listCases } from '~/models/case.server';
import { requireStaff } from '~/utils/staff-session.server';
import { Table, LinkCell } from '~/components/table';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Cases' };

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireStaff(request);
  return { manager: session.user.role === 'manager', cases: listCases(session.user).map((c) => ({ ...c, updatedAt: c.updatedAt.toISOString() })) };
}

export default function Cases() {
  const { manager, cases } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{manager ? 'All cases' : 'Your cases'}</h1>
      {cases.length === 0 ? (
        <p className="govuk-body">There are no cases yet.</p>
      ) : (
        <Table caption="Cases, most recently changed first" head={['Case', 'Stage', 'Facilitator', 'Last changed']}>
          {cases.map((c) => (
            <tr key={c.id} className="govuk-table__row">
              <LinkCell to={`/staff/cases/${c.id}`}>{c.reference}</LinkCell>
              <td className="govuk-table__cell">{STAGE_LABELS[c.stage]}</td>
              <td className="govuk-table__cell">{c.facilitator}</td>
              <td className="govuk-table__cell">{formatDateTime(c.updatedAt)}</td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
