import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form } from '@remix-run/react';
import { Button, TextInput, fieldOf } from '~/components/form-fields';
import { codeSchema } from '~/models/staff/staff-schemas';
import { checkStaffCode } from '~/models/staff/staff-sign-in.server';
import { rememberStaffDevice, staffDeviceCookie } from '~/utils/staff-device-cookie.server';
import { readForm, replyWithErrors } from '~/utils/form.server';
import { createStaffSession, getStaffSession } from '~/utils/staff-session.server';
import { PageColumn, useFormErrors } from '~/components/page';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Enter your code' };

async function requirePasswordStage(request: Request) {
  const session = await getStaffSession(request);
  if (!session || session.stage !== 'password') throw redirect('/staff/sign-in');
  return session;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePasswordStage(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requirePasswordStage(request);
  const submission = parseWithZod(await readForm(request), { schema: codeSchema });
  if (submission.status !== 'success') return data(replyWithErrors(submission, { hideFields: ['code'] }), { status: 400 });
  const result = await checkStaffCode(session.user.id, submission.value.code, context.clientAddress ?? 'unknown', await staffDeviceCookie.read(request));
  if (!result.ok) {
    const message =
      result.reason === 'locked-account'
        ? 'Too many wrong codes. Wait 15 minutes, or ask a manager to lift the lock'
        : 'The code is not right, or it has been used already. Wait for a new code and try again';
    return data(replyWithErrors(submission, { fieldErrors: { code: [message] }, hideFields: ['code'] }), { status: result.reason === 'wrong' ? 401 : 429 });
  }
  // This browser is now a device they have signed in on: its tries count on their own (decision 023).
  const headers = new Headers({ 'Set-Cookie': await createStaffSession(session.user.id, 'full', request) });
  headers.append('Set-Cookie', await rememberStaffDevice(request, session.user.id));
  return redirect('/staff/cases', { headers });
}

export default function StaffCode() {
  const errors = useFormErrors();
  return (
    <PageColumn errors={errors}>
      <Form method="post" noValidate>
        <TextInput
          {...fieldOf(errors, 'code')}
          label="Enter the code from your authenticator app"
          isPageHeading
          hint="It is 6 digits, like 123 456"
          width="5"
          inputMode="numeric"
          autoComplete="one-time-code"
          spellCheck={false}
        />
        <Button>Sign in</Button>
      </Form>
    </PageColumn>
  );
}
