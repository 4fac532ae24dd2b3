// One item of the outcome agreement: what, who, by when, and recording whether it was done.
import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { Button, Choices, Textarea, TextInput, fieldOf, type FieldErrors } from '~/components/form-fields';
import { BackLink, PageColumn, SummaryList } from '~/components/page';
import { StaffForm } from '~/components/staff';
import { labelFor } from '~/data/referral-options';
import { itemCompletionSchema } from '~/models/outcomes/outcome-schemas';
import { AGREEMENT_KINDS, isOverdue, ITEM_RESULTS } from '~/models/outcomes/outcomes';
import { getOutcomes, recordItemCompletion } from '~/models/outcomes/outcomes.server';
import { replyWithErrors } from '~/utils/form.server';
import { idParam } from '~/utils/params.server';
import { requireStaff, requireStaffForm } from '~/utils/staff-session.server';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Agreed item' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await requireStaff(request);
  const o = getOutcomes(session.user, idParam(params.id));
  const i = o?.items.find((x) => x.id === idParam(params.iid));
  if (!o || !i) throw data('Not found', { status: 404 });
  const today = new Date().toISOString().slice(0, 10);
  return { caseId: o.kase.id, closed: o.kase.stage === 'closed', item: i, overdue: isOverdue(i, today), today };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, form } = await requireStaffForm(request);
  const caseId = idParam(params.id);
  const submission = parseWithZod(form, { schema: itemCompletionSchema });
  if (submission.status !== 'success') return data(replyWithErrors(submission), { status: 400 });
  if (!recordItemCompletion(session.user, caseId, idParam(params.iid), submission.value)) throw data('Not found', { status: 404 });
  return redirect(`/staff/cases/${caseId}/outcome#add-item`);
}

export default function ItemPage() {
  const { caseId, closed, item, overdue, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: FieldErrors = result?.error ?? undefined;
  return (
    <>
      <BackLink to={`/staff/cases/${caseId}/outcome`} />
      <PageColumn errors={errors}>
        <span className="govuk-caption-l">Outcome agreement</span>
        <h1 className="govuk-heading-l">{labelFor(AGREEMENT_KINDS, item.kind)}</h1>
        <SummaryList
          rows={[
            { key: 'What was agreed', value: <span className="app-pre-wrap">{item.description}</span> },
            { key: 'Who does it', value: item.who },
            { key: 'Due by', value: `${item.dueOn}${overdue ? ' (overdue)' : ''}` },
            { key: 'How it is shown done', value: item.evidence },
            {
              key: 'Done?',
              value:
                item.status === 'open' ? 'Not recorded yet' : `${labelFor(ITEM_RESULTS, item.status)} on ${item.completedOn}. ${item.completionNote ?? ''}`,
            },
          ]}
        />
        {closed ? null : (
          <StaffForm>
            <Choices
              kind="radios"
              name="status"
              legend={{ text: 'Was it done?', size: 'm' }}
              items={ITEM_RESULTS.map(([value, label]) => ({ value, label }))}
              selected={item.status === 'open' ? undefined : item.status}
              error={errors?.status?.[0]}
              small
            />
            <TextInput {...fieldOf(errors, 'completedOn')} label="Date" type="date" width="10" defaultValue={item.completedOn ?? today} />
            <Textarea {...fieldOf(errors, 'note')} label="Note (optional)" rows={3} maxLength={1000} />
            <Button>Save</Button>
          </StaffForm>
        )}
      </PageColumn>
    </>
  );
}
