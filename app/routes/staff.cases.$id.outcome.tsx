// A case's delivery: the restorative processes it runs, its meetings (planned only when the
// gate holds for everyone attending) and the outcome agreement's items.
import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { Button, Choices, Select, Textarea, TextInput, fieldOf, type FieldErrors } from '~/components/form-fields';
import { BackLink, PageColumn, WarningText } from '~/components/page';
import { LapseWarning, StaffForm } from '~/components/staff';
import { labelFor } from '~/data/referral-options';
import { PARTICIPANT_ROLES } from '~/data/case-options';
import { addItemSchema, planMeetingSchema, startProcessSchema } from '~/models/outcomes/outcome-schemas';
import { AGREEMENT_KINDS, DELIVERY_STAGES, isDirect, isOverdue, ITEM_RESULTS, MEETING_MODES, PROCESS_KINDS } from '~/models/outcomes/outcomes';
import { addAgreementItem, getOutcomes, startProcess, type DeliveryRefusal } from '~/models/outcomes/outcomes.server';
import { planMeeting } from '~/models/outcomes/meetings.server';
import { replyWithErrors } from '~/utils/form.server';
import { idParam } from '~/utils/params.server';
import { requireStaff, requireStaffForm } from '~/utils/staff-session.server';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Processes, meetings and agreement' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await requireStaff(request);
  const o = getOutcomes(session.user, idParam(params.id));
  if (!o) throw data('Not found', { status: 404 });
  const nameOf = (pid: number) => o.people.find((p) => p.id === pid)?.name ?? '';
  return {
    caseId: o.kase.id,
    lapse: o.lapse ? { since: o.lapse.since?.toISOString() ?? null, gaps: o.lapse.gaps } : null,
    open: DELIVERY_STAGES.includes(o.kase.stage),
    closed: o.kase.stage === 'closed',
    today: new Date().toISOString().slice(0, 10),
    people: o.people.map((p) => ({ id: p.id, name: p.name, role: p.role })),
    processes: o.processes.map((p) => ({
      id: p.id,
      kind: p.kind,
      status: p.status,
      startedOn: p.startedOn,
      endedOn: p.endedOn,
      interrupted: !!p.interruptedAt,
    })),
    meetings: o.meetings.map((m) => ({
      id: m.id,
      startsAt: m.startsAt,
      mode: m.mode,
      venue: m.venue,
      status: m.status,
      attendees: m.attendeeIds.map(nameOf),
    })),
    items: o.items.map((i) => ({ id: i.id, kind: i.kind, description: i.description, who: i.who, dueOn: i.dueOn, status: i.status })),
  };
}

const actionSchema = z.discriminatedUnion('intent', [startProcessSchema, planMeetingSchema, addItemSchema], { error: 'Reload the page and try again' });

const REFUSALS: Record<DeliveryRefusal['error'], string> = {
  stage: 'The case must be ready or in progress first',
  gate: 'The meeting cannot be planned yet',
  'not-running': 'Choose a meeting or conference process that is still running',
  'not-planned': 'That meeting has already been recorded',
  preparation: 'The preparation is not complete',
  'not-yet': 'The meeting has not happened yet',
  'bad-person': 'Select people from this case',
  lapsed: 'Not while the essentials are missing or a risk decision does not allow it: see the list',
  interrupted: 'That process was interrupted when the essentials lapsed: end it early and record a new one',
  'before-process': 'The meeting cannot be before its process started',
  backdated: 'That date falls in a time the essentials had lapsed',
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, form } = await requireStaffForm(request);
  const caseId = idParam(params.id);
  const submission = parseWithZod(form, { schema: actionSchema });
  if (submission.status !== 'success') return data(replyWithErrors(submission), { status: 400 });
  const v = submission.value;
  const r =
    v.intent === 'start-process'
      ? startProcess(session.user, caseId, v.processKind, v.startedOn)
      : v.intent === 'plan-meeting'
        ? planMeeting(session.user, caseId, {
            processId: v.processId,
            startsAt: `${v.startsOn}T${v.startsTime}`,
            mode: v.mode,
            venue: v.venue,
            attendeeIds: v.attendees,
            otherAttendees: v.otherAttendees,
          })
        : addAgreementItem(session.user, caseId, {
            kind: v.itemKind,
            description: v.description,
            participantId: v.participantId,
            dueOn: v.dueOn,
            evidence: v.evidence,
          });
  if (!r) throw data('Not found', { status: 404 });
  if (r.ok) return redirect(`/staff/cases/${caseId}/outcome#${v.intent}`);
  const field =
    v.intent === 'start-process'
      ? r.error === 'backdated'
        ? 'startedOn'
        : 'processKind'
      : v.intent === 'plan-meeting'
        ? r.error === 'bad-person' || r.error === 'gate' || r.error === 'lapsed'
          ? 'attendees'
          : r.error === 'before-process'
            ? 'startsOn'
            : 'processId'
        : 'participantId';
  return data({ ...replyWithErrors(submission, { fieldErrors: { [field]: [REFUSALS[r.error]] } }), gaps: r.gaps ?? [] }, { status: 409 });
}

