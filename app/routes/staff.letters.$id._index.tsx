// Reviewing a letter: the text with its safety flags highlighted, the letter's history,
// and the four decisions. Flags inform; the facilitator decides.
import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { BackLink, useFormErrors, PageColumn } from '~/components/page';
import { CsrfInput, formatDateTime } from '~/components/staff';
import { DecisionForm, DecisionSaved, LetterHistory, SafetyFlags } from '~/components/letter-review';
import { SecondReading } from '~/components/letter-flag-answers';
import { decisionSchema, flagsOffSchema, keepReasons, secondReadSchema, spansToRemove } from '~/models/letters/letter-decision-schema';
import { keepField, mustAnswer } from '~/models/letters/flag-answers';
import { maySecondRead, secondRead, secondReadingsOf } from '~/models/letters/second-reading.server';
import { withoutHidden } from '~/utils/hidden-text';
import { decideLetter, getLatestBodyForDecision, getLetterForReview } from '~/models/letters/review.server';
import { setFlagsOff, shareReadReceipt } from '~/models/letters/paper-and-record.server';
import { FLAG_KINDS, FLAG_LABELS, segmentByFlags } from '~/models/safety-flags/safety-flags';
import { atLimit } from '~/models/safety-flags/safety-flags.server';
import { needWords } from '~/models/cases/needs';
import { replyWithErrors } from '~/utils/form.server';
import { idParam } from '~/utils/params.server';
import { requireStaff, requireStaffForm } from '~/utils/staff-session.server';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Letter' };

