// A case: its stage and the moves allowed from it, the essentials gate, the participants.
import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { Button, Choices, Select, Textarea, TextInput, fieldOf, type FieldErrors } from '~/components/form-fields';
import { SummaryList, PageColumn, useFormErrors, Details, WarningText } from '~/components/page';
import { CsrfInput, formatDateTime, LapseWarning, StaffForm } from '~/components/staff';
import { moveSchema, participantSchema, pastDate } from '~/models/cases/case-schemas';
import { PARTICIPANT_ROLES, CLOSURE_REASONS } from '~/data/case-options';
import { allowedMoves, allowedWhileVictimFirst, describeGap, STAGE_LABELS } from '~/models/cases/case-stages';
import { stageAllowsExchange } from '~/models/states';
import { DELIVERY_STAGES } from '~/models/outcomes/outcomes';
import { SENSITIVE_WORDS } from '~/models/cases/needs';
import { addParticipant, getCaseForStaff, moveCase, recordReferrerSharing } from '~/models/cases/case.server';
import { ReferrerUpdates } from '~/components/referrer-updates';
import { addCaseNote, reassignCase } from '~/models/cases/case-record.server';
import { optionalText, requiredText } from '~/models/message-schema';
import { listFacilitators } from '~/models/staff/staff.server';
import { withSupervisionWarnings } from '~/models/staff/practice.server';
import { AssignmentWarning, assignmentOptions } from '~/components/practice';
import { proposedPeople, referralCautions, referralRows } from '~/models/referrals/referral-details';
import { areaOptions } from '~/models/reports/report-categories.server';
import { replyWithErrors } from '~/utils/form.server';
import { idParam } from '~/utils/params.server';
import { requireStaff, requireStaffForm } from '~/utils/staff-session.server';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Case' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await requireStaff(request);
  const found = getCaseForStaff(session.user, idParam(params.id));
  if (!found) throw data('Not found', { status: 404 });
  const { kase, referral, people, gaps, lapse, referrerNotices, training, history, facilitator, unread, notes, assignments, victimFirst, firstContacts } =
    found;
  const nameOf = new Map(people.map((p) => [p.id, p]));
  return {
    id: kase.id,
    unread: unread ? { urgent: unread.urgent, since: unread.since.toISOString() } : null,
    reference: referral.reference,
    stage: kase.stage,
    closureReason: kase.closureReason,
    closureNote: kase.closureNote,
    facilitator,
    moves: allowedMoves(kase.stage).filter((to) => !victimFirst || allowedWhileVictimFirst('move', null, to)),
    initiatedBy: referral.source === 'self' ? ('victim' as const) : referral.initiatedBy,
    victimFirst,
    cautions: referralCautions(referral),
    proposals: kase.stage === 'closed' ? [] : proposedPeople(referral, people),
    contactOrder: firstContacts.flatMap((c) => {
      const p = nameOf.get(c.participantId);
      return p && c.on ? [{ id: p.id, name: p.name, role: p.role, on: c.on }] : [];
    }),
    missing: gaps.map(describeGap),
    training,
    lapse: lapse ? { since: lapse.since?.toISOString() ?? null, gaps: lapse.gaps } : null,
    referrerUpdates:
      referral.source === 'partner'
        ? {
            share: referral.shareWithReferrer,
            shareOn: referral.shareRecordedOn,
            wanted: referral.referrerUpdates,
            notices: referrerNotices.map((n) => ({ event: n.event, reason: n.reasonCategory, at: n.createdAt.toISOString() })),
            today: new Date().toISOString().slice(0, 10),
            closed: kase.stage === 'closed',
          }
        : null,
    people: people.map((p) => ({
      id: p.id,
      name: p.name,
      role: p.role,
      contactConsent: p.contactConsent,
      status: p.assessment ? (gaps.some((g) => g.participantId === p.id) ? 'In progress' : 'Complete') : 'Not started',
    })),
    history: history.map((h) => ({ ...h, at: h.at.toISOString() })),
    referralRows: referralRows(referral, areaOptions()),
    referralId: referral.id,
    purgedAt: referral.purgedAt?.toISOString() ?? null,
    selfReferral: referral.source === 'self',
    manager: session.user.role === 'manager',
    notes: notes.map((n) => ({ ...n, at: n.at.toISOString() })),
    assignments: assignments.map((a) => ({ ...a, at: a.at.toISOString() })),
    staff: session.user.role === 'manager' ? withSupervisionWarnings(listFacilitators()) : [],
  };
}

