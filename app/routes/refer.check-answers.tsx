// "Check your answers": every answer with a Change link, a declaration, and the submit.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { Button, Choices } from '~/components/form-fields';
import { BackLink, SummaryList, type SummaryRow, PageColumn } from '~/components/page';
import { describeAnswers } from '~/models/referrals/referral-summary';
import { REFERRAL_STEP_LIST, type StepSlug } from '~/data/referral-options';
import { getDraftAnswers, submitDraft } from '~/models/referrals/referral.server';
import { areaOptions } from '~/models/reports/report-categories.server';
import { readDraftToken } from '~/utils/draft-cookie.server';
import { readForm } from '~/utils/form.server';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Check your answers before sending' };

export async function loader({ request }: LoaderFunctionArgs) {
  const { answers, submitted } = getDraftAnswers(await readDraftToken(request));
  if (submitted) throw redirect('/refer/confirmation');
  return { rows: describeAnswers(answers, areaOptions()) };
}

const MISSING_MESSAGE = (slug: StepSlug) => `Answer the question ‘${REFERRAL_STEP_LIST.find((s) => s.slug === slug)!.title}’`;

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  if (form.get('declaration') !== 'agreed') {
    return data({ status: 'error' as const, error: { declaration: ['Confirm that what you told us is true to the best of your knowledge'] } }, { status: 400 });
  }
  const result = await submitDraft(await readDraftToken(request));
  if (result.status === 'no-draft') {
    return data({ status: 'error' as const, error: { '': ['Your answers have expired. Start again: it takes about 5 minutes.'] } }, { status: 400 });
  }
  if (result.status === 'incomplete') {
    const error = Object.fromEntries(result.missing.map((slug) => [`/refer/${slug}?change=1`, [MISSING_MESSAGE(slug)]]));
    return data({ status: 'error' as const, error }, { status: 400 });
  }
  return redirect('/refer/confirmation');
}

export default function CheckAnswers() {
  const { rows } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.error as Record<string, string[]> | undefined;
  const summary: SummaryRow[] = rows.map((r) => ({
    key: r.question,
    value: r.answer ? (
      <span className="app-pre-wrap">{r.answer}</span>
    ) : r.required ? (
      <strong className="govuk-tag govuk-tag--red">Not answered</strong>
    ) : (
      'Not given'
    ),
    change: { href: `/refer/${r.slug}?change=1`, label: r.question.toLowerCase() },
  }));
  return (
    <>
      <BackLink to={`/refer/${REFERRAL_STEP_LIST[REFERRAL_STEP_LIST.length - 1]!.slug}`} />
      <PageColumn errors={errors}>
        <h1 className="govuk-heading-l">Check your answers before sending</h1>
        <SummaryList rows={summary} />
        <Form method="post" noValidate autoComplete="off">
          <h2 className="govuk-heading-m">Now send your referral</h2>
          <Choices
            kind="checkboxes"
            name="declaration"
            legend={{ text: 'Declaration', size: 'm' }}
            hint="We use what you told us only to offer you restorative justice. We keep it safe and do not share it without asking you, unless someone is at risk of serious harm."
            items={[{ value: 'agreed', label: 'What I have told you is true, as far as I know' }]}
            error={errors?.declaration?.[0]}
          />
          <Button>Send referral</Button>
        </Form>
      </PageColumn>
    </>
  );
}
