// Managers: "you said, we did". What the service changed because of feedback or complaints,
// in words that name no one; published entries show on the public page.
import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { Button, Choices, Textarea, TextInput, fieldOf, type FieldErrors } from '~/components/form-fields';
import { PageColumn } from '~/components/page';
import { StaffForm } from '~/components/staff';
import { pastDate } from '~/models/cases/case-schemas';
import { requiredText } from '~/models/message-schema';
import { addServiceChange, listServiceChanges, setServiceChangePublished } from '~/models/feedback/service-changes.server';
import { formatDay, ukIsoDay } from '~/utils/dates';
import { replyWithErrors } from '~/utils/form.server';
import { requireStaff, requireStaffForm } from '~/utils/staff-session.server';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'You said, we did' };

const SOURCES = [
  ['feedback', 'Feedback from people who took part'],
  ['complaints', 'Complaints'],
  ['both', 'Both'],
] as const;

const actionSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({
      intent: z.literal('add'),
      youSaid: requiredText('What people told us', 500, 'Enter what people told us'),
      weDid: requiredText('What we changed', 500, 'Enter what we changed'),
      source: z.enum(['feedback', 'complaints', 'both'], { error: 'Select where it came from' }),
      changedOn: pastDate('Enter the date of the change'),
      published: z.enum(['yes', 'no'], { error: 'Select whether to publish it' }),
    }),
    z.object({
      intent: z.enum(['publish', 'withdraw']),
      id: z.coerce
        .number({ error: 'Reload the page and try again' })
        .int('Reload the page and try again')
        .positive('Reload the page and try again')
        .max(Number.MAX_SAFE_INTEGER, 'Reload the page and try again'),
    }),
  ],
  { error: 'Reload the page and try again' },
);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'manager');
  return { today: ukIsoDay(new Date()), changes: listServiceChanges().map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { session, form } = await requireStaffForm(request, 'manager');
  const submission = parseWithZod(form, { schema: actionSchema });
  if (submission.status !== 'success') return data(replyWithErrors(submission), { status: 400 });
  const v = submission.value;
  if (v.intent === 'add') {
    const r = addServiceChange(session.user, { ...v, published: v.published === 'yes' });
    if (!r.ok) return data(replyWithErrors(submission, { fieldErrors: { [r.field]: [r.message] } }), { status: 400 });
  } else if (!setServiceChangePublished(session.user, v.id, v.intent === 'publish')) throw data('Not found', { status: 404 });
  return redirect('/staff/you-said-we-did');
}

export default function YouSaidWeDidStaff() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: FieldErrors = result?.error ?? undefined;
  return (
    <PageColumn errors={errors}>
      <h1 className="govuk-heading-l">You said, we did</h1>
      <p className="govuk-body">
        What we changed because of feedback or complaints. Published entries show on the{' '}
        <Link className="govuk-link" to="/you-said-we-did">
          public page
        </Link>
        . Write them so that no one could be recognised: no names, places, dates of events or references.
      </p>
      {d.changes.length === 0 ? <p className="govuk-body">Nothing recorded yet.</p> : null}
      <ul className="govuk-list" id="changes">
        {d.changes.map((c) => (
          <li key={c.id} className="app-message">
            <p className="govuk-body govuk-!-margin-bottom-1">
              <strong>{formatDay(c.changedOn)}</strong>{' '}
              {c.published ? (
                <strong className="govuk-tag govuk-tag--green">Published</strong>
              ) : (
                <strong className="govuk-tag govuk-tag--grey">Not published</strong>
              )}
            </p>
            <p className="govuk-body app-pre-wrap">{`You said: ${c.youSaid}`}</p>
            <p className="govuk-body app-pre-wrap">{`We did: ${c.weDid}`}</p>
            <StaffForm intent={c.published ? 'withdraw' : 'publish'}>
              <input type="hidden" name="id" value={c.id} />
              <Button secondary>{c.published ? 'Take it off the public page' : 'Publish it'}</Button>
            </StaffForm>
          </li>
        ))}
      </ul>
      <h2 className="govuk-heading-m">Record a change</h2>
      <StaffForm intent="add">
        <Textarea
          {...fieldOf(errors, 'youSaid')}
          label="What people told us"
          hint="In general terms, for example ‘the letters took too long to reach me’."
          rows={3}
          maxLength={500}
        />
        <Textarea {...fieldOf(errors, 'weDid')} label="What we changed" rows={3} maxLength={500} />
        <Choices
          kind="radios"
          name="source"
          legend={{ text: 'Where it came from', size: 's' }}
          items={SOURCES.map(([value, label]) => ({ value, label }))}
          error={errors?.source?.[0]}
          small
        />
        <TextInput {...fieldOf(errors, 'changedOn')} label="When we made the change" type="date" width="10" defaultValue={d.today} />
        <Choices
          kind="radios"
          name="published"
          legend={{ text: 'Publish it on the public page now?', size: 's' }}
          items={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No, keep it here for now' },
          ]}
          error={errors?.published?.[0]}
          small
        />
        <Button>Record the change</Button>
      </StaffForm>
    </PageColumn>
  );
}
