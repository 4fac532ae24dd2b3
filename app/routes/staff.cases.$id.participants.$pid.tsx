// One participant: their assessment, section by section, and their contact log.
import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { createContext, useContext, type ReactNode } from 'react';
import { Button, Choices, Textarea, TextInput, type FieldErrors } from '~/components/form-fields';
import { BackLink, Details, PageColumn, WarningText } from '~/components/page';
import { formatDateTime, StaffForm } from '~/components/staff';
import { assessmentSchema } from '~/models/cases/case-schemas';
import { INFO_HOW, CONTACT_METHODS, PARTICIPANT_ROLES, RISK_DECISIONS, SPECIALIST_FLAGS } from '~/data/case-options';
import { addContact, getParticipantForStaff } from '~/models/cases/case.server';
import { recordContactConsent, saveAssessment, signOffRisk, withdrawConsent } from '~/models/cases/assessment.server';
import { VICTIM_FIRST } from '~/models/cases/victim-first.server';
import { recordNeed, removeNeed } from '~/models/cases/needs.server';
import { NEED_KINDS, needWords } from '~/models/cases/needs';
import { NeedsSection } from '~/components/needs';
import { editParticipant, removeParticipant } from '~/models/cases/case-record.server';
import { labelFor } from '~/data/referral-options';
import { replyWithErrors } from '~/utils/form.server';
import { idParam } from '~/utils/params.server';
import { requireStaff, requireStaffForm } from '~/utils/staff-session.server';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Assessment' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await requireStaff(request);
  const found = getParticipantForStaff(session.user, idParam(params.id), idParam(params.pid));
  if (!found) throw data('Not found', { status: 404 });
  const { kase, participant, assessment, contacts, versions, victimFirst } = found;
  const closed = kase.stage === 'closed';
  // Which forms the page offers: none on a closed case; while the victim must be
  // approached first, only approaching a victim and correcting the record.
  const held = victimFirst === 'pending' ? ['details', 'remove', ...(participant.role === 'victim' ? ['contact', 'contact-consent'] : [])] : null;
  return {
    caseId: kase.id,
    closed,
    allowed: closed ? [] : held,
    victimFirst: victimFirst ? { state: victimFirst, message: VICTIM_FIRST } : null,
    contactConsent: participant.contactConsent,
    contactConsentOn: participant.contactConsentOn,
    id: participant.id,
    name: participant.name,
    role: participant.role,
    contactDetails: participant.contactDetails,
    directlyAffected: participant.directlyAffected,
    a: assessment ? { ...assessment, signedOffAt: assessment.signedOffAt?.toISOString() ?? null, updatedAt: assessment.updatedAt.toISOString() } : null,
    contacts,
    versions: versions.map((v) => ({ ...v, at: v.at.toISOString() })),
    manager: session.user.role === 'manager',
    today: new Date().toISOString().slice(0, 10),
    needs: found.needs.map((n) => ({ kind: n.kind, words: needWords(n) })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, form } = await requireStaffForm(request);
  const caseId = idParam(params.id);
  const pid = idParam(params.pid);
  const submission = parseWithZod(form, { schema: assessmentSchema });
  if (submission.status !== 'success') return data(replyWithErrors(submission), { status: 400 });
  const v = submission.value;
  let ok: boolean;
  if (v.section === 'details') {
    ok = editParticipant(session.user, caseId, pid, {
      role: v.role,
      name: v.name,
      contactDetails: v.contactDetails,
      directlyAffected: v.directlyAffected === 'yes',
    });
  } else if (v.section === 'remove') {
    const r = removeParticipant(session.user, caseId, pid);
    if (!r) throw data('Not found', { status: 404 });
    if (r === 'took-part')
      return data(
        replyWithErrors(submission, {
          fieldErrors: { section: ['They have taken part (consent, contact or letters), so they cannot be removed. Add a note instead'] },
        }),
        { status: 409 },
      );
    return redirect(`/staff/cases/${caseId}`);
  } else if (v.section === 'contact-consent') {
    const r = recordContactConsent(session.user, caseId, pid, v.contactConsent, v.contactConsentOn);
    if (!r) throw data('Not found', { status: 404 });
    if (r === 'not-victim')
      return data(replyWithErrors(submission, { fieldErrors: { contactConsent: ['Only a victim’s agreement to be contacted is recorded'] } }), { status: 400 });
    ok = true;
  } else if (v.section === 'contact') ok = addContact(session.user, caseId, pid, { contactedOn: v.contactedOn, method: v.method, outcome: v.outcome });
  else if (v.section === 'withdraw-consent') ok = withdrawConsent(session.user, caseId, pid, v.withdrawnOn);
  else if (v.section === 'need') ok = recordNeed(session.user, caseId, pid, v.kind, v.detail ?? null);
  else if (v.section === 'need-remove') ok = removeNeed(session.user, caseId, pid, v.kind);
  else if (v.section === 'sign-off') {
    if (session.user.role !== 'manager') throw data('Not found', { status: 404 });
    ok = signOffRisk(session.user, caseId, pid);
  } else {
    const { section, ...patch } = v;
    const r = saveAssessment(session.user, caseId, pid, section, patch);
    if (r === 'consent-before-withdrawal')
      return data(replyWithErrors(submission, { fieldErrors: { consentOn: ['Consent given again must be dated on or after the day it was withdrawn'] } }), {
        status: 400,
      });
    ok = r;
  }
  if (!ok) throw data('Not found', { status: 404 });
  return redirect(`/staff/cases/${caseId}/participants/${pid}#section-${v.section}`);
}

