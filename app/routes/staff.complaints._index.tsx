// Managers: complaints about the service. Open ones first, each with what is due or overdue
// by its working-day deadlines; then the latest answered; and a form to record a complaint
// that arrived by phone, letter, email or in person.
import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { ComplaintTags } from '~/components/complaints';
import { Button, Choices, TextInput, Textarea, fieldOf } from '~/components/form-fields';
import { ErrorSummary } from '~/components/error-summary';
import { StaffForm } from '~/components/staff';
import { LinkCell, Table } from '~/components/table';
import { complaintTags, RECEIVED_VIA_LABELS, UPHELD_LABELS } from '~/models/complaints/complaints';
import { listComplaints, recordComplaint } from '~/models/complaints/complaints.server';
import { COMPLAINT_WAYS_IN, recordComplaintSchema } from '~/models/data-protection/data-protection-schemas';
import type { RouteHandle } from '~/root';
import { formatDay, ukIsoDay } from '~/utils/dates';
import { env } from '~/utils/env.server';
import { replyWithErrors } from '~/utils/form.server';
import { requireStaff, requireStaffForm } from '~/utils/staff-session.server';

export const handle: RouteHandle = { title: 'Complaints' };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'manager');
  const today = ukIsoDay(new Date());
  const { open, answered, shownAnswered } = listComplaints();
  const withTags = <T extends Parameters<typeof complaintTags>[0]>(c: T) => ({ ...c, tags: complaintTags(c, today) });
  return {
    today,
    open: open.map(withTags),
    answered: answered.map(withTags),
    shownAnswered,
    acknowledgeDays: env.COMPLAINT_ACKNOWLEDGE_WORKING_DAYS,
    answerDays: env.COMPLAINT_ANSWER_WORKING_DAYS,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { session, form } = await requireStaffForm(request, 'manager');
  const submission = parseWithZod(form, { schema: recordComplaintSchema });
  if (submission.status !== 'success') return data(replyWithErrors(submission), { status: 400 });
  const id = recordComplaint(session.user, submission.value);
  return redirect(`/staff/complaints/${id}`);
}

export default function Complaints() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.error ?? undefined;
  return (
    <>
      <ErrorSummary errors={errors} order={['receivedVia', 'receivedOn', 'body', 'name', 'email', 'phone', 'referralReference']} />
      <h1 className="govuk-heading-l">Complaints</h1>
      <p className="govuk-body">
        {`Acknowledge a complaint within ${d.acknowledgeDays} working days of the day it arrived, and answer it within ${d.answerDays}. Weekends are not counted; bank holidays are, so a deadline may fall a day early, never late.`}
      </p>

      <h2 className="govuk-heading-m">Open</h2>
      {d.open.length ? (
        <Table caption="Open complaints, the soonest due first" head={['Reference', 'Arrived', 'Acknowledge by', 'Answer by', 'Status']}>
          {d.open.map((c) => (
            <tr key={c.id} className="govuk-table__row">
              <LinkCell to={`/staff/complaints/${c.id}`}>{c.reference}</LinkCell>
              <td className="govuk-table__cell">
                {formatDay(c.receivedOn)}
                <br />
                <span className="govuk-body-s">{RECEIVED_VIA_LABELS[c.receivedVia]}</span>
              </td>
              <td className="govuk-table__cell">{c.acknowledgedOn ? `Done ${formatDay(c.acknowledgedOn)}` : formatDay(c.acknowledgeBy)}</td>
              <td className="govuk-table__cell">{formatDay(c.answerBy)}</td>
              <td className="govuk-table__cell">
                <ComplaintTags tags={c.tags} />
              </td>
            </tr>
          ))}
        </Table>
      ) : (
        <p className="govuk-body">No open complaints.</p>
      )}

      <h2 className="govuk-heading-m">Answered</h2>
      {d.answered.length ? (
        <Table caption={`The ${d.shownAnswered} most recently answered complaints`} head={['Reference', 'Arrived', 'Answered', 'Outcome', 'Status']}>
          {d.answered.map((c) => (
            <tr key={c.id} className="govuk-table__row">
              <LinkCell to={`/staff/complaints/${c.id}`}>{c.reference}</LinkCell>
              <td className="govuk-table__cell">{formatDay(c.receivedOn)}</td>
              <td className="govuk-table__cell">{formatDay(c.answeredOn!)}</td>
              <td className="govuk-table__cell">{c.upheld ? UPHELD_LABELS[c.upheld] : ''}</td>
              <td className="govuk-table__cell">
                <ComplaintTags tags={c.tags} />
              </td>
            </tr>
          ))}
        </Table>
      ) : (
        <p className="govuk-body">No complaints answered yet.</p>
      )}

      <h2 className="govuk-heading-m">Record a complaint</h2>
      <p className="govuk-body">For a complaint that came by phone, letter, email or in person. Complaints sent on the website are added by themselves.</p>
      <StaffForm intent="record">
        <Choices
          kind="radios"
          name="receivedVia"
          legend={{ text: 'How did it arrive?', size: 's' }}
          items={Object.entries(COMPLAINT_WAYS_IN).map(([value, label]) => ({ value, label }))}
          error={errors?.receivedVia?.[0]}
          small
        />
        <TextInput {...fieldOf(errors, 'receivedOn')} label="Date it arrived" type="date" width="10" defaultValue={d.today} />
        <Textarea {...fieldOf(errors, 'body')} label="The complaint" hint="What the person said, in brief." rows={5} />
        <TextInput {...fieldOf(errors, 'name')} label="Their name (optional)" />
        <TextInput {...fieldOf(errors, 'email')} label="Their email address (optional)" type="email" spellCheck={false} />
        <TextInput {...fieldOf(errors, 'phone')} label="Their phone number (optional)" type="tel" width="20" />
        <TextInput
          {...fieldOf(errors, 'referralReference')}
          label="Their referral reference (optional)"
          hint="Like RJ-AB12-CD34"
          width="10"
          spellCheck={false}
        />
        <Button>Record the complaint</Button>
      </StaffForm>
    </>
  );
}
