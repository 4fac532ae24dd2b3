// Managers: people's requests about their information (see it, delete it, correct it,
// limit or object to its use). Each is due one calendar month after it arrived; open ones
// show as due soon or overdue until answered.
import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { Button, Choices, TextInput, Textarea, fieldOf } from '~/components/form-fields';
import { ErrorSummary } from '~/components/error-summary';
import { BackLink } from '~/components/page';
import { StaffForm } from '~/components/staff';
import { Table } from '~/components/table';
import { RIGHTS_REQUEST_KIND_LABELS, rightsRequestSchema, type RightsRequestKind } from '~/models/data-protection/data-protection-schemas';
import { listRightsRequests, recordRightsRequest } from '~/models/data-protection/rights-requests.server';
import type { RouteHandle } from '~/root';
import { formatDay, ukIsoDay } from '~/utils/dates';
import { replyWithErrors } from '~/utils/form.server';
import { requireStaff, requireStaffForm } from '~/utils/staff-session.server';

export const handle: RouteHandle = { title: 'People’s requests about their information' };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'manager');
  return { ...listRightsRequests(), today: ukIsoDay(Date.now()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { session, form } = await requireStaffForm(request, 'manager');
  const submission = parseWithZod(form, { schema: rightsRequestSchema });
  if (submission.status !== 'success') return data(replyWithErrors(submission), { status: 400 });
  recordRightsRequest(session.user, submission.value);
  return redirect('/staff/requests');
}

const KIND_ITEMS = (Object.keys(RIGHTS_REQUEST_KIND_LABELS) as RightsRequestKind[]).map((k) => ({ value: k, label: RIGHTS_REQUEST_KIND_LABELS[k] }));

export default function RightsRequests() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.error ?? undefined;
  return (
    <>
      <BackLink to="/staff/data-protection" />
      <ErrorSummary errors={errors} order={['kind', 'requester', 'details', 'receivedOn']} />
      <h1 className="govuk-heading-l">People’s requests about their information</h1>
      <p className="govuk-body">
        Answer within one calendar month of the day the request arrived. To see what is held about someone, open their record in a case or their referral and
        choose ‘Everything held about’ them.
      </p>
      <h2 className="govuk-heading-m">Open</h2>
      {d.open.length ? (
        <Table caption="Open requests, soonest due first" head={['Request', 'Who asked', 'Arrived', 'Due']}>
          {d.open.map((r) => (
            <tr key={r.id} className="govuk-table__row">
              <td className="govuk-table__cell">
                {RIGHTS_REQUEST_KIND_LABELS[r.kind]}
                {r.details ? <span className="govuk-body-s app-pre-wrap govuk-!-display-block">{r.details}</span> : null}
                <Link className="govuk-link govuk-!-display-block" to={`/staff/requests/${r.id}`}>
                  Record the answer
                </Link>
              </td>
              <td className="govuk-table__cell app-pre-wrap">{r.requester}</td>
              <td className="govuk-table__cell">{formatDay(r.receivedOn)}</td>
              <td className="govuk-table__cell">
                {formatDay(r.dueOn)}{' '}
                {r.overdue ? (
                  <strong className="govuk-tag govuk-tag--red">Overdue</strong>
                ) : r.dueSoon ? (
                  <strong className="govuk-tag govuk-tag--yellow">Due soon</strong>
                ) : null}
              </td>
            </tr>
          ))}
        </Table>
      ) : (
        <p className="govuk-body">No open requests.</p>
      )}
      <h2 className="govuk-heading-m">Record a request</h2>
      <StaffForm intent="record">
        <Choices kind="radios" name="kind" legend={{ text: 'What did they ask for?', size: 's' }} items={KIND_ITEMS} error={errors?.kind?.[0]} small />
        <TextInput {...fieldOf(errors, 'requester')} label="Who asked" hint="Their name, or how to find them, for example ‘the victim in RJ-AB12-CD34’" />
        <Textarea {...fieldOf(errors, 'details')} label="What they asked (optional)" rows={3} />
        <TextInput {...fieldOf(errors, 'receivedOn')} label="Date it arrived" type="date" width="10" defaultValue={d.today} />
        <Button>Record the request</Button>
      </StaffForm>
      <h2 className="govuk-heading-m">Answered</h2>
      {d.closed.length ? (
        <Table caption="The last 50 answered requests" head={['Request', 'Who asked', 'Arrived', 'Answered', 'Outcome']}>
          {d.closed.map((r) => (
            <tr key={r.id} className="govuk-table__row">
              <td className="govuk-table__cell">{RIGHTS_REQUEST_KIND_LABELS[r.kind]}</td>
              <td className="govuk-table__cell app-pre-wrap">{r.requester || '(deleted)'}</td>
              <td className="govuk-table__cell">{formatDay(r.receivedOn)}</td>
              <td className="govuk-table__cell">
                {r.answeredOn ? formatDay(r.answeredOn) : ''}
                {r.answeredOn && r.answeredOn > r.dueOn ? (
                  <>
                    {' '}
                    <strong className="govuk-tag govuk-tag--orange">Late</strong>
                  </>
                ) : null}
              </td>
              <td className="govuk-table__cell app-pre-wrap">
                {r.status === 'refused' ? 'Refused: ' : ''}
                {r.outcome ?? ''}
              </td>
            </tr>
          ))}
        </Table>
      ) : (
        <p className="govuk-body">None yet.</p>
      )}
    </>
  );
}
