// One referral: what it says, the messages with a self-referrer, and triage.
import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { Button, Choices, Select, Textarea, TextInput, fieldOf } from '~/components/form-fields';
import { MessageThread, SummaryList, PageColumn, useFormErrors, WarningText } from '~/components/page';
import { formatDateTime, StaffForm } from '~/components/staff';
import { acceptSchema, declineSchema, replySchema, YOT_DECISIONS, yotDecisionSchema } from '~/models/cases/case-schemas';
import { DECLINE_CATEGORIES } from '~/models/referrals/referrer-updates';
import { referralCautions, referralRows } from '~/models/referrals/referral-details';
import { listFacilitators } from '~/models/staff/staff.server';
import { withSupervisionWarnings } from '~/models/staff/practice.server';
import { AssignmentWarning, assignmentOptions } from '~/components/practice';
import {
  acceptReferral,
  declineReferral,
  getReferralForStaff,
  recordYotDecision,
  replyToReferrer,
  staffMaySeeReferral,
} from '~/models/referrals/triage.server';
import { isSensitive } from '~/models/cases/needs';
import { areaOptions } from '~/models/reports/report-categories.server';
import { replyWithErrors } from '~/utils/form.server';
import { idParam } from '~/utils/params.server';
import { requireStaff, requireStaffForm } from '~/utils/staff-session.server';
import { awaitsTriage } from '~/models/states';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Referral' };

const idOf = (params: LoaderFunctionArgs['params']) => idParam(params.id);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await requireStaff(request);
  const found = getReferralForStaff(session.user, idOf(params));
  if (!found) throw data('Not found', { status: 404 });
  const { referral, caseId, messages } = found;
  return {
    id: referral.id,
    reference: referral.reference,
    source: referral.source,
    status: referral.status,
    declinedReason: referral.declinedReason,
    received: referral.createdAt.toISOString(),
    rows: referralRows(referral, areaOptions()),
    cautions: referralCautions(referral),
    youth: referral.offenderAgeGroup === 'youth',
    yot: referral.yotDecision ? { decision: referral.yotDecision, on: referral.yotDecisionOn, note: referral.yotDecisionNote } : null,
    sensitive: isSensitive(referral.offenceKind),
    manager: session.user.role === 'manager',
    today: new Date().toISOString().slice(0, 10),
    caseId,
    messages: messages.map((m) => ({ id: m.id, from: m.sender, body: m.body, at: m.createdAt.toISOString() })),
    // Colleagues' supervision is a manager's business: only a manager sees who is overdue.
    facilitators:
      session.user.role === 'manager' ? withSupervisionWarnings(listFacilitators()) : listFacilitators().map((f) => ({ ...f, supervisionOverdue: false })),
    me: session.user.id,
    // A subject access request from the referrer: managers produce what is held about them.
    subjectAccess:
      session.user.role !== 'manager'
        ? null
        : referral.source === 'self'
          ? `/staff/subject-access/self-referrer/${referral.id}`
          : referral.referrerEmail
            ? `/staff/subject-access/partner-referrer/${referral.id}`
            : null,
  };
}

const actionSchema = z.discriminatedUnion('intent', [acceptSchema, declineSchema, replySchema, yotDecisionSchema], { error: 'Reload the page and try again' });

const ACCEPT_REFUSALS: Record<string, string> = {
  'no-facilitator': 'Select an active facilitator',
  'needs-training-reason': 'They have no recorded training for complex and sensitive cases: choose someone who has, or say why them',
  'not-trained': 'They have no recorded training for complex and sensitive cases: choose someone who has, or ask a manager',
  'yot-decision-needed': 'Record the decision made with the youth offending team first',
  'yot-delivers': 'The youth offending team delivers this one: decline it here with that reason',
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, form } = await requireStaffForm(request);
  const id = idOf(params);
  if (!staffMaySeeReferral(session.user, id)) throw data('Not found', { status: 404 });
  const submission = parseWithZod(form, { schema: actionSchema });
  if (submission.status !== 'success') return data(replyWithErrors(submission), { status: 400 });
  const v = submission.value;
  if (v.intent === 'reply') {
    replyToReferrer(session.user, id, v.body);
    return redirect(`/staff/referrals/${id}`);
  }
  if (v.intent === 'yot') {
    const r = recordYotDecision(session.user, id, { decision: v.decision, on: v.decidedOn, note: v.note });
    if (!r) throw data('Not found', { status: 404 });
    if (r !== 'recorded')
      return data(
        replyWithErrors(submission, {
          fieldErrors: { decision: [r === 'not-youth' ? 'This is not a youth referral' : 'This referral has already been accepted or declined'] },
        }),
        {
          status: 409,
        },
      );
    return redirect(`/staff/referrals/${id}#yot`);
  }
  const result =
    v.intent === 'accept'
      ? acceptReferral(session.user, id, v.facilitatorId, { trainingReason: v.trainingReason })
      : declineReferral(session.user, id, v.reason, v.category);
  if (!result.ok) {
    const message = ACCEPT_REFUSALS[result.error] ?? 'This referral has already been accepted or declined';
    return data(replyWithErrors(submission, { fieldErrors: { [v.intent === 'accept' ? 'facilitatorId' : 'reason']: [message] } }), { status: 409 });
  }
  return redirect('caseId' in result ? `/staff/cases/${result.caseId}` : `/staff/referrals/${id}`);
}