function Section({ id, title, done, children }: { id: string; title: string; done: ReactNode; children: ReactNode }) {
  return (
    <section className="app-section" id={`section-${id}`} aria-labelledby={`section-${id}-title`}>
      <h2 className="govuk-heading-m" id={`section-${id}-title`}>
        {title}
      </h2>
      {done ? <p className="govuk-body app-pre-wrap">{done}</p> : <p className="govuk-body">Not recorded yet.</p>}
      {children}
    </section>
  );
}

function History({ d }: { d: LoaderData }) {
  if (!d.versions.length) return null;
  return (
    <Details summary={`Earlier versions of the assessment (${d.versions.length})`}>
      <ul className="govuk-list">
        {d.versions.map((v) => (
          <li key={v.id}>
            <p className="govuk-body-s govuk-!-margin-bottom-1">{`${formatDateTime(v.at)}, ${v.by}: ${v.section} saved`}</p>
            <p className="govuk-body-s app-pre-wrap">
              {Object.entries(v.values)
                .filter(([, value]) => value !== null && value !== '' && !(Array.isArray(value) && !(value as unknown[]).length))
                .map(([key, value]) => `${key}: ${Array.isArray(value) ? (value as unknown[]).join(', ') : String(value)}`)
                .join('\n')}
            </p>
          </li>
        ))}
      </ul>
    </Details>
  );
}

function CorrectDetails({ d, err }: SectionProps) {
  return (
    <Section id="details" title="Correct their details" done="Use this to put right a mistake. The old details are kept in the record.">
      <SectionForm section="details" label="Save the corrected details">
        <Choices
          kind="radios"
          name="role"
          legend={{ text: 'Their part in the case', size: 's' }}
          items={PARTICIPANT_ROLES.map(([value, label]) => ({ value, label }))}
          selected={d.role}
          error={err('details', 'role')}
          small
        />
        <TextInput name="name" label="Name" defaultValue={d.name} error={err('details', 'name')} />
        <Textarea
          name="contactDetails"
          label="Contact details"
          rows={2}
          defaultValue={d.contactDetails ?? undefined}
          error={err('details', 'contactDetails')}
        />
        <Choices
          kind="radios"
          name="directlyAffected"
          legend={{ text: 'If a supporter: were they directly affected?', size: 's' }}
          items={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ]}
          selected={d.directlyAffected ? 'yes' : 'no'}
          small
        />
      </SectionForm>
      <SectionForm section="remove" label="Remove them: added by mistake">
        <p className="govuk-body">Only someone who has not taken part (no consent, no contact, no letters) can be removed.</p>
        {err('remove', 'section') ? <p className="govuk-error-message">{err('remove', 'section')}</p> : null}
      </SectionForm>
    </Section>
  );
}

