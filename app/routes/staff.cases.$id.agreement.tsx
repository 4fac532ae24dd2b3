// The outcome agreement as a document for the people who agreed it: the items and their
// progress, who has agreed and when, with no staff notes. Staff record an agreement given
// in person, by phone or by letter; participants can agree on their own page.
import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { AgreementItems } from '~/components/agreement';
import { Button, Choices, Select, TextInput, fieldOf, type FieldErrors } from '~/components/form-fields';
import { BackLink, PageColumn } from '~/components/page';
import { LapseWarning, StaffForm } from '~/components/staff';
import { labelFor } from '~/data/referral-options';
import { AGREED_HOW, doerWords, PROGRESS_WORDS } from '~/models/outcomes/agreement';
import { getAgreement, recordAgreement } from '~/models/outcomes/agreement.server';
import { recordAgreementSchema } from '~/models/outcomes/outcome-schemas';
import { AGREEMENT_KINDS } from '~/models/outcomes/outcomes';
import { getOutcomes } from '~/models/outcomes/outcomes.server';
import { replyWithErrors } from '~/utils/form.server';
import { formatDay } from '~/utils/dates';
import { idParam } from '~/utils/params.server';
import { requireStaff, requireStaffForm } from '~/utils/staff-session.server';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Outcome agreement' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await requireStaff(request);
  const a = getAgreement(session.user, idParam(params.id));
  if (!a) throw data('Not found', { status: 404 });
  const lapse = getOutcomes(session.user, a.kase.id)?.lapse ?? null;
  return {
    caseId: a.kase.id,
    closed: a.kase.stage === 'closed',
    lapse: lapse ? { since: lapse.since?.toISOString() ?? null, gaps: lapse.gaps } : null,
    today: new Date().toISOString().slice(0, 10),
    items: a.items.map((i) => ({
      id: i.id,
      kind: i.kind,
      description: i.description,
      who: i.who,
      dueOn: i.dueOn,
      evidence: i.evidence,
      progress: PROGRESS_WORDS[i.status],
    })),
    people: a.people.map((p) => ({
      id: p.id,
      name: p.name,
      role: doerWords(null, p),
      agreement: p.agreement,
    })),
  };
}

const REFUSALS = {
  'no-items': 'Add what was agreed first',
  'bad-person': 'Select someone in this case',
  already: 'They have already agreed to the agreement as it is',
  lapsed: 'The essentials are missing: record them again first',
  closed: 'This case is closed',
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, form } = await requireStaffForm(request);
  const caseId = idParam(params.id);
  const submission = parseWithZod(form, { schema: recordAgreementSchema });
  if (submission.status !== 'success') return data(replyWithErrors(submission), { status: 400 });
  const r = recordAgreement(session.user, caseId, submission.value.participantId, submission.value);
  if (!r) throw data('Not found', { status: 404 });
  if (r === 'recorded') return redirect(`/staff/cases/${caseId}/agreement`);
  return data(replyWithErrors(submission, { fieldErrors: { participantId: [REFUSALS[r]] } }), { status: 409 });
}

export default function AgreementPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: FieldErrors = result?.error ?? undefined;
  const waiting = d.people.filter((p) => !p.agreement?.current);
  return (
    <>
      <BackLink to={`/staff/cases/${d.caseId}/outcome`} />
      <PageColumn errors={errors}>
        <article className="app-print">
          {/* The case's number, not its referral reference: a self-referrer signs in with that. */}
          <p className="govuk-body-s">{`Restorative Justice Service · Case ${d.caseId}`}</p>
          <h1 className="govuk-heading-l">Outcome agreement</h1>
          <h2 className="govuk-heading-m">What was agreed</h2>
          {d.items.length === 0 ? <p className="govuk-body">Nothing has been agreed yet.</p> : <AgreementItems items={d.items} kinds={AGREEMENT_KINDS} />}
          <h2 className="govuk-heading-m">Who has agreed</h2>
          <ul className="govuk-list" id="who-agreed">
            {d.people.map((p) => (
              <li key={p.id}>
                {`${p.role}: `}
                {p.agreement?.current
                  ? `agreed on ${formatDay(p.agreement.agreedOn)} (${labelFor(AGREED_HOW, p.agreement.how).toLowerCase()})`
                  : p.agreement
                    ? `agreed on ${formatDay(p.agreement.agreedOn)}, before the latest items were added: ask them again`
                    : 'not yet'}
                <span className="app-no-print">{` (${p.name})`}</span>
              </li>
            ))}
          </ul>
        </article>
        <div className="app-no-print">
          <p className="govuk-body">Use your browser’s print command to print the agreement for the people who agreed it. Menus and names do not print.</p>
          <LapseWarning lapse={d.lapse} caseId={d.caseId} />
          {!d.closed && d.items.length && waiting.length ? (
            <StaffForm>
              <h2 className="govuk-heading-m">Record an agreement</h2>
              <Select
                {...fieldOf(errors, 'participantId')}
                label="Who agreed"
                options={waiting.map((p) => ({ value: String(p.id), label: `${p.name} (${p.role.toLowerCase()})` }))}
              />
              <TextInput {...fieldOf(errors, 'agreedOn')} label="Date they agreed" type="date" width="10" defaultValue={d.today} />
              <Choices
                kind="radios"
                name="how"
                legend={{ text: 'How they agreed', size: 's' }}
                items={AGREED_HOW.filter(([v]) => v !== 'online').map(([value, label]) => ({ value, label }))}
                error={errors?.how?.[0]}
                small
              />
              <Button secondary>Record the agreement</Button>
            </StaffForm>
          ) : null}
          <p className="govuk-body">
            <Link className="govuk-link" to={`/staff/cases/${d.caseId}/outcome#add-item`}>
              Change what was agreed
            </Link>
          </p>
        </div>
      </PageColumn>
    </>
  );
}
