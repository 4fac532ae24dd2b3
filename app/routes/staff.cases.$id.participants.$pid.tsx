// One participant: their assessment, section by section, and their contact log.
import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { Choices, Textarea, type FieldErrors } from '~/components/form-fields';
import { BackLink, PageColumn, WarningText } from '~/components/page';
import { assessmentSchema } from '~/models/cases/case-schemas';
import { PARTICIPANT_ROLES } from '~/data/case-options';
import { addContact, getParticipantForStaff } from '~/models/cases/case.server';
import { recordContactConsent, saveAssessment, signOffRisk, withdrawConsent } from '~/models/cases/assessment.server';
import { VICTIM_FIRST } from '~/models/cases/victim-first.server';
import { recordNeed, removeNeed } from '~/models/cases/needs.server';
import { NEED_KINDS, needWords } from '~/models/cases/needs';
import { NeedsSection } from '~/components/needs';
import { Allowed, ConsentSection, InfoSection, RiskSection, Section, SectionForm } from '~/components/assessment';
import { ContactConsentSection, ContactSection, CorrectDetails, History } from '~/components/participant-record';
import { editParticipant, removeParticipant } from '~/models/cases/case-record.server';
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
