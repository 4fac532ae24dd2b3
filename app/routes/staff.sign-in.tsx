import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData } from '@remix-run/react';
import { Button, TextInput, fieldOf } from '~/components/form-fields';
import { signInSchema } from '~/models/staff/staff-schemas';
import { checkStaffPassword } from '~/models/staff/staff-sign-in.server';
import { staffDeviceCookie } from '~/utils/staff-device-cookie.server';
import { readForm, replyWithErrors } from '~/utils/form.server';
import { createStaffSession, getStaffSession } from '~/utils/staff-session.server';
import { PageColumn } from '~/components/page';
import { SIGN_IN_MESSAGES } from '~/models/referrals/sign-in-messages';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Sign in to the staff workspace' };

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getStaffSession(request);
  if (session?.stage === 'full') throw redirect('/staff/cases');
  return null;
}

const MESSAGES = SIGN_IN_MESSAGES.staff;

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: signInSchema });
  if (submission.status !== 'success') return data(replyWithErrors(submission, { hideFields: ['password'] }), { status: 400 });
  const device = await staffDeviceCookie.read(request);
  const result = await checkStaffPassword(submission.value.email, submission.value.password, context.clientAddress ?? 'unknown', device);
  if (!result.ok) {
    return data(replyWithErrors(submission, { fieldErrors: { email: [MESSAGES[result.reason]] }, hideFields: ['password'] }), {
      status: result.reason === 'wrong' ? 401 : 429,
    });
  }
  const cookie = await createStaffSession(result.staffUserId, 'password', request);
  return redirect(result.enrolled ? '/staff/sign-in/code' : '/staff/set-up/authenticator', { headers: { 'Set-Cookie': cookie } });
}

export default function StaffSignIn() {
  const result = useActionData<typeof action>();
  const errors = result?.error ?? undefined;
  const email = (result?.initialValue as { email?: string } | undefined)?.email;
  return (
    <PageColumn errors={errors}>
      <h1 className="govuk-heading-l">Sign in to the staff workspace</h1>
      <Form method="post" noValidate>
        <TextInput {...fieldOf(errors, 'email')} label="Work email address" type="email" autoComplete="username" spellCheck={false} defaultValue={email} />
        <TextInput {...fieldOf(errors, 'password')} label="Password" type="password" autoComplete="current-password" spellCheck={false} width="two-thirds" />
        <Button>Continue</Button>
      </Form>
    </PageColumn>
  );
}
