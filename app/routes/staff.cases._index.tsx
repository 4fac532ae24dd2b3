// The facilitator's worklist, their home page: each case with its next action, when it is
// due (Victims' Code clocks stand out), and the time since the last contact. Unread cases
// come first, urgent ones before them. Filters and sort are in the query string (no
// personal data); a search by name is a POST, so a name never lands in a URL or a log.
import { parseWithZod } from '@conform-to/zod/v4';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { Button, Select, TextInput, fieldOf } from '~/components/form-fields';
import { ErrorSummary } from '~/components/error-summary';
import { StaffForm } from '~/components/staff';
import { Table, LinkCell } from '~/components/table';
import { STAGE_LABELS } from '~/models/cases/case-stages';
import { listFacilitators } from '~/models/staff/staff.server';
import { getWorklist, parseWorklistFilters } from '~/models/cases/worklist.server';
import { CASE_STAGE_OPTIONS, DUE_FILTERS, FLAG_FILTERS, SORTS } from '~/models/cases/worklist';
import { replyWithErrors } from '~/utils/form.server';
import { requireStaff, requireStaffForm } from '~/utils/staff-session.server';
import { formatDay } from '~/utils/dates';
import type { RouteHandle } from '~/root';

import { accreditationText, StateTag, supervisionText } from '~/components/practice';
import { practiceStatusOf } from '~/models/staff/practice.server';

export const handle: RouteHandle = { title: 'Your cases' };

const today = () => new Date();

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireStaff(request);
  const url = new URL(request.url);
  const filters = parseWorklistFilters(url, session.user);
  const manager = session.user.role === 'manager';
  return {
    manager,
    filters: { ...filters, who: String(filters.who) },
    facilitators: manager ? listFacilitators() : [],
    rows: getWorklist(session.user, filters, undefined, today()),
    query: url.search,
    // The facilitator's own practice: what is due or overdue shows here, on their home page.
    practice: manager ? null : practiceStatusOf(session.user.id),
  };
}

const searchSchema = z.object({
  q: z
    .string({ error: 'Enter a reference or a name' })
    .trim()
    .min(2, 'Enter at least 2 letters of a reference or a name')
    .max(100, 'Enter 100 characters or fewer'),
});

export async function action({ request }: ActionFunctionArgs) {
  const { session, form } = await requireStaffForm(request);
  const submission = parseWithZod(form, { schema: searchSchema });
  if (submission.status !== 'success') return data({ ...replyWithErrors(submission), found: null }, { status: 400 });
  // Search across every case they may see, whatever the filters say.
  const everyCase = { stage: 'all', due: 'any', flag: 'any', sort: 'due', who: 'team' } as const;
  const found = getWorklist(session.user, { ...everyCase, who: session.user.role === 'manager' ? 'team' : session.user.id }, submission.value.q, today());
  return { ...replyWithErrors(submission), found };
}

const DUE_TAG = { breached: ['govuk-tag--red', 'Overdue'], due: ['govuk-tag--yellow', 'Due'], later: null, none: null } as const;

function sinceContact(day: string | null) {
  if (!day) return 'No contact yet';
  const days = Math.round((Date.parse(new Date().toISOString().slice(0, 10)) - Date.parse(day)) / 86_400_000);
  return days <= 0 ? 'Today' : days === 1 ? 'Yesterday' : `${days} days ago`;
}