/** The sections that may be saved now: null for all, none on a closed case (the record is read-only). */
const Allowed = createContext<readonly string[] | null>(null);

function SectionForm({ section, label, children }: { section: string; label: string; children: ReactNode }) {
  const allowed = useContext(Allowed);
  if (allowed && !allowed.includes(section)) return null;
  return (
    <StaffForm>
      <input type="hidden" name="section" value={section} />
      {children}
      <Button secondary>{label}</Button>
    </StaffForm>
  );
}

const HOW = INFO_HOW.map(([value, label]) => ({ value, label }));

export default function ParticipantPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: FieldErrors = result?.error ?? undefined;
  const failed = (result?.initialValue as { section?: string } | undefined)?.section;
  const err = (section: string, name: string) => (failed === section ? errors?.[name]?.[0] : undefined);
  const a = d.a;
  const roleLabel = PARTICIPANT_ROLES.find(([v]) => v === d.role)?.[1] ?? d.role;
  const shared = { d, a, err };
  return (
    <>
      <BackLink to={`/staff/cases/${d.caseId}`} />
      <Allowed.Provider value={d.allowed}>
        <PageColumn errors={errors}>
          {d.closed ? <p className="govuk-inset-text">This case is closed. Its record can be read but not changed.</p> : null}
          <span className="govuk-caption-l">{roleLabel}</span>
          <h1 className="govuk-heading-l">{d.name}</h1>
          {d.contactDetails ? <p className="govuk-body app-pre-wrap">{d.contactDetails}</p> : null}
          {d.role === 'supporter' ? <p className="govuk-body">Directly affected: {d.directlyAffected ? 'yes' : 'no'}</p> : null}
          {d.manager ? (
            <p className="govuk-body">
              <Link className="govuk-link" to={`/staff/subject-access/participant/${d.id}`}>
                Everything held about {d.name} (subject access)
              </Link>
            </p>
          ) : null}
          {d.victimFirst?.state === 'pending' && !d.closed ? <WarningText>{d.victimFirst.message}</WarningText> : null}
          {d.victimFirst && d.role === 'victim' ? <ContactConsentSection {...shared} /> : null}

          <InfoSection {...shared} />

          <NeedsSection needs={d.needs} kinds={NEED_KINDS} editable={!d.closed && !d.allowed} errors={failed?.startsWith('need') ? errors : undefined} />

          <ConsentSection {...shared} />

          <Section
            id="willing"
            title="Willing to take part"
            done={
              a?.willing &&
              [`Willing: ${a.willing}.`, a.motive && `Why: ${a.motive}`, a.expectations && `Hopes for: ${a.expectations}`].filter(Boolean).join('\n')
            }
          >
            <SectionForm section="willing" label="Save willingness">
              <Choices
                kind="radios"
                name="willing"
                legend={{ text: 'Are they willing to take part?', size: 's' }}
                items={[
                  { value: 'yes', label: 'Yes' },
                  { value: 'unsure', label: 'Not sure yet' },
                  { value: 'no', label: 'No' },
                ]}
                selected={a?.willing ?? undefined}
                error={err('willing', 'willing')}
                small
              />
              <Textarea
                name="motive"
                label="Why do they want to take part?"
                hint="Your view of their motive. You must be assured of it before the case can be ready."
                rows={3}
                maxLength={2000}
                defaultValue={a?.motive ?? undefined}
                error={err('willing', 'motive')}
              />
              <Textarea
                name="expectations"
                label="What do they hope will come of it?"
                hint="Their expectations, and whether the service can meet them"
                rows={3}
                maxLength={2000}
                defaultValue={a?.expectations ?? undefined}
                error={err('willing', 'expectations')}
              />
            </SectionForm>
          </Section>

          {d.role === 'offender' ? (
            <Section
              id="responsibility"
              title="Accepts responsibility"
              done={a?.acceptsResponsibility && `Accepts responsibility: ${a.acceptsResponsibility}.`}
            >
              <SectionForm section="responsibility" label="Save responsibility">
                <Choices
                  kind="radios"
                  name="acceptsResponsibility"
                  legend={{ text: 'Do they accept responsibility for the harm?', size: 's' }}
                  items={[
                    { value: 'yes', label: 'Yes' },
                    { value: 'partly', label: 'Some responsibility' },
                    { value: 'no', label: 'No' },
                  ]}
                  selected={a?.acceptsResponsibility ?? undefined}
                  error={err('responsibility', 'acceptsResponsibility')}
                  small
                />
              </SectionForm>
            </Section>
          ) : null}

          <RiskSection {...shared} />

          <ContactSection {...shared} />

          <History d={d} />

          <CorrectDetails {...shared} />
          <p className="govuk-body">
            <Link className="govuk-link" to={`/staff/cases/${d.caseId}`}>
              Back to the case
            </Link>
          </p>
        </PageColumn>
      </Allowed.Provider>
    </>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type SectionProps = { d: LoaderData; a: LoaderData['a']; err: (section: string, name: string) => string | undefined };

function ContactConsentSection({ d, err }: SectionProps) {
  return (
    <Section
      id="contact-consent"
      title="Agreement to be contacted about it"
      done={
        d.contactConsent &&
        (d.contactConsent === 'yes'
          ? `Agreed on ${d.contactConsentOn} to be contacted about it.`
          : `Said on ${d.contactConsentOn} that they do not want to be contacted about it.`)
      }
    >
      <p className="govuk-body">
        The person responsible asked for restorative justice. Approach the victim with care and say nothing of the request until they agree to hear more.
      </p>
      <SectionForm section="contact-consent" label="Save their answer">
        <Choices
          kind="radios"
          name="contactConsent"
          legend={{ text: 'Do they agree to be contacted about it?', size: 's' }}
          items={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No', hint: 'Then close the case, without telling them about the request.' },
          ]}
          selected={d.contactConsent ?? undefined}
          error={err('contact-consent', 'contactConsent')}
          small
        />
        <TextInput
          name="contactConsentOn"
          label="Date they answered"
          type="date"
          width="10"
          defaultValue={d.contactConsentOn ?? d.today}
          error={err('contact-consent', 'contactConsentOn')}
        />
      </SectionForm>
    </Section>
  );
}

