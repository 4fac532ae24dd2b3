// The public complaint form: no account, contact details only if a reply is wanted, and a
// referral reference if the person has one. One page that works without JavaScript.
import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useRouteLoaderData } from '@remix-run/react';
import { Button, Choices, firstError, Textarea, TextInput } from '~/components/form-fields';
import { PageColumn } from '~/components/page';
import { submitComplaint } from '~/models/complaints/complaints.server';
import { complaintSchema } from '~/models/data-protection/data-protection-schemas';
import type { loader as rootLoader, RouteHandle } from '~/root';
import { complaintDoneCookie } from '~/utils/complaint-cookie.server';
import { issueFormKey } from '~/utils/form-key.server';
import { readForm, replyWithErrors } from '~/utils/form.server';

export const handle: RouteHandle = { title: 'Make a complaint' };

export async function loader(_: LoaderFunctionArgs) {
  return { submissionKey: issueFormKey() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: complaintSchema });
  if (submission.status !== 'success') return data(replyWithErrors(submission), { status: 400 });
  const result = submitComplaint(submission.value, context.clientAddress ?? 'unknown');
  if (!result.ok) {
    const message =
      result.error === 'bad-key' ? 'Reload the page and try again' : 'We have had a lot of complaints from you just now. Wait 15 minutes, or phone us';
    return data(replyWithErrors(submission, { fieldErrors: { submissionKey: [message] } }), { status: result.error === 'bad-key' ? 400 : 429 });
  }
  const { ok: _ok, ...sent } = result;
  return redirect('/complaint/sent', { headers: { 'Set-Cookie': await complaintDoneCookie.write(sent) } });
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

export default function Complaint() {
  const { submissionKey } = useLoaderData<typeof loader>();
  const root = useRouteLoaderData<typeof rootLoader>('root');
  const result = useActionData<typeof action>();
  const errors = result?.error ?? undefined;
  const v = (result?.initialValue ?? {}) as Record<string, unknown>;
  const f = (name: string) => ({ name, defaultValue: str(v[name]), error: firstError(errors, name) });
  return (
    <PageColumn errors={errors} order={['submissionKey', 'body', 'name', 'referralReference', 'reply', 'email', 'phone']}>
      <h1 className="govuk-heading-l">Make a complaint</h1>
      <p className="govuk-body">Tell us if we got something wrong. You do not have to give your name.</p>
      <p className="govuk-body">A complaint will not change the help you get from us.</p>
      <p className="govuk-body">You can also phone us on {root?.servicePhone}.</p>
      <Form method="post" noValidate autoComplete="off">
        <input type="hidden" name="submissionKey" value={str(v.submissionKey) ?? submissionKey} />
        <Textarea {...f('body')} label="What is your complaint?" labelSize="m" hint="Tell us what went wrong, and when." rows={8} maxLength={5000} />
        <TextInput {...f('name')} label="Your name (optional)" />
        <TextInput
          {...f('referralReference')}
          label="Your reference (optional)"
          hint="If you have been referred to us, your reference starts with RJ. It helps us find your case."
          width="10"
          spellCheck={false}
        />
        <Choices
          kind="radios"
          name="reply"
          legend={{ text: 'Do you want us to reply?', size: 'm' }}
          items={[
            {
              value: 'email',
              label: 'Yes, by email',
              conditional: <TextInput {...f('email')} label="Email address" type="email" spellCheck={false} />,
            },
            {
              value: 'phone',
              label: 'Yes, by phone',
              conditional: <TextInput {...f('phone')} label="Phone number" type="tel" width="20" />,
            },
            { value: 'none', label: 'No, I do not want a reply' },
          ]}
          selected={str(v.reply)}
          error={firstError(errors, 'reply')}
        />
        <Button>Send complaint</Button>
      </Form>
    </PageColumn>
  );
}