const STATUS_WORDS: Record<string, string> = {
  running: 'running',
  completed: 'completed',
  ended_early: 'ended early',
  planned: 'planned',
  held: 'took place',
  not_held: 'did not take place',
  cancelled: 'cancelled',
  open: 'open',
};

export default function OutcomePage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: FieldErrors = result?.error ?? undefined;
  const gaps = (result && 'gaps' in result ? result.gaps : []) as string[];
  const direct = d.processes.filter((p) => p.status === 'running' && !p.interrupted && isDirect(p.kind));
  return (
    <>
      <BackLink to={`/staff/cases/${d.caseId}`} />
      <PageColumn errors={errors}>
        <h1 className="govuk-heading-l">Processes, meetings and agreement</h1>
        {!d.open && !d.closed ? <p className="govuk-inset-text">Processes and meetings can be recorded once the case is ready.</p> : null}
        {d.closed ? <p className="govuk-inset-text">This case is closed. Its record can be read but not changed.</p> : null}
        <LapseWarning lapse={d.lapse} caseId={d.caseId} />
        {gaps.length ? (
          <div className="govuk-inset-text" id="refusal-gaps">
            <p className="govuk-body">Before this can be recorded:</p>
            <ul className="govuk-list govuk-list--bullet">
              {gaps.map((g) => (
                <li key={g}>{g}</li>
              ))}
            </ul>
          </div>
        ) : null}

        <section aria-labelledby="processes-title" className="app-section" id="start-process">
          <h2 className="govuk-heading-m" id="processes-title">
            Restorative processes
          </h2>
          {d.processes.length === 0 ? <p className="govuk-body">None recorded yet.</p> : null}
          <ul className="govuk-list">
            {d.processes.map((p) => (
              <li key={p.id}>
                <Link className="govuk-link" to={`/staff/cases/${d.caseId}/processes/${p.id}`}>
                  {labelFor(PROCESS_KINDS, p.kind)}
                </Link>
                {`, started ${p.startedOn}: ${STATUS_WORDS[p.status]}${p.endedOn ? ` on ${p.endedOn}` : ''}`}
                {p.interrupted ? <strong className="govuk-tag govuk-tag--orange app-tag-gap">Interrupted</strong> : null}
              </li>
            ))}
          </ul>
          {d.open ? (
            <StaffForm intent="start-process">
              <Choices
                kind="radios"
                name="processKind"
                legend={{ text: 'Record a process', size: 's' }}
                hint="A case can start with letters and move to a meeting later: record each one."
                items={PROCESS_KINDS.map(([value, label]) => ({ value, label }))}
                error={errors?.processKind?.[0]}
                small
              />
              <TextInput {...fieldOf(errors, 'startedOn')} label="Date it started" type="date" width="10" defaultValue={d.today} />
              <Button secondary>Record the process</Button>
            </StaffForm>
          ) : null}
        </section>

        <section aria-labelledby="meetings-title" className="app-section" id="plan-meeting">
          <h2 className="govuk-heading-m" id="meetings-title">
            Meetings
          </h2>
          {d.meetings.length === 0 ? <p className="govuk-body">None planned yet.</p> : null}
          <ul className="govuk-list">
            {d.meetings.map((m) => (
              <li key={m.id}>
                <Link className="govuk-link" to={`/staff/cases/${d.caseId}/meetings/${m.id}`}>
                  {`${m.startsAt.replace('T', ' at ')}, ${labelFor(MEETING_MODES, m.mode).toLowerCase()}${m.venue ? ` (${m.venue})` : ''}`}
                </Link>
                {`: ${STATUS_WORDS[m.status]}. Attending: ${m.attendees.join(', ')}`}
              </li>
            ))}
          </ul>
          {d.open && direct.length ? (
            <StaffForm intent="plan-meeting">
              <h3 className="govuk-heading-s">Plan a meeting</h3>
              <Select
                {...fieldOf(errors, 'processId')}
                label="For which process"
                options={direct.map((p) => ({ value: String(p.id), label: `${labelFor(PROCESS_KINDS, p.kind)}, started ${p.startedOn}` }))}
              />
              <TextInput {...fieldOf(errors, 'startsOn')} label="Date" type="date" width="10" defaultValue={d.today} />
              <TextInput {...fieldOf(errors, 'startsTime')} label="Time" hint="For example, 14:30" width="5" />
              <Choices
                kind="radios"
                name="mode"
                legend={{ text: 'How', size: 's' }}
                items={MEETING_MODES.map(([value, label]) => ({
                  value,
                  label,
                  conditional:
                    value === 'in_person' ? (
                      <TextInput
                        {...fieldOf(errors, 'venue')}
                        label="Venue’s name"
                        hint="Its name only: the record may be shown to the other side. Not an address."
                      />
                    ) : undefined,
                }))}
                error={errors?.mode?.[0]}
                small
              />
              <Choices
                kind="checkboxes"
                name="attendees"
                legend={{ text: 'Who will attend', size: 's' }}
                hint="Everyone attending must have every essential recorded and a risk decision that allows a meeting."
                items={d.people.map((p) => ({ value: String(p.id), label: `${p.name} (${labelFor(PARTICIPANT_ROLES, p.role)})` }))}
                error={errors?.attendees?.[0]}
                small
              />
              <Textarea
                {...fieldOf(errors, 'otherAttendees')}
                label="Others attending (optional)"
                hint="Professionals, supporters not in the case, the co-facilitator"
                rows={2}
              />
              <Button secondary>Plan the meeting</Button>
            </StaffForm>
          ) : d.open ? (
            <p className="govuk-body">To plan a meeting, record a conference, facilitated contact or phone or video process first.</p>
          ) : null}
        </section>

        <section aria-labelledby="items-title" className="app-section" id="add-item">
          <h2 className="govuk-heading-m" id="items-title">
            Outcome agreement
          </h2>
          {d.items.length === 0 ? <p className="govuk-body">Nothing agreed yet.</p> : null}
          <ul className="govuk-list" id="agreement-items">
            {d.items.map((i) => (
              <li key={i.id}>
                <Link className="govuk-link" to={`/staff/cases/${d.caseId}/items/${i.id}`}>
                  {`${labelFor(AGREEMENT_KINDS, i.kind)}: ${i.description}`}
                </Link>
                {` (${i.who}, by ${i.dueOn}): ${i.status === 'open' ? 'open' : labelFor(ITEM_RESULTS, i.status).toLowerCase()}`}
                {isOverdue(i, d.today) ? <strong className="govuk-tag govuk-tag--red app-tag-gap">Overdue</strong> : null}
              </li>
            ))}
          </ul>
          {d.open && d.people.length ? (
            <StaffForm intent="add-item">
              <h3 className="govuk-heading-s">Add an agreed item</h3>
              <Select {...fieldOf(errors, 'itemKind')} label="What kind" options={AGREEMENT_KINDS.map(([value, label]) => ({ value, label }))} />
              <Textarea {...fieldOf(errors, 'description')} label="What was agreed" rows={2} maxLength={1000} />
              <Select
                {...fieldOf(errors, 'participantId')}
                label="Who does it"
                options={d.people.map((p) => ({ value: String(p.id), label: `${p.name} (${labelFor(PARTICIPANT_ROLES, p.role)})` }))}
              />
              <TextInput {...fieldOf(errors, 'dueOn')} label="Due by" type="date" width="10" />
              <TextInput
                {...fieldOf(errors, 'evidence')}
                label="How you will know it is done"
                hint="For example, ‘a letter of apology, approved and passed on’"
              />
              <Button secondary>Add the item</Button>
            </StaffForm>
          ) : null}
          {d.items.length ? (
            <p className="govuk-body">
              <Link className="govuk-link" to={`/staff/cases/${d.caseId}/agreement`}>
                The agreement: who has agreed, record an agreement, print it
              </Link>
            </p>
          ) : null}
          {d.items.some((i) => isOverdue(i, d.today)) ? <WarningText>Some agreed items are overdue. Check with the person doing them.</WarningText> : null}
        </section>
      </PageColumn>
    </>
  );
}
