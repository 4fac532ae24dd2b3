// Managers: one person's request about their information, and its answer.
import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { Button, Choices, TextInput, Textarea, fieldOf } from '~/components/form-fields';
import { ErrorSummary } from '~/components/error-summary';
import { BackLink, SummaryList } from '~/components/page';
import { StaffForm } from '~/components/staff';
import { answerRightsRequestSchema, RIGHTS_REQUEST_KIND_LABELS } from '~/models/data-protection/data-protection-schemas';
import { answerRightsRequest, rightsRequest } from '~/models/data-protection/rights-requests.server';
import type { RouteHandle } from '~/root';
import { formatDay, ukIsoDay } from '~/utils/dates';
import { replyWithErrors } from '~/utils/form.server';
import { idParam } from '~/utils/params.server';
import { requireStaff, requireStaffForm } from '~/utils/staff-session.server';

export const handle: RouteHandle = { title: 'A request about someone’s information' };

function found(id: number) {
  const r = rightsRequest(id);
  if (!r) throw data('Not found', { status: 404 });
  return r;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, 'manager');
  return { r: found(idParam(params.id)), today: ukIsoDay(Date.now()) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, form } = await requireStaffForm(request, 'manager');
  const id = idParam(params.id);
  found(id);
  const submission = parseWithZod(form, { schema: answerRightsRequestSchema });
  if (submission.status !== 'success') return data(replyWithErrors(submission), { status: 400 });
  if (submission.value.requestId !== id || !answerRightsRequest(session.user, id, submission.value))
    return data(
      replyWithErrors(submission, {
        formErrors: [],
        fieldErrors: { '': ['This request is already answered, or the date is before it arrived. Check it and try again'] },
      }),
      { status: 409 },
    );
  return redirect('/staff/requests');
}

export default function RightsRequest() {
  const { r, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.error ?? undefined;
  return (
    <>
      <BackLink to="/staff/requests" />
      <ErrorSummary errors={errors} order={['', 'status', 'answeredOn', 'outcome']} />
      <h1 className="govuk-heading-l">{RIGHTS_REQUEST_KIND_LABELS[r.kind]}</h1>
      <SummaryList
        rows={[
          { key: 'Who asked', value: <span className="app-pre-wrap">{r.requester || '(deleted)'}</span> },
          ...(r.details ? [{ key: 'What they asked', value: <span className="app-pre-wrap">{r.details}</span> }] : []),
          { key: 'Arrived', value: formatDay(r.receivedOn) },
          { key: 'Answer due by', value: formatDay(r.dueOn) },
          { key: 'Recorded by', value: r.recordedBy },
          ...(r.answeredOn ? [{ key: r.status === 'refused' ? 'Refused' : 'Answered', value: `${formatDay(r.answeredOn)}: ${r.outcome ?? ''}` }] : []),
        ]}
      />
      {r.status === 'open' ? (
        <>
          <h2 className="govuk-heading-m">Record the answer</h2>
          <StaffForm intent="answer">
            <input type="hidden" name="requestId" value={r.id} />
            <Choices
              kind="radios"
              name="status"
              legend={{ text: 'How did it end?', size: 's' }}
              items={[
                { value: 'answered', label: 'Answered or done' },
                { value: 'refused', label: 'Refused, with reasons given to the person' },
              ]}
              error={errors?.status?.[0]}
              small
            />
            <TextInput {...fieldOf(errors, 'answeredOn')} label="Date answered" type="date" width="10" defaultValue={today} />
            <Textarea {...fieldOf(errors, 'outcome')} label="What was done" rows={4} />
            <Button>Save the answer</Button>
          </StaffForm>
        </>
      ) : null}
    </>
  );
}
