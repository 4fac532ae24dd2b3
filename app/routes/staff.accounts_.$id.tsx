// Managers: one member of staff's practitioner record (training, accreditation, supervision,
// observed practice, CPD), with what is due, and a form to add an entry.
import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { Button, Choices, Select, TextInput, fieldOf } from '~/components/form-fields';
import { ErrorSummary } from '~/components/error-summary';
import { BackLink } from '~/components/page';
import { StaffForm } from '~/components/staff';
import { Table } from '~/components/table';
import { PRACTICE_KIND_LABELS, PRACTICE_KINDS, practiceSchema } from '~/models/staff/practice';
import { addPracticeRecord, practiceRecordsOf, practiceStatusOf } from '~/models/staff/practice.server';
import { listStaff } from '~/models/staff/staff.server';
import type { RouteHandle } from '~/root';
import { formatDay } from '~/utils/dates';
import { replyWithErrors } from '~/utils/form.server';
import { idParam } from '~/utils/params.server';
import { requireStaff, requireStaffForm } from '~/utils/staff-session.server';
import { PracticeSummary } from '~/components/practice';

export const handle: RouteHandle = { title: 'Practitioner record' };

function personOf(id: number) {
  const staff = listStaff();
  const person = staff.find((s) => s.id === id);
  if (!person) throw data('Not found', { status: 404 });
  return { person, staff };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, 'manager');
  const id = idParam(params.id);
  const { person, staff } = personOf(id);
  return {
    person: { id: person.id, name: person.name, role: person.role },
    supervisors: staff.filter((s) => s.active && s.id !== id).map((s) => ({ value: String(s.id), label: s.name })),
    records: practiceRecordsOf(id),
    status: practiceStatusOf(id),
    today: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date()),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, form } = await requireStaffForm(request, 'manager');
  const id = idParam(params.id);
  personOf(id);
  const submission = parseWithZod(form, { schema: practiceSchema });
  if (submission.status !== 'success') return data(replyWithErrors(submission), { status: 400 });
  if (!addPracticeRecord(session.user, id, submission.value))
    return data(replyWithErrors(submission, { fieldErrors: { supervisorId: ['Select someone else as the supervisor'] } }), { status: 400 });
  return redirect(`/staff/accounts/${id}#records`);
}

export default function PractitionerRecord() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.error ?? undefined;
  return (
    <>
      <BackLink to="/staff/accounts" />
      <ErrorSummary errors={errors} order={['kind', 'onDate', 'what', 'supervisorId', 'renewsOn', 'hours']} />
      <span className="govuk-caption-l">{d.person.name}</span>
      <h1 className="govuk-heading-l">Practitioner record</h1>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/staff/accounts/${d.person.id}/activity`}>
          What they viewed and did
        </Link>
      </p>
      <PracticeSummary status={d.status} />
      <h2 className="govuk-heading-m" id="records">
        Entries
      </h2>
      {d.records.length ? (
        <Table caption="Entries, newest first" head={['Date', 'What', 'Details']}>
          {d.records.map((r) => (
            <tr key={r.id} className="govuk-table__row">
              <td className="govuk-table__cell">{formatDay(r.onDate)}</td>
              <td className="govuk-table__cell">
                {PRACTICE_KIND_LABELS[r.kind]}
                <br />
                <span className="govuk-body-s app-pre-wrap">{r.what}</span>
              </td>
              <td className="govuk-table__cell">
                {r.supervisor ? `With ${r.supervisor}` : r.renewsOn ? `Renew by ${formatDay(r.renewsOn)}` : r.hours !== null ? `${r.hours} hours` : ''}
              </td>
            </tr>
          ))}
        </Table>
      ) : (
        <p className="govuk-body">Nothing recorded yet.</p>
      )}
      <h2 className="govuk-heading-m">Add an entry</h2>
      <StaffForm>
        <Choices
          kind="radios"
          name="kind"
          legend={{ text: 'What are you recording?', size: 's' }}
          items={PRACTICE_KINDS.map((k) => ({ value: k, label: PRACTICE_KIND_LABELS[k] }))}
          error={errors?.kind?.[0]}
          small
        />
        <TextInput {...fieldOf(errors, 'onDate')} label="Date" type="date" width="10" defaultValue={d.today} />
        <TextInput {...fieldOf(errors, 'what')} label="What it was" hint="The course, the accrediting body, or a line about the session. No case details." />
        <Select
          {...fieldOf(errors, 'supervisorId')}
          label="Supervisor (for a supervision session)"
          options={[{ value: '', label: 'Not a supervision session' }, ...d.supervisors]}
        />
        <TextInput {...fieldOf(errors, 'renewsOn')} label="Renew by (for an accreditation)" type="date" width="10" />
        <TextInput {...fieldOf(errors, 'hours')} label="Hours (for CPD)" hint="For example, 1.5" width="5" inputMode="text" />
        <Button>Add the entry</Button>
      </StaffForm>
    </>
  );
}
