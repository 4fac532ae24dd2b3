// Writing a letter: plain text, guidance beside the box, save as draft or preview.
import { isBlank } from '~/utils/hidden-text';
import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { Button, Choices, Textarea, fieldOf } from '~/components/form-fields';
import { LetterGuidance, otherSideLabel } from '~/components/letters';
import { BackLink, PageColumn } from '~/components/page';
import { LETTER_MAX_CHARS, writeSchema } from '~/models/letters/letter-schemas';
import { getMemberHome, getOwnLetter } from '~/models/letters/reading.server';
import { saveDraft, MAX_DRAFTS } from '~/models/letters/writing.server';
import { readForm, replyWithErrors } from '~/utils/form.server';
import { participantSessions } from '~/utils/session.server';
import { authorMayEdit } from '~/models/states';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Write a letter' };

export async function loader({ request }: LoaderFunctionArgs) {
  const memberId = await participantSessions.require(request);
  const home = getMemberHome(memberId);
  if (!home) throw data('Not found', { status: 404 });
  if (home.exchangeStatus !== 'open') throw redirect('/letters/home');
  const letterParam = new URL(request.url).searchParams.get('letter');
  const own = letterParam && /^\d{1,15}$/.test(letterParam) ? getOwnLetter(memberId, Number(letterParam)) : null;
  if (letterParam && (!own || !authorMayEdit(own.status))) throw data('Not found', { status: 404 });
  return {
    letterId: own?.id ?? null,
    body: own?.draftBody ?? '',
    recipient: own?.recipientMemberId ?? home.recipients[0]?.id ?? null,
    recipients: home.recipients.map((r) => ({ id: r.id, label: otherSideLabel(home.role, r.role) })),
    comment: own?.status === 'returned' ? (own.feedback?.message ?? null) : null,
    saved: new URL(request.url).searchParams.get('saved') === '1',
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const memberId = await participantSessions.require(request);
  const submission = parseWithZod(await readForm(request), { schema: writeSchema });
  if (submission.status !== 'success') return data(replyWithErrors(submission), { status: 400 });
  const v = submission.value;
  if (v.intent === 'preview' && isBlank(v.body))
    return data(replyWithErrors(submission, { fieldErrors: { body: ['Write your letter before you preview it'] } }), { status: 400 });
  const r = saveDraft(memberId, v.letterId ?? null, v.body, v.recipient);
  if (!r.ok) {
    if (r.error === 'frozen') throw redirect('/letters/home');
    const message =
      r.error === 'recipient'
        ? 'Choose who the letter is for'
        : r.error === 'too-many-drafts'
          ? `You have ${MAX_DRAFTS} letters you have not sent. Open one from your letters page and carry on with it, or send one, before starting another`
          : 'This letter can no longer be changed';
    return data(replyWithErrors(submission, { fieldErrors: { [r.error === 'recipient' ? 'recipient' : 'body']: [message] } }), { status: 409 });
  }
  return redirect(v.intent === 'preview' ? `/letters/preview/${r.letterId}` : `/letters/write?letter=${r.letterId}&saved=1`);
}

export default function WriteLetter() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.error ?? undefined;
  const sent = result?.initialValue as { body?: string } | undefined;
  return (
    <>
      <BackLink to="/letters/home" />
      <PageColumn errors={errors}>
        {d.saved && !result ? <div className="govuk-inset-text">Your draft is saved. Nobody else can see it.</div> : null}
        {d.comment ? (
          <div className="govuk-inset-text app-pre-wrap" id="facilitator-comment">
            Your facilitator says: {d.comment}
          </div>
        ) : null}
        <h1 className="govuk-heading-l">Write a letter</h1>
        <LetterGuidance />
        <Form method="post" noValidate autoComplete="off">
          {d.letterId ? <input type="hidden" name="letterId" value={d.letterId} /> : null}
          {d.recipients.length > 1 ? (
            <Choices
              kind="radios"
              name="recipient"
              legend={{ text: 'Who is it for?', size: 's' }}
              items={d.recipients.map((r) => ({ value: String(r.id), label: r.label }))}
              selected={String(d.recipient)}
              error={errors?.recipient?.[0]}
              small
            />
          ) : (
            <input type="hidden" name="recipient" value={d.recipient ?? ''} />
          )}
          <Textarea
            {...fieldOf(errors, 'body')}
            label={`Your letter${d.recipients.length === 1 ? ` to ${d.recipients[0]!.label.toLowerCase()}` : ''}`}
            labelSize="m"
            hint="Your facilitator reads it before it is passed on."
            rows={14}
            defaultValue={sent?.body ?? d.body}
            maxLength={LETTER_MAX_CHARS}
          />
          <div className="govuk-button-group">
            <Button name="intent" value="preview">
              Preview
            </Button>
            <Button secondary name="intent" value="save">
              Save as draft
            </Button>
          </div>
        </Form>
      </PageColumn>
    </>
  );
}
