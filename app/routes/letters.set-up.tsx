// First sign-in to the letter exchange: the reference and one-time code from the
// facilitator, then a passphrase of the person's own choosing.
import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { Button, TextInput, fieldOf } from '~/components/form-fields';
import { memberSetUpSchema } from '~/models/letters/letter-schemas';
import { completeMemberSetUp, findMemberForSetUp } from '~/models/letters/exchange.server';
import { readForm, replyWithErrors } from '~/utils/form.server';
import { participantSessions } from '~/utils/session.server';
import { letterSetUpCookie } from '~/utils/set-up-cookie.server';
import { PageColumn } from '~/components/page';
import { SIGN_IN_MESSAGES } from '~/models/referrals/sign-in-messages';
import { ParticipantReferenceInput } from '~/components/letters';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Set up your letters' };

// An emailed invitation link fills in the reference and code: taken out of the address at
// once into a sealed cookie for this page, so the code never stays in the browser's history.
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const clip = (v: string | null, n: number) => (v ?? '').slice(0, n);
  if (url.searchParams.has('reference') || url.searchParams.has('code')) {
    const prefill = { reference: clip(url.searchParams.get('reference'), 40), code: clip(url.searchParams.get('code'), 20) };
    throw redirect('/letters/set-up', { status: 303, headers: { 'Set-Cookie': await letterSetUpCookie.write(prefill) } });
  }
  const prefill = await letterSetUpCookie.read(request);
  return { reference: clip(prefill?.reference ?? null, 40), code: clip(prefill?.code ?? null, 20) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: memberSetUpSchema });
  if (submission.status !== 'success') return data(replyWithErrors(submission, { hideFields: ['passphrase', 'confirm', 'setUpCode'] }), { status: 400 });
  const v = submission.value;
  const found = await findMemberForSetUp(v.reference, v.setUpCode, context.clientAddress ?? 'unknown');
  if (!found.ok) {
    const locked = found.reason !== 'wrong';
    return data(
      replyWithErrors(submission, {
        fieldErrors: {
          reference: [
            found.reason === 'wrong'
              ? 'The reference or set-up code is not right, or the code has expired. Ask your facilitator for a new one'
              : SIGN_IN_MESSAGES.letters[found.reason],
          ],
        },
        hideFields: ['passphrase', 'confirm', 'setUpCode'],
      }),
      { status: locked ? 429 : 401 },
    );
  }
  const { member } = found;
  await completeMemberSetUp(member.id, v.passphrase);
  const headers = new Headers({ 'Set-Cookie': await participantSessions.create(member.id) });
  headers.append('Set-Cookie', await letterSetUpCookie.clear());
  return redirect('/letters/home', { headers });
}

export default function MemberSetUp() {
  const prefill = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.error ?? undefined;
  return (
    <PageColumn errors={errors}>
      <h1 className="govuk-heading-l">Set up your letters</h1>
      <p className="govuk-body">Your facilitator gave you a reference and a set-up code. The code works once.</p>
      <Form method="post" noValidate autoComplete="off">
        <ParticipantReferenceInput
          defaultValue={(result?.initialValue as { reference?: string } | undefined)?.reference ?? prefill.reference}
          error={errors?.reference?.[0]}
        />
        <TextInput
          {...fieldOf(errors, 'setUpCode')}
          label="Set-up code"
          hint="For example, ABCD-EFGH"
          width="10"
          spellCheck={false}
          defaultValue={prefill.code}
        />
        <TextInput
          {...fieldOf(errors, 'passphrase')}
          label="Choose a passphrase"
          hint="At least 12 characters. A few words you will remember, that nobody could guess."
          spellCheck={false}
          secret
        />
        <TextInput {...fieldOf(errors, 'confirm')} label="Type your passphrase again" spellCheck={false} secret />
        <Button>Continue</Button>
      </Form>
    </PageColumn>
  );
}
