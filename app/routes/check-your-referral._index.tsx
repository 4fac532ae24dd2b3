// Sign in with reference + passphrase. The error never says which of the two was wrong.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { parseWithZod } from '@conform-to/zod/v4';
import { Button, TextInput, fieldOf } from '~/components/form-fields';
import { signInReferrer } from '~/models/referrals/sign-in.server';
import { readForm, replyWithErrors } from '~/utils/form.server';
import { createReferrerSession, getReferrerSession } from '~/utils/session.server';
import { PageColumn } from '~/components/page';
import { SIGN_IN_MESSAGES } from '~/models/referrals/sign-in-messages';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Check your referral' };

export const signInSchema = z.object({
  reference: z.string({ error: 'Enter your reference' }).trim().min(1, 'Enter your reference').max(40, 'Enter your reference, like RJ-7K4M-Q2XP'),
  passphrase: z.string({ error: 'Enter your passphrase' }).trim().min(1, 'Enter your passphrase').max(300, 'Enter your passphrase: 7 words'),
});

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getReferrerSession(request)) throw redirect('/check-your-referral/status');
  const signedOut = new URL(request.url).searchParams.get('signedOut') === '1';
  return { signedOut };
}

const MESSAGES = SIGN_IN_MESSAGES.referral;

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: signInSchema });
  if (submission.status !== 'success') return data(replyWithErrors(submission, { hideFields: ['passphrase'] }), { status: 400 });
  const address = typeof context.clientAddress === 'string' ? context.clientAddress : 'unknown';
  const result = await signInReferrer(submission.value.reference, submission.value.passphrase, address);
  if (!result.ok) {
    return data(replyWithErrors(submission, { fieldErrors: { reference: [MESSAGES[result.reason]] }, hideFields: ['passphrase'] }), {
      status: result.reason === 'wrong' ? 401 : 429,
    });
  }
  return redirect('/check-your-referral/status', { headers: { 'Set-Cookie': await createReferrerSession(result.referralId) } });
}

export default function SignIn() {
  const { signedOut } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.error ?? undefined;
  const reference = (result?.initialValue as { reference?: string } | undefined)?.reference;
  return (
    <PageColumn errors={errors}>
      {signedOut && !result ? <div className="govuk-inset-text">You are signed out. Sign in again to carry on.</div> : null}
      <h1 className="govuk-heading-l">Check your referral</h1>
      <p className="govuk-body">Use the reference and secret passphrase you were given when you referred yourself.</p>
      <Form method="post" noValidate autoComplete="off">
        <TextInput
          {...fieldOf(errors, 'reference')}
          label="Reference"
          hint="For example, RJ-7K4M-Q2XP"
          width="10"
          spellCheck={false}
          defaultValue={reference}
        />
        <TextInput {...fieldOf(errors, 'passphrase')} label="Passphrase" hint="7 words, with spaces between them" spellCheck={false} secret />
        <Button>Sign in</Button>
      </Form>
      <h2 className="govuk-heading-s">If you lost your passphrase</h2>
      <p className="govuk-body">Call us on the number at the bottom of this page. We will check who you are before we help.</p>
    </PageColumn>
  );
}
