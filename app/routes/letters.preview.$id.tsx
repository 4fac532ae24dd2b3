// The letter as written, before it goes to the facilitator.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { Button } from '~/components/form-fields';
import { BackLink, PlainText, PageColumn } from '~/components/page';
import { getOwnLetter } from '~/models/letters/reading.server';
import { submitLetter } from '~/models/letters/writing.server';
import { readForm } from '~/utils/form.server';
import { idParam } from '~/utils/params.server';
import { participantSessions } from '~/utils/session.server';
import { authorMayEdit } from '~/models/states';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Check your letter' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const memberId = await participantSessions.require(request);
  const own = getOwnLetter(memberId, idParam(params.id));
  if (!own || !authorMayEdit(own.status)) throw data('Not found', { status: 404 });
  return { id: own.id, body: own.draftBody };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const memberId = await participantSessions.require(request);
  await readForm(request);
  const r = submitLetter(memberId, idParam(params.id));
  if (!r.ok && r.error === 'not-found') throw data('Not found', { status: 404 });
  return redirect(r.ok ? '/letters/home?sent=1' : '/letters/home');
}

export default function Preview() {
  const { id, body } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to={`/letters/write?letter=${id}`} />
      <PageColumn>
        <h1 className="govuk-heading-l">Check your letter</h1>
        <div className="app-letter">
          <PlainText text={body} />
        </div>
        <p className="govuk-body">
          When you send it, your facilitator reads it. They may pass it on, remove some parts, or send it back to you with a comment.
        </p>
        <Form method="post" autoComplete="off">
          <Button>Send to my facilitator</Button>
        </Form>
        <p className="govuk-body">
          <Link className="govuk-link" to={`/letters/write?letter=${id}`}>
            Change the letter
          </Link>
        </p>
      </PageColumn>
    </>
  );
}