function InfoSection({ d, a, err }: SectionProps) {
  return (
    <Section
      id="info"
      title="Information about restorative justice"
      done={a?.infoGivenOn && `Given on ${a.infoGivenOn}, ${labelFor(INFO_HOW, a.infoGivenHow)}.`}
    >
      <SectionForm section="info" label="Save information given">
        <TextInput name="infoGivenOn" label="Date given" type="date" width="10" defaultValue={a?.infoGivenOn ?? d.today} error={err('info', 'infoGivenOn')} />
        <Choices
          kind="radios"
          name="infoGivenHow"
          legend={{ text: 'How', size: 's' }}
          items={HOW}
          selected={a?.infoGivenHow ?? undefined}
          error={err('info', 'infoGivenHow')}
          small
        />
      </SectionForm>
    </Section>
  );
}

function ConsentSection({ d, a, err }: SectionProps) {
  return (
    <Section
      id="consent"
      title="Informed consent"
      done={
        a?.consentOn &&
        (a.consentWithdrawnOn
          ? `Given on ${a.consentOn}; withdrawn on ${a.consentWithdrawnOn}.`
          : `Given on ${a.consentOn}, ${labelFor(INFO_HOW, a.consentHow)}.`)
      }
    >
      <SectionForm section="consent" label="Save consent">
        <TextInput name="consentOn" label="Date consent given" type="date" width="10" defaultValue={d.today} error={err('consent', 'consentOn')} />
        <Choices
          kind="radios"
          name="consentHow"
          legend={{ text: 'How', size: 's' }}
          items={HOW}
          selected={a?.consentHow ?? undefined}
          error={err('consent', 'consentHow')}
          small
        />
      </SectionForm>
      {a?.consentOn && !a.consentWithdrawnOn ? (
        <SectionForm section="withdraw-consent" label="Record consent withdrawn">
          <TextInput
            name="withdrawnOn"
            label="Date consent was withdrawn"
            type="date"
            width="10"
            defaultValue={d.today}
            error={err('withdraw-consent', 'withdrawnOn')}
          />
        </SectionForm>
      ) : null}
    </Section>
  );
}

