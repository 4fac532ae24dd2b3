// The triage queue: referrals oldest first, filtered by status, source and facilitator.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { Select } from '~/components/form-fields';
import { ageInDays } from '~/components/staff';
import { labelFor, OFFENCE_KINDS } from '~/data/referral-options';
import { listFacilitators } from '~/models/staff/staff.server';
import { QUEUE_STATUSES } from '~/models/referrals/triage-statuses';
import { listTriageQueue, parseQueueFilters } from '~/models/referrals/triage.server';
import { requireStaff } from '~/utils/staff-session.server';
import { Table, LinkCell } from '~/components/table';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Referrals' };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const url = new URL(request.url);
  const filters = parseQueueFilters(url);
  const { rows, next } = listTriageQueue(filters);
  const keep = new URLSearchParams(url.searchParams);
  keep.delete('after');
  if (next) keep.set('after', next);
  return {
    filters: { status: filters.status, source: filters.source, facilitator: filters.facilitatorId ? String(filters.facilitatorId) : '' },
    facilitators: listFacilitators(),
    rows: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    nextHref: next ? `/staff?${keep}` : null,
    isFirstPage: !filters.after,
    firstHref: `/staff?${new URLSearchParams([...url.searchParams].filter(([k]) => k !== 'after'))}`,
  };
}

const STATUS_TAG: Record<string, string> = {
  received: 'New',
  being_looked_at: 'Being looked at',
  facilitator_will_contact: 'Accepted',
  in_progress: 'In progress',
  closed: 'Closed',
  withdrawn: 'Withdrawn',
  declined: 'Declined',
};

export default function TriageQueue() {
  const { filters, facilitators, rows, nextHref, isFirstPage, firstHref } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Referrals</h1>
      <Form method="get" className="app-filters">
        <Select name="status" label="Status" defaultValue={filters.status} options={QUEUE_STATUSES.map(([value, label]) => ({ value, label }))} />
        <Select
          name="source"
          label="Source"
          defaultValue={filters.source}
          options={[
            { value: 'all', label: 'All' },
            { value: 'self', label: 'Self-referral' },
            { value: 'partner', label: 'Partner agency' },
          ]}
        />
        <Select
          name="facilitator"
          label="Facilitator"
          defaultValue={filters.facilitator}
          options={[{ value: '', label: 'Anyone' }, ...facilitators.map((f) => ({ value: String(f.id), label: f.name }))]}
        />
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Filter
        </button>
      </Form>
      {rows.length === 0 ? (
        <p className="govuk-body">There are no referrals here.</p>
      ) : (
        <Table caption="Referrals, oldest first" head={['Reference', 'Waiting', 'Source', 'Offence', 'Status', 'Facilitator']}>
          {rows.map((r) => (
            <tr key={r.id} className="govuk-table__row">
              <LinkCell to={`/staff/referrals/${r.id}`}>{r.reference}</LinkCell>
              <td className="govuk-table__cell">{ageInDays(r.createdAt)}</td>
              <td className="govuk-table__cell">{r.source === 'self' ? 'Self-referral' : 'Partner'}</td>
              <td className="govuk-table__cell">{labelFor(OFFENCE_KINDS, r.offenceKind)}</td>
              <td className="govuk-table__cell">
                <strong className="govuk-tag govuk-tag--grey">{STATUS_TAG[r.status]}</strong>
              </td>
              <td className="govuk-table__cell">{r.facilitator ?? '–'}</td>
            </tr>
          ))}
        </Table>
      )}
      <nav className="govuk-pagination govuk-pagination--block" aria-label="Pages of referrals">
        {!isFirstPage ? (
          <div className="govuk-pagination__prev">
            <Link className="govuk-link govuk-pagination__link" to={firstHref}>
              <span className="govuk-pagination__link-title">First page</span>
            </Link>
          </div>
        ) : null}
        {nextHref ? (
          <div className="govuk-pagination__next">
            <Link className="govuk-link govuk-pagination__link" to={nextHref} rel="next">
              <span className="govuk-pagination__link-title">Next page</span>
            </Link>
          </div>
        ) : null}
      </nav>
    </>
  );
}
