// One question of the self-referral. Which question comes from the URL; the questions,
// their order and their rules live in app/models/referral-questions.ts.
import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { Button } from '~/components/form-fields';
import { BackLink, PageColumn } from '~/components/page';
import { STEP_FIELDS } from '~/components/referral-steps';
import { findStep, stepAfter, stepBefore } from '~/models/referrals/referral-questions';
import { getDraftAnswers, saveDraftAnswer } from '~/models/referrals/referral.server';
import { areaOptions, isArea } from '~/models/reports/report-categories.server';
import { readDraftToken, serializeDraftToken } from '~/utils/draft-cookie.server';
import { env } from '~/utils/env.server';
import { readForm, replyWithErrors } from '~/utils/form.server';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: (d) => (d as { title: string }).title };

function stepFromParams(params: LoaderFunctionArgs['params']) {
  const step = findStep(params.step ?? '');
  if (!step) throw data('Not found', { status: 404 });
  return step;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const step = stepFromParams(params);
  const { answers, submitted } = getDraftAnswers(await readDraftToken(request));
  if (submitted) throw redirect('/refer/confirmation');
  const changing = new URL(request.url).searchParams.get('change') === '1';
  const before = stepBefore(step.slug);
  return {
    slug: step.slug,
    title: step.title,
    values: answers[step.slug] ?? {},
    back: changing ? '/refer/check-answers' : before ? `/refer/${before}` : '/refer',
    // The first question says how long an unfinished referral is kept.
    keptFor: before ? null : duration(env.DRAFT_IDLE_MINUTES),
    areas: step.slug === 'your-area' ? areaOptions() : [],
  };
}

/** 120 → "2 hours", 90 → "90 minutes". */
function duration(minutes: number): string {
  if (minutes % 60 !== 0) return `${minutes} minutes`;
  const hours = minutes / 60;
  return hours === 1 ? '1 hour' : `${hours} hours`;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const step = stepFromParams(params);
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: step.schema });
  if (submission.status !== 'success') {
    return data(replyWithErrors(submission), { status: 400 });
  }
  // The areas are data (report_categories): a code must be one offered now.
  const areaCode = (submission.value as { areaCode?: string }).areaCode;
  if (areaCode && !isArea(areaCode))
    return data(replyWithErrors(submission, { fieldErrors: { areaCode: ['Select an area from the list, or leave it blank'] } }), { status: 400 });
  const result = saveDraftAnswer(await readDraftToken(request), step.slug, submission.value as Record<string, unknown>);
  if (result.submitted) throw redirect('/refer/confirmation');
  const changing = new URL(request.url).searchParams.get('change') === '1';
  return redirect(changing ? '/refer/check-answers' : `/refer/${stepAfter(step.slug)}`, {
    headers: { 'Set-Cookie': await serializeDraftToken(result.token) },
  });
}

export default function ReferralStep() {
  const { slug, title, values, back, keptFor, areas } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const errors = lastResult?.error ?? undefined;
  // After a failed submit, show what was sent; otherwise what was saved.
  const shown = (lastResult?.initialValue as Record<string, unknown> | undefined) ?? values;
  const Fields = STEP_FIELDS[slug];
  return (
    <>
      <BackLink to={back} />
      <PageColumn errors={errors}>
        <span className="govuk-caption-l">Refer yourself</span>
        <Form method="post" noValidate key={slug} autoComplete="off">
          <Fields title={title} values={shown} errors={errors} areas={areas} />
          {keptFor ? (
            <p className="govuk-inset-text">
              {`Your answers are not saved on this device. If you stop for ${keptFor}, we delete them and you would need to start again. ‘Exit this page’ deletes them at once.`}
            </p>
          ) : null}
          <Button>Continue</Button>
        </Form>
      </PageColumn>
    </>
  );
}
