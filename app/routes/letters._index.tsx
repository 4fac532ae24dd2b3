// Letter exchange: sign in with the participant reference and your own passphrase.
import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { Button, TextInput, fieldOf } from '~/components/form-fields';
import { memberSignInSchema } from '~/models/letters/letter-schemas';
import { signInWithPassphrase } from '~/models/referrals/sign-in.server';
import { readForm, replyWithErrors } from '~/utils/form.server';
import { participantSessions } from '~/utils/session.server';
import { PageColumn } from '~/components/page';
import { SIGN_IN_MESSAGES } from '~/models/referrals/sign-in-messages';
import { ParticipantReferenceInput } from '~/components/letters';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Your letters' };

export async function loader({ request }: LoaderFunctionArgs) {
  if (await participantSessions.get(request)) throw redirect('/letters/home');
  return { signedOut: new URL(request.url).searchParams.get('signedOut') === '1' };
}

const MESSAGES = SIGN_IN_MESSAGES.letters;

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: memberSignInSchema });
  if (submission.status !== 'success') return data(replyWithErrors(submission, { hideFields: ['passphrase'] }), { status: 400 });
  const r = await signInWithPassphrase('member', submission.value.reference, submission.value.passphrase, context.clientAddress ?? 'unknown');
  if (!r.ok)
    return data(replyWithErrors(submission, { fieldErrors: { reference: [MESSAGES[r.reason]] }, hideFields: ['passphrase'] }), {
      status: r.reason === 'wrong' ? 401 : 429,
    });
  return redirect('/letters/home', { headers: { 'Set-Cookie': await participantSessions.create(r.id) } });
}

export default function LettersSignIn() {
  const { signedOut } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.error ?? undefined;
  return (
    <PageColumn errors={errors}>
      {signedOut && !result ? <div className="govuk-inset-text">You are signed out. Sign in again to carry on.</div> : null}
      <h1 className="govuk-heading-l">Your letters</h1>
      <p className="govuk-body">Sign in with the reference your facilitator gave you and the passphrase you chose.</p>
      <Form method="post" noValidate autoComplete="off">
        <ParticipantReferenceInput defaultValue={(result?.initialValue as { reference?: string } | undefined)?.reference} error={errors?.reference?.[0]} />
        <TextInput {...fieldOf(errors, 'passphrase')} label="Passphrase" spellCheck={false} secret />
        <Button>Sign in</Button>
      </Form>
      <p className="govuk-body">
        First time here?{' '}
        <Link className="govuk-link" to="/letters/set-up">
          Use your set-up code
        </Link>
        .
      </p>
    </PageColumn>
  );
}
