// Second step of set-up (and first sign-in without one): enrol an authenticator app.
import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Button, TextInput, fieldOf } from '~/components/form-fields';
import { codeSchema } from '~/models/staff/staff-schemas';
import { getEnrolment } from '~/models/staff/staff.server';
import { checkStaffCode } from '~/models/staff/staff-sign-in.server';
import { rememberStaffDevice } from '~/utils/staff-device-cookie.server';
import { readForm, replyWithErrors } from '~/utils/form.server';
import { createStaffSession, getStaffSession } from '~/utils/staff-session.server';
import { PageColumn, useFormErrors } from '~/components/page';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Set up your authenticator app' };

async function requireEnrolling(request: Request) {
  const session = await getStaffSession(request);
  if (!session || session.stage !== 'password') throw redirect('/staff/sign-in');
  const enrolment = await getEnrolment(session.user.id);
  if (!enrolment) throw redirect('/staff/sign-in/code');
  return { session, enrolment };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { enrolment } = await requireEnrolling(request);
  return enrolment;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { session } = await requireEnrolling(request);
  const submission = parseWithZod(await readForm(request), { schema: codeSchema });
  if (submission.status !== 'success') return data(replyWithErrors(submission, { hideFields: ['code'] }), { status: 400 });
  const result = await checkStaffCode(session.user.id, submission.value.code, context.clientAddress ?? 'unknown');
  if (!result.ok) {
    return data(
      replyWithErrors(submission, {
        fieldErrors: { code: ['The code is not right. Check the app shows this service, wait for a new code and try again'] },
        hideFields: ['code'],
      }),
      {
        status: result.reason === 'wrong' ? 401 : 429,
      },
    );
  }
  const headers = new Headers({ 'Set-Cookie': await createStaffSession(session.user.id, 'full', request) });
  headers.append('Set-Cookie', await rememberStaffDevice(request, session.user.id));
  return redirect('/staff/cases', { headers });
}

export default function Authenticator() {
  const { svg, key } = useLoaderData<typeof loader>();
  const errors = useFormErrors();
  return (
    <PageColumn errors={errors}>
      <h1 className="govuk-heading-l">Set up your authenticator app</h1>
      <ol className="govuk-list govuk-list--number">
        <li>Open an authenticator app on your phone, such as Microsoft Authenticator or Google Authenticator.</li>
        <li>Add an account and scan this QR code.</li>
      </ol>
      <div className="app-qr" role="img" aria-label="QR code for your authenticator app" dangerouslySetInnerHTML={{ __html: svg }} />
      <p className="govuk-body">If you cannot scan it, type this key into the app instead:</p>
      <p className="govuk-body">
        <code id="totp-key" className="app-passphrase">
          {key}
        </code>
      </p>
      <Form method="post" noValidate>
        <TextInput
          {...fieldOf(errors, 'code')}
          label="Enter the 6-digit code the app shows"
          width="5"
          inputMode="numeric"
          autoComplete="one-time-code"
          spellCheck={false}
        />
        <Button>Finish set-up</Button>
      </Form>
    </PageColumn>
  );
}
