// Managers: staff accounts. Invite (a one-time set-up link), deactivate, reset, end sessions,
// and lift a sign-in lock (decision 023).
import { parseWithZod } from '@conform-to/zod/v4';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { Button, Choices, TextInput, fieldOf } from '~/components/form-fields';
import { ErrorSummary } from '~/components/error-summary';
import { CsrfInput, StaffForm } from '~/components/staff';
import { newStaffSchema } from '~/models/staff/staff-schemas';
import { createStaffUser, endSessionsOf, listStaff, resetStaffUser, setStaffActive, StaffError } from '~/models/staff/staff.server';
import { liftSignInLocks, signInFailuresOf } from '~/models/staff/staff-sign-in.server';
import { env } from '~/utils/env.server';
import { replyWithErrors } from '~/utils/form.server';
import { requireStaff, requireStaffForm } from '~/utils/staff-session.server';
import { SuccessBanner } from '~/components/page';
import { Table } from '~/components/table';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Staff accounts' };

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireStaff(request, 'manager');
  // Failed sign-ins counted against each account now, from everywhere: a manager sees an attack and can lift it.
  const staff = listStaff();
  const failures = signInFailuresOf(staff.map((s) => s.email));
  return { staff: staff.map((s) => ({ ...s, failures: failures.get(s.email) ?? 0 })), me: session.user.id };
}

const target = z.coerce.number().int().positive();
const actionSchema = z.discriminatedUnion('intent', [
  newStaffSchema.extend({ intent: z.literal('invite') }),
  z.object({ intent: z.literal('deactivate'), staffUserId: target }),
  z.object({ intent: z.literal('reactivate'), staffUserId: target }),
  z.object({ intent: z.literal('reset'), staffUserId: target }),
  z.object({ intent: z.literal('end-sessions'), staffUserId: target }),
  z.object({ intent: z.literal('lift-lock'), staffUserId: target }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const { session, form } = await requireStaffForm(request, 'manager');
  const submission = parseWithZod(form, { schema: actionSchema });
  if (submission.status !== 'success') return data({ ...replyWithErrors(submission), done: null }, { status: 400 });
  const v = submission.value;
  const actor = { type: 'staff' as const, id: session.user.id };
  try {
    if (v.intent === 'invite') {
      const { setUpPath } = createStaffUser(actor, v);
      return {
        status: 'success' as const,
        done: `Account made for ${v.email}. Give them this one-time set-up link (it works for 72 hours): ${env.PUBLIC_URL}${setUpPath}`,
      };
    }
    if (v.staffUserId === session.user.id && v.intent !== 'end-sessions') {
      return data(
        {
          ...replyWithErrors(submission, { formErrors: [], fieldErrors: { '': ['You cannot change your own account here. Ask another manager'] } }),
          done: null,
        },
        { status: 400 },
      );
    }
    if (v.intent === 'reset')
      return {
        status: 'success' as const,
        done: `Account reset. Give them this one-time set-up link: ${env.PUBLIC_URL}${resetStaffUser(actor, v.staffUserId)}`,
      };
    if (v.intent === 'end-sessions') return { status: 'success' as const, done: `Ended ${endSessionsOf(actor, v.staffUserId)} sessions.` };
    if (v.intent === 'lift-lock') {
      if (!liftSignInLocks(actor, v.staffUserId)) throw new StaffError('not-found');
      return { status: 'success' as const, done: 'Sign-in lock lifted. They can sign in again from anywhere.' };
    }
    setStaffActive(actor, v.staffUserId, v.intent === 'reactivate');
    return { status: 'success' as const, done: v.intent === 'reactivate' ? 'Account reactivated.' : 'Account deactivated and signed out.' };
  } catch (error) {
    if (error instanceof StaffError) {
      const message = error.reason === 'email-taken' ? 'There is already an account with this email address' : 'That account does not exist';
      return data(
        { ...replyWithErrors(submission, { fieldErrors: { [error.reason === 'email-taken' ? 'email' : '']: [message] } }), done: null },
        { status: 400 },
      );
    }
    throw error;
  }
}

export default function Accounts() {
  const { staff, me } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && 'error' in result ? (result.error ?? undefined) : undefined;
  return (
    <>
      <ErrorSummary errors={errors} />
      {result?.done ? (
        <SuccessBanner title="Done">
          <p className="govuk-body app-pre-wrap" id="account-done">
            {result.done}
          </p>
        </SuccessBanner>
      ) : null}
      <h1 className="govuk-heading-l">Staff accounts</h1>
      <Table caption="Staff accounts" head={['Name', 'Role', 'Status', 'Actions']}>
        {staff.map((s) => (
          <tr key={s.id} className="govuk-table__row">
            <td className="govuk-table__cell">
              <Link className="govuk-link" to={`/staff/accounts/${s.id}`}>
                {s.name}
                <span className="govuk-visually-hidden">: practitioner record</span>
              </Link>
              <br />
              <span className="govuk-body-s">{s.email}</span>
            </td>
            <td className="govuk-table__cell">{s.role}</td>
            <td className="govuk-table__cell">
              {!s.active ? 'Deactivated' : s.enrolled ? 'Active' : 'Not set up yet'}
              {s.failures ? (
                <>
                  <br />
                  <strong className="govuk-tag govuk-tag--red">{s.failures === 1 ? '1 failed sign-in' : `${s.failures} failed sign-ins`} in 15 minutes</strong>
                </>
              ) : null}
            </td>
            <td className="govuk-table__cell">
              {s.id === me ? (
                'You'
              ) : (
                <div className="app-actions">
                  {(s.active
                    ? (['deactivate', 'reset', 'end-sessions', ...(s.failures ? (['lift-lock'] as const) : [])] as const)
                    : (['reactivate'] as const)
                  ).map((intent) => (
                    <Form method="post" key={intent}>
                      <CsrfInput />
                      <input type="hidden" name="intent" value={intent} />
                      <input type="hidden" name="staffUserId" value={s.id} />
                      <button
                        type="submit"
                        className={`govuk-button govuk-button--secondary govuk-!-margin-bottom-1${intent === 'deactivate' ? ' govuk-button--warning' : ''}`}
                        data-module="govuk-button"
                      >
                        {
                          {
                            deactivate: 'Deactivate',
                            reset: 'Reset',
                            'end-sessions': 'End sessions',
                            reactivate: 'Reactivate',
                            'lift-lock': 'Lift sign-in lock',
                          }[intent]
                        }
                        <span className="govuk-visually-hidden"> {s.name}</span>
                      </button>
                    </Form>
                  ))}
                </div>
              )}
            </td>
          </tr>
        ))}
      </Table>
      <h2 className="govuk-heading-m">Invite someone</h2>
      <StaffForm intent="invite">
        <TextInput {...fieldOf(errors, 'name')} label="Name" />
        <TextInput {...fieldOf(errors, 'email')} label="Work email address" type="email" spellCheck={false} />
        <Choices
          kind="radios"
          name="role"
          legend={{ text: 'Role', size: 's' }}
          items={[
            { value: 'facilitator', label: 'Facilitator' },
            { value: 'manager', label: 'Manager', hint: 'Can also manage staff accounts and see every case' },
          ]}
          error={errors?.role?.[0]}
          small
        />
        <Button>Make account</Button>
      </StaffForm>
    </>
  );
}