const actionSchema = z.discriminatedUnion(
  'intent',
  [
    moveSchema.safeExtend({ intent: z.literal('move') }),
    participantSchema.extend({ intent: z.literal('add-participant') }),
    z.object({
      intent: z.literal('confirm-victim'),
      victimName: requiredText('The name', 100, 'Enter the victim’s name'),
      victimContact: optionalText('Contact details', 500),
    }),
    z.object({
      intent: z.literal('confirm-offender'),
      offenderName: requiredText('The name', 100, 'Enter the name of the person responsible'),
      offenderContact: optionalText('Contact details', 500),
    }),
    z.object({
      intent: z.literal('share'),
      share: z.enum(['yes', 'no'], { error: 'Select what the person says' }),
      shareOn: pastDate('Enter the date they said so'),
    }),
    z.object({
      intent: z.literal('note'),
      body: requiredText('The note', 5000, 'Enter the note'),
      corrects: z.coerce.number().int().positive().optional(),
    }),
    z.object({
      intent: z.literal('reassign'),
      facilitatorId: z.coerce.number({ error: 'Select a facilitator' }).int().positive('Select a facilitator'),
      note: requiredText('The note', 1000, 'Enter a note for the new facilitator'),
      trainingReason: optionalText('The reason', 1000),
    }),
  ],
  {
    error: 'Reload the page and try again',
  },
);

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, form } = await requireStaffForm(request);
  const caseId = idParam(params.id);
  const submission = parseWithZod(form, { schema: actionSchema });
  if (submission.status !== 'success') return data(replyWithErrors(submission), { status: 400 });
  const v = submission.value;
  if (v.intent === 'share') {
    const r = recordReferrerSharing(session.user, caseId, v.share, v.shareOn);
    if (!r) throw data('Not found', { status: 404 });
    if (r === 'not-partner')
      return data(replyWithErrors(submission, { fieldErrors: { share: ['Only a partner’s referral has a referrer to update'] } }), { status: 400 });
    return redirect(`/staff/cases/${caseId}#sharing`);
  }
  if (v.intent === 'note') {
    const r = addCaseNote(session.user, caseId, v.body, v.corrects);
    if (!r) throw data('Not found', { status: 404 });
    if (r === 'bad-correction') return data(replyWithErrors(submission, { fieldErrors: { body: ['Choose a note on this case to correct'] } }), { status: 400 });
    return redirect(`/staff/cases/${caseId}#notes`);
  }
  if (v.intent === 'reassign') {
    const r = reassignCase(session.user, caseId, v.facilitatorId, v.note, v.trainingReason);
    if (!r) throw data('Not found', { status: 404 });
    if (r !== 'reassigned')
      return data(
        replyWithErrors(submission, {
          fieldErrors: {
            facilitatorId: [
              r === 'same'
                ? 'The case is already theirs: choose someone else'
                : r === 'needs-training-reason'
                  ? 'They have no recorded training for complex and sensitive cases: choose someone who has, or say why them'
                  : 'Select an active member of staff',
            ],
          },
        }),
        { status: 400 },
      );
    return redirect(`/staff/cases/${caseId}`);
  }
  if (v.intent === 'confirm-victim' || v.intent === 'confirm-offender') {
    const person =
      v.intent === 'confirm-victim'
        ? { role: 'victim' as const, name: v.victimName, contactDetails: v.victimContact }
        : { role: 'offender' as const, name: v.offenderName, contactDetails: v.offenderContact };
    const id = addParticipant(session.user, caseId, person);
    if (!id) throw data('Not found', { status: 404 });
    return redirect(`/staff/cases/${caseId}/participants/${id}`);
  }
  if (v.intent === 'add-participant') {
    const id = addParticipant(session.user, caseId, {
      role: v.role,
      name: v.name,
      contactDetails: v.contactDetails,
      directlyAffected: v.directlyAffected === 'yes',
    });
    if (!id) throw data('Not found', { status: 404 });
    return redirect(`/staff/cases/${caseId}/participants/${id}`);
  }
  const result = moveCase(session.user, caseId, v.from, v.to, v.closureReason, v.closureNote);
  if (result.ok) return redirect(`/staff/cases/${caseId}`);
  if (result.error === 'not-found') throw data('Not found', { status: 404 });
  const message =
    result.error === 'gate'
      ? 'The case cannot be ready yet. Complete the items listed under ‘Before it can be ready’'
      : result.error === 'lapsed'
        ? 'The essentials have lapsed: record them again before the case moves forward or closes as completed'
        : result.error === 'stale'
          ? 'Someone else changed this case’s stage. Check it and try again'
          : result.error === 'reason-needed'
            ? 'Select why the case is closing'
            : result.error === 'no-process'
              ? 'Record a completed restorative process first, under ‘Processes, meetings and agreement’'
              : result.error === 'items-outstanding'
                ? 'Some agreed items are not done: choose ‘Completed, with agreed items outstanding’'
                : result.error === 'note-needed'
                  ? 'Say why the case is closing'
                  : 'That move is not allowed from this stage';
  return data(replyWithErrors(submission, { fieldErrors: { to: [message] } }), { status: 409 });
}

