// Managers: one complaint, its deadlines and what has been done, and the next step:
// acknowledge it, then answer it (upheld, partly or not, with a summary). A step taken out
// of order, or twice, is refused with a 409.
import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { ComplaintTags } from '~/components/complaints';
import { Button, Choices, TextInput, Textarea, fieldOf } from '~/components/form-fields';
import { ErrorSummary } from '~/components/error-summary';
import { BackLink, SummaryList } from '~/components/page';
import { StaffForm } from '~/components/staff';
import { complaintTags, nextStep, outOfOrderText, RECEIVED_VIA_LABELS, UPHELD_LABELS } from '~/models/complaints/complaints';
import { acknowledgeComplaint, answerComplaint, getComplaint } from '~/models/complaints/complaints.server';
import { complaintStepSchema } from '~/models/data-protection/data-protection-schemas';
import type { RouteHandle } from '~/root';
import { formatDay, ukIsoDay } from '~/utils/dates';
import { replyWithErrors } from '~/utils/form.server';
import { idParam } from '~/utils/params.server';
import { requireStaff, requireStaffForm } from '~/utils/staff-session.server';

export const handle: RouteHandle = { title: 'Complaint' };

function found(id: number) {
  const complaint = getComplaint(id);
  if (!complaint) throw data('Not found', { status: 404 });
  return complaint;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, 'manager');
  const c = found(idParam(params.id));
  const today = ukIsoDay(new Date());
  return { ...c, today, tags: complaintTags(c, today), next: nextStep(c.stage) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, form } = await requireStaffForm(request, 'manager');
  const id = idParam(params.id);
  found(id);
  const submission = parseWithZod(form, { schema: complaintStepSchema });
  if (submission.status !== 'success') return data(replyWithErrors(submission), { status: 400 });
  const v = submission.value;
  const result = v.intent === 'acknowledge' ? acknowledgeComplaint(session.user, id, v.acknowledgedOn) : answerComplaint(session.user, id, v);
  if (result.ok) return redirect(`/staff/complaints/${id}`);
  if (result.error === 'not-found') throw data('Not found', { status: 404 });
  if (result.error === 'too-early') {
    const field = v.intent === 'acknowledge' ? 'acknowledgedOn' : 'answeredOn';
    const message = `The date must be on or after ${formatDay(result.after)}, when the complaint was ${v.intent === 'acknowledge' ? 'received' : 'acknowledged'}`;
    return data(replyWithErrors(submission, { fieldErrors: { [field]: [message] } }), { status: 400 });
  }
  return data(replyWithErrors(submission, { fieldErrors: { '': [`${outOfOrderText(v.intent, result.stage)} Reload the page to see it as it is now.`] } }), {
    status: 409,
  });
}

const notYet = 'Not yet';

export default function Complaint() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.error ?? undefined;
  const replyBy = [d.email, d.phone].filter(Boolean).join(', ');
  return (
    <>
      <BackLink to="/staff/complaints" />
      <ErrorSummary errors={errors} order={['', 'acknowledgedOn', 'answeredOn', 'upheld', 'answer']} />
      <span className="govuk-caption-l">{d.reference}</span>
      <h1 className="govuk-heading-l">Complaint</h1>
      <p className="govuk-body">
        <ComplaintTags tags={d.tags} />
      </p>
      <SummaryList
        rows={[
          { key: 'Arrived', value: `${formatDay(d.receivedOn)}, ${RECEIVED_VIA_LABELS[d.receivedVia].toLowerCase()}` },
          { key: 'Acknowledge by', value: formatDay(d.acknowledgeBy) },
          { key: 'Answer by', value: formatDay(d.answerBy) },
          { key: 'Acknowledged', value: d.acknowledgedOn ? formatDay(d.acknowledgedOn) : notYet },
          { key: 'Answered', value: d.answeredOn ? formatDay(d.answeredOn) : notYet },
          ...(d.upheld ? [{ key: 'Outcome', value: UPHELD_LABELS[d.upheld] }] : []),
          ...(d.handledBy ? [{ key: 'Last handled by', value: d.handledBy }] : []),
        ]}
      />
      {d.purged ? (
        <p className="govuk-body">
          What the complaint said, who sent it and our answer were deleted at the end of the retention period. The dates and the outcome stay for the figures.
        </p>
      ) : (
        <>
          <h2 className="govuk-heading-m">What they said</h2>
          <p className="govuk-body app-pre-wrap">{d.body}</p>
          <SummaryList
            rows={[
              { key: 'Name', value: d.name ?? 'Not given' },
              { key: 'Reply to', value: replyBy || 'No contact details: they did not ask for a reply' },
              {
                key: 'Referral reference',
                value: d.referralReference ? (
                  d.referralId ? (
                    <>
                      <Link className="govuk-link" to={`/staff/referrals/${d.referralId}`}>
                        {d.referralReference}
                      </Link>
                      <br />
                      Given by the person complaining, not checked. Anyone can type a reference: make sure they are the person in that referral before you
                      discuss it with them.
                    </>
                  ) : (
                    `${d.referralReference} (no referral has this reference)`
                  )
                ) : (
                  'Not given'
                ),
              },
            ]}
          />
          {d.answer ? (
            <>
              <h2 className="govuk-heading-m">Our answer</h2>
              <p className="govuk-body app-pre-wrap">{d.answer}</p>
            </>
          ) : null}
        </>
      )}

      {d.next === 'acknowledge' ? (
        <>
          <h2 className="govuk-heading-m">Acknowledge the complaint</h2>
          <p className="govuk-body">Record the day you told the person we have their complaint. If they gave no contact details, record the day you read it.</p>
          <StaffForm intent="acknowledge">
            <TextInput {...fieldOf(errors, 'acknowledgedOn')} label="Date acknowledged" type="date" width="10" defaultValue={d.today} />
            <Button>Record the acknowledgement</Button>
          </StaffForm>
        </>
      ) : d.next === 'answer' ? (
        <>
          <h2 className="govuk-heading-m">Answer the complaint</h2>
          <StaffForm intent="answer">
            <TextInput {...fieldOf(errors, 'answeredOn')} label="Date answered" type="date" width="10" defaultValue={d.today} />
            <Choices
              kind="radios"
              name="upheld"
              legend={{ text: 'Was the complaint upheld?', size: 's' }}
              items={(Object.keys(UPHELD_LABELS) as (keyof typeof UPHELD_LABELS)[]).map((value) => ({ value, label: UPHELD_LABELS[value] }))}
              error={errors?.upheld?.[0]}
              small
            />
            <Textarea
              {...fieldOf(errors, 'answer')}
              label="Summary of the answer"
              hint="What we found and what we will do. No case details beyond what is needed."
              rows={5}
            />
            <Button>Record the answer</Button>
          </StaffForm>
        </>
      ) : null}
    </>
  );
}
