// The reference and passphrase, shown until the person shows they saved the passphrase
// by typing two of its words back. After that it cannot be shown again.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { Button, TextInput } from '~/components/form-fields';
import { WarningText, PageColumn } from '~/components/page';
import { endDraft, getConfirmation } from '~/models/referrals/referral.server';
import { normalisePassphrase } from '~/utils/passphrase.server';
import { clearDraftCookie, readDraftToken } from '~/utils/draft-cookie.server';
import { readForm } from '~/utils/form.server';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Your referral has been sent' };

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'];

export async function loader({ request }: LoaderFunctionArgs) {
  const confirmation = getConfirmation(await readDraftToken(request));
  if (!confirmation) throw redirect('/refer/sent');
  const { reference, words, ask } = confirmation;
  return { reference, words, ask: ask.map((i) => ({ name: `word${i + 1}`, label: `The ${ORDINALS[i]} word` })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const token = await readDraftToken(request);
  const confirmation = getConfirmation(token);
  if (!confirmation) return redirect('/refer/sent');
  const form = await readForm(request);
  const error: Record<string, string[]> = {};
  for (const i of confirmation.ask) {
    const name = `word${i + 1}`;
    const typed = form.get(name);
    const label = `the ${ORDINALS[i]} word`;
    if (typeof typed !== 'string' || !typed.trim()) error[name] = [`Enter ${label} of your passphrase`];
    else if (typed.length > 100 || normalisePassphrase(typed) !== confirmation.words[i])
      error[name] = [`That is not ${label}. Check your passphrase and try again`];
  }
  if (Object.keys(error).length) return data({ status: 'error' as const, error }, { status: 400 });
  endDraft(token);
  return redirect('/refer/sent', { headers: { 'Set-Cookie': await clearDraftCookie() } });
}

export default function Confirmation() {
  const { reference, words, ask } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && 'error' in result ? result.error : undefined;
  return (
    <PageColumn errors={errors}>
      <div className="govuk-panel govuk-panel--confirmation">
        <h1 className="govuk-panel__title">Referral sent</h1>
        <div className="govuk-panel__body">
          Your reference is
          <br />
          <strong>{reference}</strong>
        </div>
      </div>
      <h2 className="govuk-heading-m">Your secret passphrase</h2>
      <p className="govuk-body">You need your reference and this passphrase to check your referral and read our messages.</p>
      <p className="govuk-body app-passphrase" id="passphrase">
        {words.join(' ')}
      </p>
      <WarningText>We will only show it once. We cannot see it or send it to you again.</WarningText>
      <h2 className="govuk-heading-s">Keeping it safe</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>Write it down and keep it somewhere only you can find it, or save it in a password manager.</li>
        <li>Do not save it in a place that someone who harmed you could see, such as a shared phone or email account.</li>
        <li>If you lose it, call us on the number at the bottom of the page.</li>
      </ul>
      <Form method="post" noValidate autoComplete="off">
        <h2 className="govuk-heading-m">Check you have saved it</h2>
        <p className="govuk-body">Type 2 words from your passphrase.</p>
        {ask.map((f) => (
          <TextInput key={f.name} name={f.name} label={f.label} width="10" spellCheck={false} error={errors?.[f.name]?.[0]} />
        ))}
        <Button>I have saved it</Button>
      </Form>
    </PageColumn>
  );
}