const ROLE = { victim: 'victim', offender: 'person responsible', supporter: 'supporter' } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await requireStaff(request);
  const r = getLetterForReview(session.user, idParam(params.id));
  if (!r) throw data('Not found', { status: 404 });
  const body = r.latest?.body ?? '';
  const versionId = r.latest?.id ?? 0;
  const second = secondReadingsOf(r.letter.id);
  const offNow = r.flagsOff.filter((o) => o.versionId === versionId && !o.onAt);
  const off = new Set(offNow.map((o) => o.kind));
  const shown = r.flags.filter((f) => !off.has(f.kind));
  const label = (kind: string) => FLAG_LABELS[kind as keyof typeof FLAG_LABELS] ?? kind;
  // Grouped by kind, in a fixed order, so that a kind can be turned off as a whole.
  const kinds = FLAG_KINDS.filter((k) => shown.some((f) => f.kind === k));
  return {
    // Just decided (the action's redirect says so): the page opens with what happened, announced.
    saved: new URL(request.url).searchParams.get('saved') === 'decision',
    id: r.letter.id,
    caseId: r.caseId,
    status: r.letter.status,
    readAt: r.letter.readAt?.toISOString() ?? null,
    shared: r.letter.shareReadWithAuthor,
    onPaper: r.letter.onPaper,
    exchangeStatus: r.exchange.status,
    from: r.author ? `${r.author.name} (${ROLE[r.author.role]})` : '',
    to: r.recipient ? `${r.recipient.name} (${ROLE[r.recipient.role]})` : '',
    recipientNeeds: r.needs.filter((n) => n.participantId === r.recipient?.participantId).map(needWords),
    authorNeeds: r.needs.filter((n) => n.participantId === r.author?.participantId).map(needWords),
    versionId: r.latest?.id ?? 0,
    version: r.latest?.version ?? 0,
    // As it will be relayed: hidden characters never leave, so they are not shown either (their flag says what they were).
    segments: segmentByFlags(body, shown).map((s) => ({ ...s, text: withoutHidden(s.text) })),
    // Every flag can still be removed, turned off or not: turning a kind off quiets it, it never hides it.
    // A contact, where or threat flag not turned off must be removed or kept with a reason (keep: its reason's field).
    flags: r.flags.map((f) => ({
      ...f,
      text: withoutHidden(f.text),
      label: FLAG_LABELS[f.kind],
      off: off.has(f.kind),
      keep: mustAnswer(f.kind) && !off.has(f.kind) ? keepField(f) : null,
    })),
    secondReading: second.waiting
      ? {
          id: second.waiting.id,
          firstBy: second.waiting.firstBy,
          at: second.waiting.at.toISOString(),
          kept: second.waiting.kept,
          removed: second.waiting.redactions.length,
          youMay: maySecondRead(session.user, second.waiting.firstByStaffId),
        }
      : null,
    sentBack:
      r.letter.status === 'waiting' && second.sentBack?.versionId === versionId
        ? { note: second.sentBack.note ?? '', at: second.sentBack.decidedAt?.toISOString() ?? '' }
        : null,
    shownCount: shown.length,
    atLimit: atLimit(r.flags),
    flagGroups: kinds.map((kind) => ({
      kind,
      label: FLAG_LABELS[kind],
      flags: shown.filter((f) => f.kind === kind).map((f) => ({ text: withoutHidden(f.text), why: f.why })),
    })),
    flagsOff: offNow.map((o) => ({
      kind: o.kind,
      label: label(o.kind),
      flags: r.flags.filter((f) => f.kind === o.kind).map((f) => ({ text: withoutHidden(f.text), why: f.why })),
      reason: o.reason,
      by: o.by,
      at: o.at.toISOString(),
    })),
    history: r.versions.map((v) => {
      const review = r.reviews.find((x) => x.versionId === v.id);
      return {
        version: v.version,
        at: v.createdAt.toISOString(),
        paper: !!v.recordedByStaffId,
        body: withoutHidden(v.body),
        decision: review ? { ...review, kept: review.kept ?? [], at: review.at.toISOString() } : null,
        flagsOff: r.flagsOff
          .filter((o) => o.versionId === v.id)
          .map((o) => ({ label: label(o.kind), reason: o.reason, by: o.by, at: o.at.toISOString(), onBy: o.onBy, onAt: o.onAt?.toISOString() ?? null })),
      };
    }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, form } = await requireStaffForm(request);
  const letterId = idParam(params.id);
  if (form.get('intent') === 'share-read') {
    if (!shareReadReceipt(session.user, letterId, form.get('share') === 'yes')) throw data('Not found', { status: 404 });
    return redirect(`/staff/letters/${letterId}`);
  }
  if (form.get('intent') === 'flags-off' || form.get('intent') === 'flags-on') {
    const submission = parseWithZod(form, { schema: flagsOffSchema });
    if (submission.status !== 'success') return data(replyWithErrors(submission), { status: 400 });
    const v = submission.value;
    const result = setFlagsOff(session.user, letterId, v.versionId, v.kind, v.intent === 'flags-off' ? { reason: v.reason } : null);
    if (!result.ok) {
      if (result.error === 'not-found') throw data('Not found', { status: 404 });
      const messages: Record<typeof result.error, string> = {
        stale: 'This letter has been decided on or has a newer version. Reload the page',
        already: 'That kind of flag is already turned off for this version',
        'not-flagged': 'Nothing of that kind is flagged in this version',
      };
      const why = messages[result.error];
      return data(replyWithErrors(submission, { fieldErrors: { kind: [why] } }), {
        status: result.error === 'not-flagged' ? 400 : 409,
      });
    }
    return redirect(`/staff/letters/${letterId}#safety-flags-heading`);
  }
  if (form.get('intent') === 'second-read') {
    const submission = parseWithZod(form, { schema: secondReadSchema });
    if (submission.status !== 'success') return data(replyWithErrors(submission), { status: 400 });
    const v = submission.value;
    const result = secondRead(session.user, letterId, v.readingId, v.secondDecision === 'agree' ? { agree: true } : { agree: false, note: v.note! });
    if (!result.ok) {
      if (result.error === 'not-found') throw data('Not found', { status: 404 });
      const message = {
        'not-you': 'The second reader must be a manager who did not make the first decision',
        stale: 'This letter has already been decided on, or has changed. Reload the page',
        frozen: 'The exchange is paused or stopped: nothing can be passed on until it is resumed',
      }[result.error];
      return data(replyWithErrors(submission, { fieldErrors: { secondDecision: [message] } }), { status: result.error === 'not-you' ? 403 : 409 });
    }
    return redirect(`/staff/letters/${letterId}`);
  }
  const submission = parseWithZod(form, { schema: decisionSchema });
  if (submission.status !== 'success') return data(replyWithErrors(submission), { status: 400 });
  const v = submission.value;
  const body = getLatestBodyForDecision(session.user, letterId);
  if (body === null) throw data('Not found', { status: 404 });
  let result;
  if (v.decision === 'approve') {
    const { spans, notFound } = spansToRemove(body, v.remove, v.removeText);
    if (notFound.length)
      return data(replyWithErrors(submission, { fieldErrors: { removeText: [`These words are not in the letter: ${notFound.join(', ')}`] } }), { status: 400 });
    const keep = keepReasons(form);
    if (!keep.ok) return data(replyWithErrors(submission, { fieldErrors: keep.errors }), { status: 400 });
    result = decideLetter(session.user, letterId, v.versionId, {
      kind: 'approve',
      redactions: spans,
      needsArranged: v.needsArranged === 'yes',
      keep: keep.reasons,
    });
  } else if (v.decision === 'return') {
    result = decideLetter(session.user, letterId, v.versionId, { kind: 'return', messageToAuthor: v.messageToAuthor });
  } else {
    result = decideLetter(session.user, letterId, v.versionId, {
      kind: 'not_passed_on',
      reasonForRecord: v.reasonForRecord,
      messageToAuthor: v.messageToAuthorRefused,
    });
  }
  if (!result.ok) {
    if (result.error === 'not-found') throw data('Not found', { status: 404 });
    if (result.error === 'unanswered')
      return data(
        replyWithErrors(submission, {
          fieldErrors: Object.fromEntries(result.unanswered.map((name) => [name, ['Say why these words can stay, or select them above to remove them']])),
        }),
        { status: 400 },
      );
    if (result.error === 'too-many')
      return data(
        replyWithErrors(submission, {
          fieldErrors: { decision: ['This letter has more flagged parts than can be checked. Return it to the author, or do not pass it on'] },
        }),
        { status: 400 },
      );
    if (result.error === 'needs')
      return data(replyWithErrors(submission, { fieldErrors: { needsArranged: ['Confirm how the recipient will read it: see what they need'] } }), {
        status: 400,
      });
    const message =
      result.error === 'frozen'
        ? 'The exchange is paused or stopped: nothing can be passed on until it is resumed'
        : 'This letter has already been decided on, or has changed. Reload the page';
    return data(replyWithErrors(submission, { fieldErrors: { decision: [message] } }), { status: 409 });
  }
  return redirect(`/staff/letters/${letterId}?saved=decision`);
}

