// One of the optional equality questions. Every one may be skipped; the answers so far live
// only in the sealed cookie until the last page saves them once, apart from any case or person.
import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { BackLink, PageColumn } from '~/components/page';
import { Button, Choices, firstError, type FieldErrors } from '~/components/form-fields';
import { EQUALITY_QUESTIONS } from '~/data/equality';
import { equalityAnswerSchema, submitEquality, type EqualityAnswers } from '~/models/feedback/equality.server';
import { equalityCookie } from '~/utils/equality-cookie.server';
import { readForm, replyWithErrors } from '~/utils/form.server';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: (d) => (d as { title: string }).title };

function questionOf(params: LoaderFunctionArgs['params']) {
  const i = EQUALITY_QUESTIONS.findIndex((q) => q.slug === params.question);
  if (i === -1) throw data('Not found', { status: 404 });
  return { q: EQUALITY_QUESTIONS[i]!, n: i };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { q, n } = questionOf(params);
  const f = await equalityCookie.read(request);
  if (!f) throw redirect('/equality');
  return {
    slug: q.slug,
    field: q.field,
    title: q.title,
    options: q.options,
    n: n + 1,
    of: EQUALITY_QUESTIONS.length,
    value: f.answers[q.field] ?? null,
    back: n > 0 ? `/equality/${EQUALITY_QUESTIONS[n - 1]!.slug}` : null,
    last: n === EQUALITY_QUESTIONS.length - 1,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { q, n } = questionOf(params);
  const f = await equalityCookie.read(request);
  if (!f) throw redirect('/equality');
  const submission = parseWithZod(await readForm(request), { schema: equalityAnswerSchema(q) });
  if (submission.status !== 'success') return data(replyWithErrors(submission), { status: 400 });
  const answers: Record<string, string> = { ...f.answers };
  const value = (submission.value as Record<string, string | undefined>)[q.field];
  if (value === undefined) delete answers[q.field];
  else answers[q.field] = value;
  const next = EQUALITY_QUESTIONS[n + 1];
  if (next) return redirect(`/equality/${next.slug}`, { headers: { 'Set-Cookie': await equalityCookie.write({ invitationId: f.invitationId, answers }) } });
  // The last page: save once (the model checks every answer again), forget the cookie.
  const saved = submitEquality(f.invitationId, answers as EqualityAnswers);
  return redirect(saved ? '/equality/thanks' : '/equality', { headers: { 'Set-Cookie': await equalityCookie.clear() } });
}

export default function EqualityQuestion() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: FieldErrors = result?.error ?? undefined;
  return (
    <>
      {d.back ? <BackLink to={d.back} /> : null}
      <PageColumn errors={errors}>
        <span className="govuk-caption-l">{`Question ${d.n} of ${d.of}`}</span>
        <Form method="post" noValidate key={d.slug} autoComplete="off">
          <Choices
            kind="radios"
            name={d.field}
            legend={{ text: d.title, isPageHeading: true }}
            hint="You can skip this question."
            items={d.options.map(([value, label]) => ({ value, label }))}
            selected={d.value ?? undefined}
            error={firstError(errors, d.field)}
          />
          <Button>{d.last ? 'Send your answers' : 'Continue'}</Button>
        </Form>
      </PageColumn>
    </>
  );
}
