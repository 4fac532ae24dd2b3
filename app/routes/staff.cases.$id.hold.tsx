// Managers: hold a case back from the retention purge (a complaint, a court order, an
// inquiry), with the reason and a date to review the hold; or end the hold.
import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { Button, TextInput, Textarea, fieldOf } from '~/components/form-fields';
import { ErrorSummary } from '~/components/error-summary';
import { BackLink, SummaryList } from '~/components/page';
import { formatDateTime, StaffForm } from '~/components/staff';
import { periodText, RETENTION_RULES } from '~/data/retention';
import { holdSchema } from '~/models/data-protection/data-protection-schemas';
import { caseRetention, placeHold, releaseHold } from '~/models/data-protection/holds.server';
import type { RouteHandle } from '~/root';
import { formatDay } from '~/utils/dates';
import { replyWithErrors } from '~/utils/form.server';
import { idParam } from '~/utils/params.server';
import { requireStaff, requireStaffForm } from '~/utils/staff-session.server';

export const handle: RouteHandle = { title: 'Legal hold' };

function found(caseId: number) {
  const kase = caseRetention(caseId);
  if (!kase) throw data('Not found', { status: 404 });
  return kase;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, 'manager');
  return found(idParam(params.id));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, form } = await requireStaffForm(request, 'manager');
  const caseId = idParam(params.id);
  found(caseId);
  const submission = parseWithZod(form, { schema: holdSchema });
  if (submission.status !== 'success') return data(replyWithErrors(submission), { status: 400 });
  const v = submission.value;
  const done = v.intent === 'place' ? placeHold(session.user, caseId, v.reason, v.reviewOn) : releaseHold(session.user, caseId, v.releaseReason);
  // Someone else placed or ended it first, or the case was purged: show the page as it is now.
  if (!done)
    return data(
      replyWithErrors(submission, { formErrors: [], fieldErrors: { '': ['The hold changed while you were on this page. Check it and try again'] } }),
      { status: 409 },
    );
  return redirect(`/staff/cases/${caseId}/hold`);
}

const closedCases = RETENTION_RULES.find((r) => r.key === 'closed_cases')!;

export default function Hold() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.error ?? undefined;
  return (
    <>
      <BackLink to={`/staff/cases/${d.caseId}`} />
      <ErrorSummary errors={errors} order={['', 'reason', 'reviewOn', 'releaseReason']} />
      <span className="govuk-caption-l">{d.reference}</span>
      <h1 className="govuk-heading-l">Legal hold</h1>
      <SummaryList
        rows={[
          { key: 'Case', value: d.closedAt ? `Closed ${formatDateTime(d.closedAt)}` : 'Open' },
          {
            key: 'Personal data deleted',
            value: d.purgedAt
              ? `Deleted ${formatDateTime(d.purgedAt)}`
              : d.dueAt
                ? `Due ${formatDateTime(d.dueAt)}, ${periodText(d.period, closedCases.unit)} after closure${d.hold ? ', unless held' : ''}`
                : `${periodText(d.period, closedCases.unit)} after the case closes`,
          },
        ]}
      />
      {d.purgedAt ? null : d.hold ? (
        <>
          <h2 className="govuk-heading-m">Held</h2>
          <SummaryList
            rows={[
              { key: 'Why', value: <span className="app-pre-wrap">{d.hold.reason}</span> },
              { key: 'Review by', value: formatDay(d.hold.reviewOn) },
              { key: 'Placed by', value: `${d.hold.placedBy}, ${formatDateTime(d.hold.createdAt)}` },
            ]}
          />
          <StaffForm intent="release">
            <Textarea {...fieldOf(errors, 'releaseReason')} label="Why the hold can end" rows={3} />
            <p className="govuk-body">If the case is past its retention period, the next daily purge deletes its personal data.</p>
            <Button secondary>End the hold</Button>
          </StaffForm>
        </>
      ) : (
        <>
          <h2 className="govuk-heading-m">Hold this case</h2>
          <p className="govuk-body">
            While a case is held, the purge keeps everything in it. Hold a case only while there is a reason to keep it, such as a complaint, a claim or a court
            order.
          </p>
          <StaffForm intent="place">
            <Textarea {...fieldOf(errors, 'reason')} label="Why the case must be kept" rows={3} />
            <TextInput {...fieldOf(errors, 'reviewOn')} label="Review the hold by" type="date" width="10" />
            <Button>Hold the case</Button>
          </StaffForm>
        </>
      )}
    </>
  );
}
