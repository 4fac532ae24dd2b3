// A case: its stage and the moves allowed from it, the essentials gate, the participants.
import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { SummaryList, PageColumn, useFormErrors, WarningText } from '~/components/page';
import { formatDateTime, LapseWarning } from '~/components/staff';
import { casePageSchema } from '~/models/cases/case-schemas';
import { PARTICIPANT_ROLES, CLOSURE_REASONS } from '~/data/case-options';
import { allowedMoves, allowedWhileVictimFirst, describeGap, STAGE_LABELS } from '~/models/cases/case-stages';
import { stageAllowsExchange } from '~/models/states';
import { DELIVERY_STAGES } from '~/models/outcomes/outcomes';
import { SENSITIVE_WORDS } from '~/models/cases/needs';
import { addParticipant, getCaseForStaff, moveCase, recordReferrerSharing } from '~/models/cases/case.server';
import { ReferrerUpdates } from '~/components/referrer-updates';
import { AddParticipant, CaseHistory, ContactOrder, MoveForm, Notes, Proposals, Reassign, UnreadNotice, VictimFirst } from '~/components/case-page';
import { addCaseNote, reassignCase } from '~/models/cases/case-record.server';
import { listFacilitators } from '~/models/staff/staff.server';
import { withSupervisionWarnings } from '~/models/staff/practice.server';
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
    moves: allowedMoves(kase.stage)
      .filter((to) => !victimFirst || allowedWhileVictimFirst('move', null, to))
      .map((to) => ({ to, label: MOVE_LABEL[to] ?? STAGE_LABELS[to] })),
    lettersOpen: stageAllowsExchange(kase.stage),
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
    history: history.map((h) => ({
      at: h.at.toISOString(),
      by: h.by,
      from: STAGE_LABELS[h.from as keyof typeof STAGE_LABELS] ?? h.from,
      to: STAGE_LABELS[h.to as keyof typeof STAGE_LABELS] ?? h.to,
    })),
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

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, form } = await requireStaffForm(request);
  const caseId = idParam(params.id);
  const submission = parseWithZod(form, { schema: casePageSchema });
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
  const message = MOVE_REFUSALS[result.error] ?? 'That move is not allowed from this stage';
  return data(replyWithErrors(submission, { fieldErrors: { to: [message] } }), { status: 409 });
}

const MOVE_REFUSALS: Partial<Record<string, string>> = {
  gate: 'The case cannot be ready yet. Complete the items listed under ‘Before it can be ready’',
  lapsed: 'The essentials have lapsed: record them again before the case moves forward or closes as completed',
  stale: 'Someone else changed this case’s stage. Check it and try again',
  'reason-needed': 'Select why the case is closing',
  'no-process': 'Record a completed restorative process first, under ‘Processes, meetings and agreement’',
  'items-outstanding': 'Some agreed items are not done: choose ‘Completed, with agreed items outstanding’',
  'note-needed': 'Say why the case is closing',
};

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

      <ContactOrder order={d.contactOrder} />

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

      <CaseHistory d={d} />
    </PageColumn>
  );
}
