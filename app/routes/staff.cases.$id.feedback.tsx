// A case's survey invitations: who was asked, how, and whether they answered (never what).
// Paper surveys, for people in custody or without internet, are typed in here, marked so.
import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { Button, Choices, Select, Textarea, fieldOf, type FieldErrors } from '~/components/form-fields';
import { BackLink, PageColumn } from '~/components/page';
import { StaffForm } from '~/components/staff';
import { labelFor } from '~/data/referral-options';
import { PARTICIPANT_ROLES } from '~/data/case-options';
import { allAnswersSchema, FEEDBACK_QUESTIONS, type FeedbackAnswers } from '~/models/feedback/feedback';
import { caseInvitations, typeInPaperFeedback } from '~/models/feedback/feedback.server';
import { replyWithErrors } from '~/utils/form.server';
import { idParam } from '~/utils/params.server';
import { requireStaff, requireStaffForm } from '~/utils/staff-session.server';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Feedback invitations' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await requireStaff(request);
  const found = caseInvitations(session.user, idParam(params.id));
  if (!found) throw data('Not found', { status: 404 });
  return { caseId: found.kase.id, invitations: found.invitations };
}

const paperSchema = allAnswersSchema.extend({
  invitationId: z.coerce.number({ error: 'Select whose survey it is' }).int().positive('Select whose survey it is'),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, form } = await requireStaffForm(request);
  const caseId = idParam(params.id);
  const submission = parseWithZod(form, { schema: paperSchema });
  if (submission.status !== 'success') return data(replyWithErrors(submission), { status: 400 });
  const { invitationId, ...answers } = submission.value as unknown as { invitationId: number } & FeedbackAnswers;
  const r = typeInPaperFeedback(session.user, caseId, invitationId, answers as FeedbackAnswers);
  if (!r) throw data('Not found', { status: 404 });
  if (r === 'used') return data(replyWithErrors(submission, { fieldErrors: { invitationId: ['Their answers are already in'] } }), { status: 409 });
  return redirect(`/staff/cases/${caseId}/feedback`);
}

export default function CaseFeedback() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: FieldErrors = result?.error ?? undefined;
  const paper = d.invitations.filter((i) => i.channel === 'paper' && i.status === 'pending');
  return (
    <>
      <BackLink to={`/staff/cases/${d.caseId}`} />
      <PageColumn errors={errors}>
        <h1 className="govuk-heading-l">Feedback invitations</h1>
        <p className="govuk-body">
          People are asked when a process ends, a meeting is held or the case closes. Their answers are kept apart from their name and this case: you can see
          who has answered, never what.
        </p>
        {d.invitations.length === 0 ? <p className="govuk-body">No one has been asked yet.</p> : null}
        <ul className="govuk-list" id="invitations">
          {d.invitations.map((i) => (
            <li key={i.id}>
              {`${i.name} (${labelFor(PARTICIPANT_ROLES, i.role)}): ${i.channel === 'online' ? 'online (whether they answer is not shown)' : i.status === 'used' ? 'on paper, typed in' : 'on paper, to send and type in'}`}
            </li>
          ))}
        </ul>
        {paper.length ? (
          <StaffForm>
            <h2 className="govuk-heading-m">Type in a paper survey</h2>
            <p className="govuk-body">Send or take the paper survey to them. When it comes back, type in their answers exactly, then destroy the paper copy.</p>
            <Select {...fieldOf(errors, 'invitationId')} label="Whose survey" options={paper.map((i) => ({ value: String(i.id), label: i.name }))} />
            {FEEDBACK_QUESTIONS.map((q) =>
              q.options ? (
                <Choices
                  key={q.field}
                  kind="radios"
                  name={q.field}
                  legend={{ text: q.title, size: 's' }}
                  items={[...q.options.map(([value, label]) => ({ value, label })), { value: '', label: 'Not answered' }]}
                  error={errors?.[q.field]?.[0]}
                  small
                />
              ) : (
                <Textarea key={q.field} {...fieldOf(errors, q.field)} label={q.title} rows={4} maxLength={1000} />
              ),
            )}
            <Button>Save the answers</Button>
          </StaffForm>
        ) : null}
      </PageColumn>
    </>
  );
}