export default function Worklist() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && 'error' in result ? (result.error ?? undefined) : undefined;
  const found = result?.found ?? null;
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">{d.manager ? 'Cases' : 'Your cases'}</h1>
      {d.practice && (d.practice.supervision.state !== 'ok' || d.practice.accreditation.state !== 'ok') ? (
        <div className="govuk-inset-text" id="practice-due">
          <h2 className="govuk-heading-s">Your practice</h2>
          <ul className="govuk-list">
            {d.practice.supervision.state !== 'ok' ? (
              <li>
                <StateTag state={d.practice.supervision.state} /> {`Supervision: ${supervisionText(d.practice.supervision)}`}
              </li>
            ) : null}
            {d.practice.accreditation.state !== 'ok' ? (
              <li>
                <StateTag state={d.practice.accreditation.state} /> {`Accreditation: ${accreditationText(d.practice.accreditation)}`}
              </li>
            ) : null}
          </ul>
          <p className="govuk-body-s">Your manager records these.</p>
        </div>
      ) : null}

      <StaffForm>
        <div className="app-filters">
          <TextInput {...fieldOf(errors, 'q')} label="Find a case by reference or name" width="20" spellCheck={false} />
          <Button secondary>Search</Button>
        </div>
      </StaffForm>
      {found ? <Rows rows={found} caption={`Cases matching your search: ${found.length}`} showFacilitator={d.manager} /> : null}

      <Form method="get" className="app-filters">
        {d.manager ? (
          <Select
            name="who"
            label="Whose cases"
            defaultValue={d.filters.who}
            options={[{ value: 'team', label: 'The whole team' }, ...d.facilitators.map((f) => ({ value: String(f.id), label: f.name }))]}
          />
        ) : null}
        <Select name="stage" label="Stage" defaultValue={d.filters.stage} options={CASE_STAGE_OPTIONS} />
        <Select name="due" label="Due" defaultValue={d.filters.due} options={DUE_FILTERS.map(([value, label]) => ({ value, label }))} />
        <Select name="flag" label="Flag" defaultValue={d.filters.flag} options={FLAG_FILTERS.map(([value, label]) => ({ value, label }))} />
        <Select name="sort" label="Sort by" defaultValue={d.filters.sort} options={SORTS.map(([value, label]) => ({ value, label }))} />
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Show cases
        </button>
      </Form>
      {d.rows.length === 0 ? (
        <p className="govuk-body">No cases match.</p>
      ) : (
        <Rows
          rows={d.rows}
          caption={`${d.rows.length} ${d.rows.length === 1 ? 'case' : 'cases'}, new messages first, then the most pressing`}
          showFacilitator={d.manager}
        />
      )}
    </>
  );
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>['rows'][number];

function Rows({ rows, caption, showFacilitator }: { rows: Row[]; caption: string; showFacilitator: boolean }) {
  return (
    <Table caption={caption} head={['Case', 'Stage', 'Next action', 'Due', 'Last contact', ...(showFacilitator ? ['Facilitator'] : [])]}>
      {rows.map((r) => {
        const tag = DUE_TAG[r.dueState];
        return (
          <tr key={r.caseId} className="govuk-table__row">
            <LinkCell to={`/staff/cases/${r.caseId}`}>
              {r.reference}
              {r.urgent ? (
                <strong className="govuk-tag govuk-tag--red app-tag-gap">Urgent message</strong>
              ) : r.unread ? (
                <strong className="govuk-tag govuk-tag--blue app-tag-gap">New message</strong>
              ) : null}
            </LinkCell>
            <td className="govuk-table__cell">{STAGE_LABELS[r.stage]}</td>
            <td className="govuk-table__cell">
              {r.next.words}
              {r.more ? <span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0">{`and ${r.more} more`}</span> : null}
              {r.pausedForSafety && r.next.kind !== 'exchange-paused' ? (
                <strong className="govuk-tag govuk-tag--orange app-tag-gap">Letters paused for safety</strong>
              ) : null}
            </td>
            <td className="govuk-table__cell">
              {r.due ? formatDay(r.due) : '–'}
              {tag ? <strong className={`govuk-tag ${tag[0]} app-tag-gap`}>{tag[1]}</strong> : null}
            </td>
            <td className="govuk-table__cell">{sinceContact(r.lastContactOn)}</td>
            {showFacilitator ? <td className="govuk-table__cell">{r.facilitator}</td> : null}
          </tr>
        );
      })}
    </Table>
  );
}