export default function ReviewLetter() {
  const d = useLoaderData<typeof loader>();
  const errors = useFormErrors();
  const waiting = d.status === 'waiting';
  return (
    <>
      <BackLink to="/staff/letters" />
      <PageColumn errors={errors}>
        {d.saved ? <DecisionSaved status={d.status} /> : null}
        <span className="govuk-caption-l">
          From {d.from} to {d.to}
          {d.onPaper ? ', received on paper' : ''}
        </span>
        <h1 className="govuk-heading-l">Letter {d.id}</h1>
        {d.authorNeeds.length || d.recipientNeeds.length ? (
          <div className="govuk-inset-text" id="needs">
            {d.authorNeeds.length ? <p className="govuk-body">{`The author needs: ${d.authorNeeds.join('; ')}.`}</p> : null}
            {d.recipientNeeds.length ? (
              <p className="govuk-body">{`The recipient needs: ${d.recipientNeeds.join('; ')}. Before passing it on, arrange how they will read it.`}</p>
            ) : null}
          </div>
        ) : null}
        {d.exchangeStatus !== 'open' ? (
          <div className="govuk-inset-text">The exchange is {d.exchangeStatus}. Nothing can be passed on until it is resumed.</div>
        ) : null}
        {!waiting && d.status !== 'second_reading' ? (
          <p className="govuk-body">
            This letter is not waiting for review.{' '}
            {d.status === 'passed_on' ? (
              <Link className="govuk-link" to={`/staff/letters/${d.id}/print`}>
                Print it for delivery
              </Link>
            ) : null}
          </p>
        ) : null}

        {d.status === 'passed_on' ? (
          <div className="govuk-inset-text" id="read-receipt">
            {d.readAt ? `The recipient first opened it on ${formatDateTime(d.readAt)}.` : 'The recipient has not opened it yet.'}
            <Form method="post" className="govuk-!-margin-top-2">
              <CsrfInput />
              <input type="hidden" name="intent" value="share-read" />
              <input type="hidden" name="share" value={d.shared ? 'no' : 'yes'} />
              <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                {d.shared ? 'Stop showing the author when it was read' : 'Show the author when it was read'}
              </button>
            </Form>
          </div>
        ) : null}
        <h2 className="govuk-heading-m">Version {d.version}</h2>
        <div className="app-letter" id="letter-under-review">
          <p className="govuk-body app-pre-wrap">
            {d.segments.map((s, i) =>
              s.flags.length ? (
                <mark key={i} className="app-flag" title={s.flags.map((k) => d.flags.find((f) => f.kind === k)?.label).join(', ')}>
                  {s.text}
                </mark>
              ) : (
                <span key={i}>{s.text}</span>
              ),
            )}
          </p>
        </div>
        <SafetyFlags d={d} errors={errors} waiting={waiting} />

        {d.secondReading ? <SecondReading reading={d.secondReading} errors={errors} /> : null}
        {waiting ? <DecisionForm d={d} errors={errors} /> : null}

        <LetterHistory history={d.history} />
        <p className="govuk-body">
          <Link className="govuk-link" to={`/staff/cases/${d.caseId}/letters`}>
            The whole exchange
          </Link>
        </p>
      </PageColumn>
    </>
  );
}

/** The flags by kind, each with why; turning a kind off for this version (with a reason) and back on. */