export default function StaffReferral() {
  const d = useLoaderData<typeof loader>();
  const errors = useFormErrors();
  const open = awaitsTriage(d.status);
  return (
    <PageColumn errors={errors}>
      <span className="govuk-caption-l">
        {d.source === 'self' ? 'Self-referral' : 'Partner referral'}, received {formatDateTime(d.received)}
      </span>
      <h1 className="govuk-heading-l">Referral {d.reference}</h1>
      {d.subjectAccess ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={d.subjectAccess}>
            Everything held about the {d.source === 'self' ? 'person who referred themselves' : 'referrer'} (subject access)
          </Link>
        </p>
      ) : null}
      {d.caseId ? (
        <div className="govuk-inset-text">
          Accepted.{' '}
          <Link className="govuk-link" to={`/staff/cases/${d.caseId}`}>
            Open the case
          </Link>
        </div>
      ) : null}
      {d.status === 'declined' ? <div className="govuk-inset-text">Declined: {d.declinedReason}</div> : null}
      {d.status === 'withdrawn' ? <div className="govuk-inset-text">The referrer withdrew this referral.</div> : null}
      {d.cautions.map((c) => (
        <WarningText key={c}>{c}</WarningText>
      ))}
      <SummaryList rows={d.rows.map((r) => ({ key: r.key, value: <span className="app-pre-wrap">{r.value}</span> }))} />

      {open ? (
        <>
          <h2 className="govuk-heading-m">Accept into a case</h2>
          {d.youth ? <YotDecision d={d} errors={errors} /> : null}
          <StaffForm intent="accept">
            <AssignmentWarning warning={assignmentOptions(d.facilitators).warning} />
            <Select {...fieldOf(errors, 'facilitatorId')} label="Facilitator" defaultValue={String(d.me)} options={assignmentOptions(d.facilitators).options} />
            {d.sensitive && d.manager ? (
              <Textarea
                {...fieldOf(errors, 'trainingReason')}
                label="If they have no training for complex and sensitive cases: why them (optional)"
                hint="This is a domestic abuse, sexual offence or hate crime referral. Your reason is kept with the case."
                rows={2}
                maxLength={1000}
              />
            ) : null}
            <Button>Accept</Button>
          </StaffForm>
          <h2 className="govuk-heading-m">Or decline</h2>
          <StaffForm intent="decline">
            <Choices
              kind="radios"
              name="category"
              legend={{ text: 'Kind of reason', size: 's' }}
              hint={d.source === 'partner' ? 'A partner who referred is told this kind, if the person agreed that they hear how it goes.' : undefined}
              items={DECLINE_CATEGORIES.map(([value, label]) => ({ value, label }))}
              error={errors?.category?.[0]}
              small
            />
            <Textarea
              {...fieldOf(errors, 'reason')}
              label="Reason for declining"
              hint="The record keeps this. The referrer is not shown it."
              rows={3}
              maxLength={1000}
            />
            <Button warning>Decline</Button>
          </StaffForm>
        </>
      ) : null}

      {d.source === 'self' ? (
        <>
          <h2 className="govuk-heading-m">Messages with the referrer</h2>
          {d.messages.length === 0 ? <p className="govuk-body">No messages yet.</p> : null}
          <MessageThread messages={d.messages} otherSide="From the referrer" format={formatDateTime} />
          <StaffForm intent="reply">
            <Textarea
              {...fieldOf(errors, 'body')}
              label="Reply"
              labelSize="s"
              hint="The referrer reads this when they sign in. If they gave an email address, it only says there is a new message."
              rows={4}
              maxLength={2000}
            />
            <Button secondary>Send reply</Button>
          </StaffForm>
        </>
      ) : null}
    </PageColumn>
  );
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;

/** A youth referral: what was decided with the youth offending team, recorded before it is accepted. */
function YotDecision({ d, errors }: { d: Loaded; errors: ReturnType<typeof useFormErrors> }) {
  return (
    <section aria-labelledby="yot-title" className="app-section" id="yot">
      <h2 className="govuk-heading-m" id="yot-title">
        Decision with the youth offending team
      </h2>
      {d.yot ? (
        <p className="govuk-body">{`${YOT_DECISIONS.find(([v]) => v === d.yot!.decision)?.[1]} (decided ${d.yot.on}). ${d.yot.note ?? ''}`}</p>
      ) : (
        <p className="govuk-body">Not recorded yet. It must be before the referral is accepted.</p>
      )}
      <StaffForm intent="yot">
        <Choices
          kind="radios"
          name="decision"
          legend={{ text: 'What was decided', size: 's' }}
          items={YOT_DECISIONS.map(([value, label]) => ({ value, label }))}
          error={errors?.decision?.[0]}
          small
        />
        <TextInput {...fieldOf(errors, 'decidedOn')} label="Date it was decided" type="date" width="10" defaultValue={d.today} />
        <Textarea {...fieldOf(errors, 'note')} label="Who you spoke to, and what was agreed" rows={2} maxLength={1000} />
        <Button secondary>Record the decision</Button>
      </StaffForm>
    </section>
  );
}
