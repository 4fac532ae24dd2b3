// A case's letter exchange: open it, invite the people (a reference and a one-time code
// to hand over), pause or resume it, and type in letters that arrive on paper.
import { isBlank } from '~/utils/hidden-text';
import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { Button, Select, Textarea, fieldOf, type FieldErrors } from '~/components/form-fields';
import { ErrorSummary } from '~/components/error-summary';
import { BackLink, Details } from '~/components/page';
import { CsrfInput, formatDateTime, StaffForm } from '~/components/staff';
import { requiredText } from '~/models/message-schema';
import { letterBodySchema } from '~/models/letters/letter-schemas';
import { getExchangeForStaff, inviteMember, linkSelfReferrer, openExchange, pauseByStaff, resumeExchange } from '~/models/letters/exchange.server';
import { recordPaperLetter } from '~/models/letters/paper-and-record.server';
import { replyWithErrors } from '~/utils/form.server';
import { idParam } from '~/utils/params.server';
import { requireStaff, requireStaffForm } from '~/utils/staff-session.server';
import { EXCHANGE_STATES, exchangeMayResume, exchangeRelays, FREEZE_WORDS, LETTER_STATES, type ExchangeState, type FreezeCause } from '~/models/states';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Letter exchange' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await requireStaff(request);
  const x = getExchangeForStaff(session.user, idParam(params.id));
  if (!x) throw data('Not found', { status: 404 });
  const nameOf = (memberId: number) => x.people.find((p) => p.memberId === memberId)?.name ?? '';
  return {
    caseId: x.kase.id,
    reference: x.reference,
    stage: x.kase.stage,
    exchange: x.exchange ? { status: x.exchange.status, pausedBy: x.exchange.pausedBy, reason: x.exchange.pauseReason } : null,
    relayBlocker: x.relayBlocker,
    closed: x.kase.stage === 'closed',
    people: x.people,
    selfReferral: x.selfReferral,
    letters: x.letters.map((l) => ({
      id: l.id,
      status: l.status,
      from: nameOf(l.author),
      to: nameOf(l.recipient),
      onPaper: l.onPaper,
      submittedAt: l.submittedAt?.toISOString() ?? '',
      read: !!l.readAt,
    })),
  };
}

const id = z.coerce.number().int().positive();
const actionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('open') }),
  z.object({
    intent: z.literal('invite'),
    participantId: id,
    email: z
      .string()
      .trim()
      .max(254)
      .optional()
      .transform((v) => v || undefined)
      .pipe(z.email('Enter an email address in the correct format, or leave it empty').optional()),
  }),
  z.object({ intent: z.literal('link-referrer'), participantId: id }),
  z.object({ intent: z.literal('pause'), reason: requiredText('The reason', 1000, 'Enter why you are pausing the exchange') }),
  z.object({ intent: z.literal('resume'), reason: requiredText('The reason', 1000, 'Enter why it is safe to resume') }),
  z.object({ intent: z.literal('paper'), author: id, recipient: id, body: letterBodySchema.refine((v) => !isBlank(v), 'Type in the letter') }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, form } = await requireStaffForm(request);
  const caseId = idParam(params.id);
  const submission = parseWithZod(form, { schema: actionSchema });
  if (submission.status !== 'success') return data({ ...replyWithErrors(submission), invited: null }, { status: 400 });
  const v = submission.value;
  const fail = (field: string, message: string, status = 409) =>
    data({ ...replyWithErrors(submission, { fieldErrors: { [field]: [message] } }), invited: null }, { status });
  switch (v.intent) {
    case 'open': {
      const r = openExchange(session.user, caseId);
      if (!r.ok) {
        if (r.error === 'not-found') throw data('Not found', { status: 404 });
        return fail(
          'intent',
          {
            stage: 'The case must be ready first',
            gate: 'Every essential must be recorded first',
            'direct-only': 'Every participant’s risk assessment must allow indirect contact',
            exists: 'The exchange is already open',
          }[r.error],
        );
      }
      return redirect(`/staff/cases/${caseId}/letters`);
    }
    case 'invite': {
      const invited = await inviteMember(session.user, caseId, v.participantId, v.email);
      if (!invited) throw data('Not found', { status: 404 });
      return { status: 'success' as const, invited };
    }
    case 'link-referrer': {
      const r = linkSelfReferrer(session.user, caseId, v.participantId);
      if (!r) throw data('Not found', { status: 404 });
      if (r === 'not-self-referral') return fail('participantId', 'Only the victim in a case that came from a self-referral can be linked', 400);
      return redirect(`/staff/cases/${caseId}/letters`);
    }
    case 'pause':
      if (!pauseByStaff(session.user, caseId, v.reason)) return fail('reason', 'The exchange is not open');
      return redirect(`/staff/cases/${caseId}/letters`);
    case 'resume': {
      const r = resumeExchange(session.user, caseId, v.reason);
      if (!r.ok && r.error === 'not-found') throw data('Not found', { status: 404 });
      if (!r.ok && r.error === 'unsafe') return fail('reason', `It cannot resume yet: ${FREEZE_WORDS[r.cause!]}`, 400);
      if (!r.ok) return fail('reason', 'Only a paused exchange can be resumed. A participant who stopped the letters must be asked first');
      return redirect(`/staff/cases/${caseId}/letters`);
    }
    case 'paper': {
      const letterId = recordPaperLetter(session.user, caseId, v.author, v.recipient, v.body);
      if (!letterId) return fail('author', 'Choose two different people who are in the exchange', 400);
      return redirect(`/staff/letters/${letterId}`);
    }
  }
}

