// One meeting: who attends, the preparation checklist, and the record of what happened.
import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { Button, Choices, Textarea, fieldOf, type FieldErrors } from '~/components/form-fields';
import { BackLink, PageColumn, SummaryList } from '~/components/page';
import { LapseWarning, StaffForm } from '~/components/staff';
import { labelFor } from '~/data/referral-options';
import { PARTICIPANT_ROLES } from '~/data/case-options';
import { prepareSchema, recordMeetingSchema } from '~/models/outcomes/outcome-schemas';
import { MEETING_MODES, MEETING_RESULTS, PREP_CHECKS } from '~/models/outcomes/outcomes';
import { getMeeting, recordMeeting, updatePreparation } from '~/models/outcomes/meetings.server';
import { type DeliveryRefusal } from '~/models/outcomes/outcomes.server';
import { replyWithErrors } from '~/utils/form.server';
import { idParam } from '~/utils/params.server';
import { requireStaff, requireStaffForm } from '~/utils/staff-session.server';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Meeting' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await requireStaff(request);
  const m = getMeeting(session.user, idParam(params.id), idParam(params.mid));
  if (!m) throw data('Not found', { status: 404 });
  return {
    caseId: m.kase.id,
    lapse: m.lapse ? { since: m.lapse.since?.toISOString() ?? null, gaps: m.lapse.gaps } : null,
    closed: m.kase.stage === 'closed',
    startsAt: m.meeting.startsAt,
    mode: m.meeting.mode,
    venue: m.meeting.venue,
    others: m.meeting.otherAttendees,
    checklist: m.meeting.checklist,
    status: m.meeting.status,
    record: m.meeting.record,
    by: m.by,
    attendees: m.attendees,
    needChecks: m.needChecks,
    gaps: m.gaps,
  };
}

const actionSchema = z.discriminatedUnion('intent', [prepareSchema, recordMeetingSchema], { error: 'Reload the page and try again' });

const REFUSALS: Partial<Record<DeliveryRefusal['error'], string>> = {
  'not-planned': 'This meeting has already been recorded',
  preparation: 'Complete the preparation before recording that it took place',
  'not-yet': 'The meeting’s date has not come yet',
  lapsed: 'The essentials are missing: record them again before the meeting can be recorded as held',
  interrupted: 'Its process was interrupted when the essentials lapsed: record a new process and plan the meeting again',
  gate: 'Someone attending may no longer meet: see the list',
  'before-process': 'The meeting’s date is before its process started: record a new meeting',
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, form } = await requireStaffForm(request);
  const caseId = idParam(params.id);
  const mid = idParam(params.mid);
  const submission = parseWithZod(form, { schema: actionSchema });
  if (submission.status !== 'success') return data(replyWithErrors(submission), { status: 400 });
  const v = submission.value;
  const r =
    v.intent === 'prepare'
      ? updatePreparation(session.user, caseId, mid, v.checklist)
      : recordMeeting(session.user, caseId, mid, { status: v.result, record: v.record });
  if (!r) throw data('Not found', { status: 404 });
  if (!r.ok)
    return data(
      {
        ...replyWithErrors(submission, {
          fieldErrors: { [v.intent === 'prepare' ? 'checklist' : 'result']: [REFUSALS[r.error] ?? 'Reload the page and try again'] },
        }),
        gaps: r.gaps ?? [],
      },
      {
        status: 409,
      },
    );
  return redirect(v.intent === 'prepare' ? `/staff/cases/${caseId}/meetings/${mid}` : `/staff/cases/${caseId}/outcome#plan-meeting`);
}

const STATUS: Record<string, string> = { planned: 'Planned', held: 'It took place', not_held: 'It did not take place', cancelled: 'Cancelled' };

export default function MeetingPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: FieldErrors = result?.error ?? undefined;
  const planned = d.status === 'planned' && !d.closed;
  const refusalGaps = (result && 'gaps' in result ? result.gaps : []) as string[];
  return (
    <>
      <BackLink to={`/staff/cases/${d.caseId}/outcome`} />
      <PageColumn errors={errors}>
        <span className="govuk-caption-l">Meeting</span>
        <h1 className="govuk-heading-l">{d.startsAt.replace('T', ' at ')}</h1>
        {planned ? <LapseWarning lapse={d.lapse} caseId={d.caseId} /> : null}
        {refusalGaps.length ? (
          <ul className="govuk-list govuk-list--bullet" id="refusal-gaps">
            {refusalGaps.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ul>
        ) : null}
        <SummaryList
          rows={[
            { key: 'How', value: `${labelFor(MEETING_MODES, d.mode)}${d.venue ? `: ${d.venue}` : ''}` },
            { key: 'Attending', value: d.attendees.map((a) => `${a.name} (${labelFor(PARTICIPANT_ROLES, a.role)})`).join(', ') },
            { key: 'Also attending', value: d.others || 'No one else' },
            { key: 'Planned by', value: d.by },
            { key: 'Status', value: STATUS[d.status] ?? d.status },
          ]}
        />
        {d.record ? <p className="govuk-body app-pre-wrap">{d.record}</p> : null}

        {planned ? (
          <>
            <h2 className="govuk-heading-m">Preparation</h2>
            {d.gaps.length ? (
              <ul className="govuk-list govuk-list--bullet" id="preparation-gaps">
                {d.gaps.map((g) => (
                  <li key={g}>{g}</li>
                ))}
              </ul>
            ) : (
              <p className="govuk-body">Everything is prepared.</p>
            )}
            <StaffForm intent="prepare">
              <Choices
                kind="checkboxes"
                name="checklist"
                legend={{ text: 'Confirmed so far', size: 's' }}
                hint="Risk assessments are checked from each person’s record."
                items={[
                  ...PREP_CHECKS.map(([value, label]) => ({ value, label })),
                  ...d.needChecks.map((n) => ({ value: n.key, label: `Arranged: ${n.words}` })),
                ]}
                selected={d.checklist}
                error={errors?.checklist?.[0]}
                small
              />
              <Button secondary>Save the preparation</Button>
            </StaffForm>

            <h2 className="govuk-heading-m">Record what happened</h2>
            <StaffForm intent="record">
              <Choices
                kind="radios"
                name="result"
                legend={{ text: 'Did it take place?', size: 's' }}
                items={MEETING_RESULTS.map(([value, label]) => ({ value, label }))}
                error={errors?.result?.[0]}
                small
              />
              <Textarea {...fieldOf(errors, 'record')} label="Your record of the meeting" rows={6} maxLength={5000} />
              <Button>Save the record</Button>
            </StaffForm>
          </>
        ) : null}
      </PageColumn>
    </>
  );
}