function RiskSection({ d, a, err }: SectionProps) {
  return (
    <Section
      id="risk"
      title="Risk assessment"
      done={
        a?.riskAssessedOn &&
        `Assessed on ${a.riskAssessedOn}: ${labelFor(RISK_DECISIONS, a.riskDecision ?? '').toLowerCase()}. ${a.riskReason ?? ''}${a.specialistFlags?.length ? ` Specialist flags: ${a.specialistFlags.map((f) => labelFor(SPECIALIST_FLAGS, f)).join(', ')}. ${a.signedOffAt ? 'Signed off by a manager.' : 'Needs a manager’s sign-off.'}` : ''}`
      }
    >
      {a?.specialistFlags?.length && !a.signedOffAt && d.manager ? (
        <SectionForm section="sign-off" label="Sign off the specialist flags">
          <p className="govuk-body">As a manager, you can sign off this risk assessment so the case can go on.</p>
        </SectionForm>
      ) : null}
      <SectionForm section="risk" label="Save risk assessment">
        <TextInput
          name="riskAssessedOn"
          label="Date assessed"
          type="date"
          width="10"
          defaultValue={a?.riskAssessedOn ?? d.today}
          error={err('risk', 'riskAssessedOn')}
        />
        <Choices
          kind="radios"
          name="revictimisationRisk"
          legend={{ text: 'Risk of re-victimisation', size: 's' }}
          items={[
            { value: 'low', label: 'Low' },
            { value: 'medium', label: 'Medium' },
            { value: 'high', label: 'High' },
          ]}
          selected={a?.revictimisationRisk ?? undefined}
          error={err('risk', 'revictimisationRisk')}
          small
        />
        <Textarea
          name="safeguardingConcerns"
          label="Safeguarding concerns (optional)"
          rows={3}
          defaultValue={a?.safeguardingConcerns ?? undefined}
          error={err('risk', 'safeguardingConcerns')}
        />
        <Textarea
          name="powerImbalance"
          label="Power imbalance (optional)"
          rows={3}
          defaultValue={a?.powerImbalance ?? undefined}
          error={err('risk', 'powerImbalance')}
        />
        <Choices
          kind="checkboxes"
          name="specialistFlags"
          legend={{ text: 'Specialist flags', size: 's' }}
          hint="Any flag needs a manager’s sign-off before the case can go on"
          items={SPECIALIST_FLAGS.map(([value, label]) => ({ value, label }))}
          selected={a?.specialistFlags ?? []}
          error={err('risk', 'specialistFlags')}
          small
        />
        <Choices
          kind="radios"
          name="riskDecision"
          legend={{ text: 'Decision', size: 's' }}
          items={RISK_DECISIONS.map(([value, label]) => ({ value, label }))}
          selected={a?.riskDecision ?? undefined}
          error={err('risk', 'riskDecision')}
          small
        />
        <Textarea name="riskReason" label="Reason for the decision" rows={3} defaultValue={a?.riskReason ?? undefined} error={err('risk', 'riskReason')} />
      </SectionForm>
    </Section>
  );
}

function ContactSection({ d, err }: SectionProps) {
  return (
    <section className="app-section" id="section-contact" aria-labelledby="section-contact-title">
      <h2 className="govuk-heading-m" id="section-contact-title">
        Contact log
      </h2>
      {d.contacts.length === 0 ? <p className="govuk-body">No contact recorded yet.</p> : null}
      <ul className="govuk-list">
        {d.contacts.map((c) => (
          <li key={c.id}>
            {c.on}, {labelFor(CONTACT_METHODS, c.method)}, by {c.by}: <span className="app-pre-wrap">{c.outcome}</span>
          </li>
        ))}
      </ul>
      <SectionForm section="contact" label="Add to contact log">
        <TextInput name="contactedOn" label="Date" type="date" width="10" defaultValue={d.today} error={err('contact', 'contactedOn')} />
        <Choices
          kind="radios"
          name="method"
          legend={{ text: 'How', size: 's' }}
          items={CONTACT_METHODS.map(([value, label]) => ({ value, label }))}
          error={err('contact', 'method')}
          small
        />
        <Textarea name="outcome" label="What happened" rows={3} error={err('contact', 'outcome')} maxLength={1000} />
      </SectionForm>
    </section>
  );
}