export default function ExchangePage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && 'error' in result ? (result.error ?? undefined) : undefined;
  const members = d.people.filter((p) => p.memberId);
  return (
    <>
      <BackLink to={`/staff/cases/${d.caseId}`} />
      <ErrorSummary errors={errors} />
      {result?.invited ? (
        <div className="govuk-panel govuk-panel--confirmation" id="invitation">
          <h2 className="govuk-panel__title">Hand these over</h2>
          <div className="govuk-panel__body">
            Reference <strong>{result.invited.reference}</strong>
            <br />
            Set-up code <strong>{result.invited.setUpCode}</strong>
          </div>
        </div>
      ) : null}
      {result?.invited ? (
        <p className="govuk-body">
          They go to the letters page, choose “Use your set-up code”, and choose their own passphrase. The code works once, for 14 days. It will not be shown
          again.
          {result.invited.emailed ? ' An invitation link has also been emailed to them.' : ''}
        </p>
      ) : null}
      <span className="govuk-caption-l">Case {d.reference}</span>
      <h1 className="govuk-heading-l">Letter exchange</h1>
      {!d.exchange && d.closed ? <p className="govuk-body">This case is closed. No letter exchange was opened.</p> : null}
      {!d.exchange && !d.closed ? (
        <>
          <p className="govuk-body">Open the exchange once the case is ready and every assessment allows indirect contact.</p>
          <StaffForm intent="open" validate>
            <Button>Open the letter exchange</Button>
          </StaffForm>
        </>
      ) : null}
      {d.exchange ? (
        <>
          <ExchangeStatus exchange={d.exchange} closed={d.closed} />

          <ExchangePeople d={d} />

          <h2 className="govuk-heading-m">Letters</h2>
          <p className="govuk-body">
            <Link className="govuk-link" to={`/staff/cases/${d.caseId}/letters/print`}>
              Print the whole exchange for the case file
            </Link>
          </p>
          {d.letters.length === 0 ? <p className="govuk-body">No letters have been sent yet.</p> : null}
          <ul className="govuk-list">
            {d.letters.map((l) => (
              <li key={l.id}>
                <Link className="govuk-link" to={`/staff/letters/${l.id}`}>
                  Letter {l.id}
                </Link>{' '}
                from {l.from} to {l.to}
                {l.onPaper ? ' (on paper)' : ''}: {LETTER_STATES[l.status].author}
                {l.submittedAt ? `, ${formatDateTime(l.submittedAt)}` : ''}
                {l.read ? ', read' : ''}
              </li>
            ))}
          </ul>

          {members.length >= 2 && exchangeRelays(d.exchange.status) && !d.closed ? (
            <Details summary="Record a letter received on paper">
              <Form method="post" noValidate>
                <CsrfInput />
                <input type="hidden" name="intent" value="paper" />
                <Select {...fieldOf(errors, 'author')} label="Written by" options={members.map((m) => ({ value: String(m.memberId), label: m.name }))} />
                <Select name="recipient" label="For" options={[...members].reverse().map((m) => ({ value: String(m.memberId), label: m.name }))} />
                <Textarea {...fieldOf(errors, 'body')} label="The letter, typed in as written" rows={10} />
                <Button secondary>Record the letter for review</Button>
              </Form>
            </Details>
          ) : null}

          {d.closed ? null : <PauseOrResume status={d.exchange.status} blocker={d.relayBlocker} errors={errors} />}
        </>
      ) : null}
    </>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function ExchangePeople({ d }: { d: LoaderData }) {
  return (
    <>
      <h2 className="govuk-heading-m">People</h2>
      <ul className="govuk-list">
        {d.people.map((p) => (
          <li key={p.id} className="app-actions">
            <span>
              {p.name}: {p.reference ? `${p.reference}, ${p.setUp ? 'set up' : 'not set up yet'}` : 'not invited'}
            </span>
            <Form method="post" className="app-actions">
              <CsrfInput />
              <input type="hidden" name="intent" value="invite" />
              <input type="hidden" name="participantId" value={p.id} />
              <label className="govuk-visually-hidden" htmlFor={`email-${p.id}`}>
                Email address for {p.name} (optional)
              </label>
              <input
                className="govuk-input govuk-input--width-20"
                id={`email-${p.id}`}
                name="email"
                type="email"
                placeholder="Email (optional)"
                autoComplete="off"
                spellCheck={false}
              />
              <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                {p.reference ? 'New set-up code' : 'Invite'}
                <span className="govuk-visually-hidden"> for {p.name}</span>
              </button>
            </Form>
            {d.selfReferral && p.role === 'victim' && !p.linked ? (
              <StaffForm intent="link-referrer" validate>
                <input type="hidden" name="participantId" value={p.id} />
                <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                  Link to their self-referral sign-in<span className="govuk-visually-hidden"> for {p.name}</span>
                </button>
              </StaffForm>
            ) : null}
            {p.linked ? <span>Linked to their self-referral sign-in</span> : null}
          </li>
        ))}
      </ul>
    </>
  );
}

function ExchangeStatus({ exchange, closed }: { exchange: { status: ExchangeState; pausedBy: string | null; reason: string | null }; closed: boolean }) {
  const paused = !exchangeRelays(exchange.status);
  const by = { participant: 'by a participant', facilitator: 'by a facilitator', portal: 'by the portal' }[exchange.pausedBy ?? ''] ?? '';
  const reason = exchange.pausedBy === 'portal' ? FREEZE_WORDS[exchange.reason as FreezeCause] : exchange.reason;
  return (
    <>
      <p className="govuk-body" id="exchange-status">
        Status: <strong className="govuk-tag">{EXCHANGE_STATES[exchange.status].staff}</strong>
      </p>
      {paused && by ? <p className="govuk-body">{`${EXCHANGE_STATES[exchange.status].staff} ${by}${reason ? `: ${reason}` : ''}.`}</p> : null}
      {!paused && reason ? <p className="govuk-body">Last resumed: {reason}</p> : null}
      {closed ? <p className="govuk-body">This case is closed. Nothing more can be passed on.</p> : null}
    </>
  );
}

function PauseOrResume({ status, blocker, errors }: { status: ExchangeState; blocker: FreezeCause | null; errors: FieldErrors }) {
  return (
    <>
      <h2 className="govuk-heading-m">{exchangeRelays(status) ? 'Pause the exchange' : 'Resume the exchange'}</h2>
      {!exchangeRelays(status) && exchangeMayResume(status) && blocker && blocker !== 'safeguarding' ? (
        <p className="govuk-body">{`It can resume only once this is put right: ${FREEZE_WORDS[blocker]}.`}</p>
      ) : null}
      {!exchangeRelays(status) && !exchangeMayResume(status) ? (
        <p className="govuk-body">A participant stopped the letters. Talk to them before anything else happens.</p>
      ) : (
        <StaffForm>
          <input type="hidden" name="intent" value={exchangeRelays(status) ? 'pause' : 'resume'} />
          <Textarea
            {...fieldOf(errors, 'reason')}
            label={exchangeRelays(status) ? 'Why are you pausing it?' : 'Why is it safe to resume?'}
            hint="The record keeps this."
            rows={2}
          />
          <Button warning={exchangeRelays(status)}>{exchangeRelays(status) ? 'Pause the exchange' : 'Resume the exchange'}</Button>
        </StaffForm>
      )}
    </>
  );
}
