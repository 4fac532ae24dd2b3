// First step of a new (or reset) account: choose a password, from the one-time link.
import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Button, TextInput, fieldOf } from '~/components/form-fields';
import { newPasswordSchema } from '~/models/staff/staff-schemas';
import { completePasswordSetUp, findBySetUpToken } from '~/models/staff/staff.server';
import { readForm, replyWithErrors } from '~/utils/form.server';
import { createStaffSession } from '~/utils/staff-session.server';
import { staffSetUpCookie } from '~/utils/set-up-cookie.server';
import { PageColumn, useFormErrors } from '~/components/page';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Set up your account' };

/** The link's token: from the address the first time, then from the sealed cookie it was moved into. */
const tokenOf = async (request: Request) => new URL(request.url).searchParams.get('token') ?? (await staffSetUpCookie.read(request)) ?? '';

export async function loader({ request }: LoaderFunctionArgs) {
  const inAddress = new URL(request.url).searchParams.get('token');
  const token = await tokenOf(request);
  const user = findBySetUpToken(token);
  if (!user) throw data('This set-up link has expired or has been used', { status: 404 });
  // Out of the address bar (and the history) at once.
  if (inAddress !== null) throw redirect('/staff/set-up', { status: 303, headers: { 'Set-Cookie': await staffSetUpCookie.write(token) } });
  return { name: user.name };
}

export async function action({ request }: ActionFunctionArgs) {
  const token = await tokenOf(request);
  if (!findBySetUpToken(token)) throw data('This set-up link has expired or has been used', { status: 404 });
  const submission = parseWithZod(await readForm(request), { schema: newPasswordSchema });
  if (submission.status !== 'success') return data(replyWithErrors(submission, { hideFields: ['password', 'confirm'] }), { status: 400 });
  const staffUserId = await completePasswordSetUp(token, submission.value.password);
  if (!staffUserId) throw data('This set-up link has expired or has been used', { status: 404 });
  const headers = new Headers({ 'Set-Cookie': await createStaffSession(staffUserId, 'password', request) });
  headers.append('Set-Cookie', await staffSetUpCookie.clear());
  return redirect('/staff/set-up/authenticator', { headers });
}

export default function SetUp() {
  const { name } = useLoaderData<typeof loader>();
  const errors = useFormErrors();
  return (
    <PageColumn errors={errors}>
      <h1 className="govuk-heading-l">Set up your account</h1>
      <p className="govuk-body">Hello {name}. Choose a password, then set up an authenticator app on your phone.</p>
      <Form method="post" noValidate>
        <TextInput
          {...fieldOf(errors, 'password')}
          label="Choose a password"
          hint="At least 12 characters. A few unrelated words make a strong, memorable password."
          type="password"
          autoComplete="new-password"
          width="two-thirds"
        />
        <TextInput {...fieldOf(errors, 'confirm')} label="Type it again" type="password" autoComplete="new-password" width="two-thirds" />
        <Button>Continue</Button>
      </Form>
    </PageColumn>
  );
}