const MOVE_LABEL: Record<string, string> = {
  contacting: 'Start contacting people',
  assessing: 'Start assessing',
  ready: 'Mark as ready',
  in_progress: 'Start the restorative process',
  outcome: 'Record that it reached an outcome',
  closed: 'Close the case',
};

export default function CasePage() {
  const d = useLoaderData<typeof loader>();
  const errors = useFormErrors();
  return (
    <PageColumn errors={errors}>
      <span className="govuk-caption-l">Facilitator: {d.facilitator}</span>
      <h1 className="govuk-heading-l">Case {d.reference}</h1>
      {d.unread ? <UnreadNotice d={d} /> : null}
      {d.purgedAt ? (
        <div className="govuk-inset-text">
          The personal data in this case was deleted on {formatDateTime(d.purgedAt)}, when its retention period ended. What is left are dates, kinds and
          outcomes, for the reports.
        </div>
      ) : null}
      <p className="govuk-body">
        Stage: <strong className="govuk-tag">{STAGE_LABELS[d.stage]}</strong>
        {d.closureReason ? ` (${CLOSURE_REASONS.find(([v]) => v === d.closureReason)?.[1]}${d.closureNote ? `: ${d.closureNote}` : ''})` : ''}
      </p>
      <p className="govuk-body">Asked for by: {d.initiatedBy === 'offender' ? 'the person responsible' : 'the victim'}</p>
      <VictimFirst d={d} />
      {d.training.sensitive && !d.training.trained ? (
        <WarningText>
          {`${SENSITIVE_WORDS} ${d.training.reason ? `A manager recorded why: ${d.training.reason}` : 'A manager should pass it to someone trained, or record why not when passing it on.'}`}
        </WarningText>
      ) : null}

      <LapseWarning lapse={d.lapse} caseId={d.id} />
      {d.lapse ? null : <h2 className="govuk-heading-m">Before it can be ready</h2>}
      {d.lapse ? null : d.missing.length === 0 ? (
        <p className="govuk-body">Every essential is recorded.</p>
      ) : (
        <ul className="govuk-list govuk-list--bullet" id="missing-essentials">
          {d.missing.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}

      {d.moves.length ? <MoveForm d={d} errors={errors} /> : null}

      {stageAllowsExchange(d.stage) ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/staff/cases/${d.id}/letters`}>
            Letter exchange
          </Link>
        </p>
      ) : null}
      {DELIVERY_STAGES.includes(d.stage) || d.stage === 'closed' ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/staff/cases/${d.id}/outcome`}>
            Processes, meetings and agreement
          </Link>
          {' · '}
          <Link className="govuk-link" to={`/staff/cases/${d.id}/feedback`}>
            Feedback invitations
          </Link>
        </p>
      ) : null}

      <h2 className="govuk-heading-m" id="participants">
        Participants
      </h2>
      {d.people.length === 0 ? <p className="govuk-body">No one has been added yet.</p> : null}
      <ul className="govuk-list">
        {d.people.map((p) => (
          <li key={p.id}>
            <Link className="govuk-link" to={`/staff/cases/${d.id}/participants/${p.id}`}>
              {p.name}
            </Link>{' '}
            – {PARTICIPANT_ROLES.find(([v]) => v === p.role)?.[1]}, assessment {p.status.toLowerCase()}
          </li>
        ))}
      </ul>
      {d.proposals.length ? <Proposals d={d} errors={errors} /> : null}
      {d.stage === 'closed' ? null : <AddParticipant errors={errors} />}

      <h2 className="govuk-heading-m">Order of contact</h2>
      {d.contactOrder.length === 0 ? (
        <p className="govuk-body">No one has been contacted yet.</p>
      ) : (
        <ol className="govuk-list govuk-list--number" id="contact-order">
          {d.contactOrder.map((c) => (
            <li key={c.id}>{`${c.name} (${PARTICIPANT_ROLES.find(([v]) => v === c.role)?.[1]}), first contacted ${c.on}`}</li>
          ))}
        </ol>
      )}

      <Notes d={d} errors={errors} />
      {d.manager && d.stage !== 'closed' ? <Reassign d={d} errors={errors} /> : null}
      {d.assignments.length ? (
        <ul className="govuk-list">
          {d.assignments.map((a) => (
            <li key={a.id}>{`${formatDateTime(a.at)}: passed to ${a.to}. ${a.note}`}</li>
          ))}
        </ul>
      ) : null}

      {d.referrerUpdates ? <ReferrerUpdates d={d.referrerUpdates} errors={errors} /> : null}

      <h2 className="govuk-heading-m">The referral</h2>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/staff/referrals/${d.referralId}`}>
          Open the referral{d.selfReferral ? ' and messages with the referrer' : ''}
        </Link>
      </p>
      <SummaryList rows={d.referralRows.map((r) => ({ key: r.key, value: <span className="app-pre-wrap">{r.value}</span> }))} />

      <h2 className="govuk-heading-m">History</h2>
      {d.history.length === 0 ? <p className="govuk-body">No changes of stage yet.</p> : null}
      <ul className="govuk-list">
        {d.history.map((h, i) => (
          <li key={i}>
            {formatDateTime(h.at)}: {STAGE_LABELS[h.from as keyof typeof STAGE_LABELS]} to {STAGE_LABELS[h.to as keyof typeof STAGE_LABELS]} by {h.by}
          </li>
        ))}
      </ul>
      {d.manager ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/staff/cases/${d.id}/audit`}>
            Audit trail
          </Link>
          {' · '}
          <Link className="govuk-link" to={`/staff/cases/${d.id}/hold`}>
            Legal hold and deletion date
          </Link>
        </p>
      ) : null}
    </PageColumn>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function VictimFirst({ d }: { d: LoaderData }) {
  if (d.victimFirst === 'declined')
    return (
      <WarningText>
        The person responsible asked for this, and the victim does not want to be contacted about it. Close the case. Do not tell the victim about the request.
      </WarningText>
    );
  const victims = d.people.filter((p) => p.role === 'victim');
  return (
    <>
      {d.cautions.map((c) => (
        <WarningText key={c}>{c}</WarningText>
      ))}
      {d.victimFirst === 'pending' ? (
        <p className="govuk-body" id="victim-first">
          {victims.length ? 'Record the victim’s answer on their page: ' : 'Add the victim first, then contact them and record their answer on their page.'}
          {victims.map((v, i) => (
            <span key={v.id}>
              {i ? ', ' : ''}
              <Link className="govuk-link" to={`/staff/cases/${d.id}/participants/${v.id}#section-contact-consent`}>
                {v.name}
              </Link>
            </span>
          ))}
        </p>
      ) : null}
    </>
  );
}

