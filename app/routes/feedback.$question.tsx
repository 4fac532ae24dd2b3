// One question of the survey. Every question may be skipped; the answers so far live only
// in the sealed survey cookie until the last page sends them, once, without any link to
// the person or the case.
import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { BackLink, PageColumn } from '~/components/page';
import { Button, Choices, Textarea, firstError, type FieldErrors } from '~/components/form-fields';
import { allAnswersSchema, answerSchema, FEEDBACK_QUESTIONS, questionAfter, questionBefore, type FeedbackAnswers } from '~/models/feedback/feedback';
import { submitFeedback } from '~/models/feedback/feedback.server';
import { clearFeedback, readFeedback, writeFeedback } from '~/utils/feedback-cookie.server';
import { readForm, replyWithErrors } from '~/utils/form.server';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: (d) => (d as { title: string }).title };

function questionOf(params: LoaderFunctionArgs['params']) {
  const i = FEEDBACK_QUESTIONS.findIndex((q) => q.slug === params.question);
  if (i === -1) throw data('Not found', { status: 404 });
  return { q: FEEDBACK_QUESTIONS[i]!, n: i + 1 };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { q, n } = questionOf(params);
  const f = await readFeedback(request);
  if (!f) throw redirect('/feedback');
  const before = questionBefore(q.slug);
  return {
    slug: q.slug,
    field: q.field,
    title: q.title,
    options: q.options,
    n,
    of: FEEDBACK_QUESTIONS.length,
    value: f.answers[q.field] ?? null,
    back: before ? `/feedback/${before}` : null,
    last: !questionAfter(q.slug),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { q } = questionOf(params);
  const f = await readFeedback(request);
  if (!f) throw redirect('/feedback');
  const submission = parseWithZod(await readForm(request), { schema: answerSchema(q) });
  if (submission.status !== 'success') return data(replyWithErrors(submission), { status: 400 });
  const answers: FeedbackAnswers = { ...f.answers, [q.field]: (submission.value as FeedbackAnswers)[q.field] };
  if (answers[q.field] === undefined) delete answers[q.field];
  const next = questionAfter(q.slug);
  if (next) return redirect(`/feedback/${next}`, { headers: { 'Set-Cookie': await writeFeedback({ invitationId: f.invitationId, answers }) } });
  // The last page: check everything again, save once, forget the cookie.
  const all = allAnswersSchema.safeParse(answers);
  const saved = all.success && submitFeedback(f.invitationId, all.data as FeedbackAnswers);
  return redirect(saved ? '/feedback/thanks' : '/feedback', { headers: { 'Set-Cookie': await clearFeedback() } });
}

export default function FeedbackQuestion() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: FieldErrors = result?.error ?? undefined;
  return (
    <>
      {d.back ? <BackLink to={d.back} /> : null}
      <PageColumn errors={errors}>
        <span className="govuk-caption-l">{`Question ${d.n} of ${d.of}`}</span>
        <Form method="post" noValidate key={d.slug} autoComplete="off">
          {d.options ? (
            <Choices
              kind="radios"
              name={d.field}
              legend={{ text: d.title, isPageHeading: true }}
              hint="You can skip this question."
              items={d.options.map(([value, label]) => ({ value, label }))}
              selected={d.value ?? undefined}
              error={firstError(errors, d.field)}
            />
          ) : (
            <Textarea
              name={d.field}
              label={d.title}
              isPageHeading
              hint="Optional. Please do not include names or anything that would say who you are."
              rows={6}
              maxLength={1000}
              defaultValue={d.value ?? undefined}
              error={firstError(errors, d.field)}
            />
          )}
          <Button>{d.last ? 'Send your answers' : 'Continue'}</Button>
        </Form>
      </PageColumn>
    </>
  );
}
