// One restorative process: its dates, and recording how it ended.
import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { Button, Choices, Textarea, TextInput, fieldOf, type FieldErrors } from '~/components/form-fields';
import { BackLink, PageColumn } from '~/components/page';
import { formatDateTime, LapseWarning, StaffForm } from '~/components/staff';
import { labelFor } from '~/data/referral-options';
import { endProcessSchema } from '~/models/outcomes/outcome-schemas';
import { PROCESS_ENDINGS, PROCESS_KINDS } from '~/models/outcomes/outcomes';
import { endProcess, getOutcomes, type DeliveryRefusal } from '~/models/outcomes/outcomes.server';
import { replyWithErrors } from '~/utils/form.server';
import { idParam } from '~/utils/params.server';
import { requireStaff, requireStaffForm } from '~/utils/staff-session.server';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Restorative process' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await requireStaff(request);
  const o = getOutcomes(session.user, idParam(params.id));
  const p = o?.processes.find((x) => x.id === idParam(params.pid));
  if (!o || !p) throw data('Not found', { status: 404 });
  return {
    caseId: o.kase.id,
    closed: o.kase.stage === 'closed',
    kind: p.kind,
    status: p.status,
    startedOn: p.startedOn,
    endedOn: p.endedOn,
    outcome: p.outcome,
    interruptedAt: p.interruptedAt?.toISOString() ?? null,
    lapse: o.lapse ? { since: o.lapse.since?.toISOString() ?? null, gaps: o.lapse.gaps } : null,
    today: new Date().toISOString().slice(0, 10),
  };
}

const ENDING_REFUSALS: Partial<Record<DeliveryRefusal['error'], string>> = {
  backdated: 'The date it ended cannot be before the date it started',
  lapsed: 'The essentials are missing: it cannot be recorded as completed. Record them again, or record that it ended early',
  interrupted: 'The essentials lapsed while it ran: it cannot be recorded as completed. Record that it ended early, then record a new process',
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, form } = await requireStaffForm(request);
  const caseId = idParam(params.id);
  const submission = parseWithZod(form, { schema: endProcessSchema });
  if (submission.status !== 'success') return data(replyWithErrors(submission), { status: 400 });
  const r = endProcess(session.user, caseId, idParam(params.pid), submission.value);
  if (!r) throw data('Not found', { status: 404 });
  if (!r.ok)
    return data(replyWithErrors(submission, { fieldErrors: { status: [ENDING_REFUSALS[r.error] ?? 'This process has already ended'] } }), { status: 409 });
  return redirect(`/staff/cases/${caseId}/outcome`);
}

export default function ProcessPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: FieldErrors = result?.error ?? undefined;
  return (
    <>
      <BackLink to={`/staff/cases/${d.caseId}/outcome`} />
      <PageColumn errors={errors}>
        <h1 className="govuk-heading-l">{labelFor(PROCESS_KINDS, d.kind)}</h1>
        <p className="govuk-body">{`Started on ${d.startedOn}.`}</p>
        {d.status === 'running' ? <LapseWarning lapse={d.lapse} caseId={d.caseId} /> : null}
        {d.interruptedAt ? (
          <p className="govuk-inset-text" id="interrupted">
            {`Interrupted on ${formatDateTime(d.interruptedAt)}: the essentials lapsed while it ran. It cannot be recorded as completed.`}
            {d.status === 'running' ? ' Record that it ended early; once the essentials are recorded again, record a new process.' : ''}
          </p>
        ) : null}
        {d.status === 'running' ? (
          d.closed ? null : (
            <StaffForm>
              <Choices
                kind="radios"
                name="status"
                legend={{ text: 'Record how it ended', size: 'm' }}
                items={PROCESS_ENDINGS.filter(([value]) => !d.interruptedAt || value === 'ended_early').map(([value, label]) => ({ value, label }))}
                error={errors?.status?.[0]}
                small
              />
              <TextInput {...fieldOf(errors, 'endedOn')} label="Date it ended" type="date" width="10" defaultValue={d.today} />
              <Textarea {...fieldOf(errors, 'outcome')} label="What came of it" rows={4} maxLength={2000} />
              <Button>Save</Button>
            </StaffForm>
          )
        ) : (
          <>
            <p className="govuk-body">{`${d.status === 'completed' ? 'Completed' : 'Ended early'} on ${d.endedOn}.`}</p>
            <p className="govuk-body app-pre-wrap">{d.outcome}</p>
          </>
        )}
      </PageColumn>
    </>
  );
}