function Proposals({ d, errors }: { d: LoaderData; errors: FieldErrors }) {
  return (
    <section aria-labelledby="proposals" className="app-section">
      <h3 className="govuk-heading-s" id="proposals">
        People named in the referral
      </h3>
      <p className="govuk-body">Check the details the referrer gave, correct them, and confirm to add each person to the case.</p>
      {d.proposals.map((p) => {
        const name = `${p.role}Name`;
        const contact = `${p.role}Contact`;
        const label = p.role === 'victim' ? 'The victim' : 'The person responsible';
        return (
          <StaffForm intent={`confirm-${p.role}`} key={p.role}>
            <h4 className="govuk-heading-s">{label}</h4>
            <p className="govuk-body-s app-pre-wrap">{`The referral says: ${p.text}`}</p>
            <TextInput name={name} label={`${label}: name`} defaultValue={p.name} error={errors?.[name]?.[0]} />
            <Textarea name={contact} label={`${label}: contact details`} defaultValue={p.contactDetails} error={errors?.[contact]?.[0]} rows={2} />
            <Button secondary>{p.role === 'victim' ? 'Confirm and add the victim' : 'Confirm and add the person responsible'}</Button>
          </StaffForm>
        );
      })}
    </section>
  );
}

function Notes({ d, errors }: { d: LoaderData; errors: FieldErrors }) {
  return (
    <section aria-labelledby="notes" className="app-section">
      <h2 className="govuk-heading-m" id="notes">
        Notes
      </h2>
      <StaffForm intent="note">
        <Textarea
          {...fieldOf(errors, 'body')}
          label="Add a note"
          hint="Notes are dated and cannot be changed. To correct one, add a new note that names it."
          rows={3}
        />
        {d.notes.length ? (
          <Select
            name="corrects"
            label="This note corrects (optional)"
            options={[
              { value: '', label: 'Nothing: it is a new note' },
              ...d.notes.map((n) => ({ value: String(n.id), label: `Note ${n.id}, ${formatDateTime(n.at)}` })),
            ]}
          />
        ) : null}
        <Button secondary>Add note</Button>
      </StaffForm>
      {d.notes.length === 0 ? <p className="govuk-body">No notes yet.</p> : null}
      <ul className="govuk-list app-notes">
        {d.notes.map((n) => (
          <li key={n.id} id={`note-${n.id}`}>
            <p className="govuk-body-s govuk-!-margin-bottom-1">{`Note ${n.id}, ${formatDateTime(n.at)}, ${n.by}${n.corrects ? `. Corrects note ${n.corrects}` : ''}`}</p>
            <p className="govuk-body app-pre-wrap">{n.body}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Reassign({ d, errors }: { d: LoaderData; errors: FieldErrors }) {
  return (
    <Details summary="Pass the case to another facilitator">
      <StaffForm intent="reassign">
        <AssignmentWarning warning={assignmentOptions(d.staff).warning} />
        <Select {...fieldOf(errors, 'facilitatorId')} label="New facilitator" options={assignmentOptions(d.staff).options} />
        <Textarea {...fieldOf(errors, 'note')} label="Note for them" hint="They are emailed that a case is theirs; the note is on this page." rows={2} />
        {d.training.sensitive ? (
          <Textarea
            {...fieldOf(errors, 'trainingReason')}
            label="If they have no training for complex and sensitive cases: why them (optional)"
            hint="This is a domestic abuse, sexual offence or hate crime case. Your reason is kept with the case."
            rows={2}
          />
        ) : null}
        <Button secondary>Pass the case on</Button>
      </StaffForm>
    </Details>
  );
}

function UnreadNotice({ d }: { d: LoaderData }) {
  return (
    <div
      className={`govuk-notification-banner${d.unread!.urgent ? ' govuk-notification-banner--success app-banner-urgent' : ''}`}
      role="region"
      aria-labelledby="unread-title"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="unread-title">
          {d.unread!.urgent ? 'Urgent' : 'New'}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">
          {d.unread!.urgent ? 'A new message may be about someone’s safety. Read it now.' : 'There is something new on this case.'}
        </p>
        <p className="govuk-body">
          {`Since ${formatDateTime(d.unread!.since)}. `}
          <Link className="govuk-notification-banner__link" to={`/staff/referrals/${d.referralId}`}>
            Messages with the referrer
          </Link>
          {stageAllowsExchange(d.stage) ? (
            <>
              {' · '}
              <Link className="govuk-notification-banner__link" to={`/staff/cases/${d.id}/letters`}>
                Letters
              </Link>
            </>
          ) : null}
        </p>
      </div>
    </div>
  );
}

function MoveForm({ d, errors }: { d: LoaderData; errors: FieldErrors }) {
  return (
    <>
      <StaffForm intent="move">
        <input type="hidden" name="from" value={d.stage} />
        <Choices
          kind="radios"
          name="to"
          legend={{ text: 'What next?', size: 'm' }}
          items={d.moves.map((to) => ({
            value: to,
            label: MOVE_LABEL[to] ?? STAGE_LABELS[to],
            conditional:
              to === 'closed' ? (
                <>
                  <Choices
                    kind="radios"
                    name="closureReason"
                    legend={{ text: 'Why is it closing?', size: 's' }}
                    items={CLOSURE_REASONS.map(([value, label]) => ({ value, label }))}
                    error={errors?.closureReason?.[0]}
                    small
                  />
                  <Textarea
                    {...fieldOf(errors, 'closureNote')}
                    label="Note (needed for ‘another reason’)"
                    hint="Closing cancels planned meetings, ends running processes and stops the letter exchange."
                    rows={2}
                  />
                </>
              ) : undefined,
          }))}
          error={errors?.to?.[0]}
        />
        <Button>Save</Button>
      </StaffForm>
    </>
  );
}

function AddParticipant({ errors }: { errors: FieldErrors }) {
  return (
    <>
      <Details summary="Add a participant">
        <Form method="post" noValidate>
          <CsrfInput />
          <input type="hidden" name="intent" value="add-participant" />
          <Choices
            kind="radios"
            name="role"
            legend={{ text: 'Their part in the case', size: 's' }}
            items={PARTICIPANT_ROLES.map(([value, label]) => ({
              value,
              label,
              conditional:
                value === 'supporter' ? (
                  <Choices
                    kind="radios"
                    name="directlyAffected"
                    legend={{ text: 'Were they directly affected by the crime?', size: 's' }}
                    hint="Family or community members can take part only if they were."
                    items={[
                      { value: 'yes', label: 'Yes' },
                      { value: 'no', label: 'No' },
                    ]}
                    small
                  />
                ) : undefined,
            }))}
            error={errors?.role?.[0]}
            small
          />
          <TextInput {...fieldOf(errors, 'name')} label="Name" />
          <Textarea {...fieldOf(errors, 'contactDetails')} label="Contact details (optional)" hint="Safe ways and times to contact them" rows={3} />
          <Button secondary>Add participant</Button>
        </Form>
      </Details>
    </>
  );
}
