// A participant's assessment page, section by section: each section shows what is recorded
// and offers its form (only the sections the case allows now: none on a closed case, only
// approaching the victim while the victim-first rule holds). Props in, markup out.
import { createContext, useContext, type ReactNode } from 'react';
import { INFO_HOW, RISK_DECISIONS, SPECIALIST_FLAGS } from '~/data/case-options';
import { labelFor } from '~/data/referral-options';
import { Button, Choices, Textarea, TextInput } from './form-fields';
import { StaffForm } from './staff';

/** What the participant page knows, as its loader sends it. */
export type ParticipantView = {
  caseId: number;
  closed: boolean;
  allowed: readonly string[] | null;
  victimFirst: { state: string; message: string } | null;
  contactConsent: 'yes' | 'no' | null;
  contactConsentOn: string | null;
  id: number;
  name: string;
  role: 'victim' | 'offender' | 'supporter';
  contactDetails: string | null;
  directlyAffected: boolean | null;
  a: {
    infoGivenOn: string | null;
    infoGivenHow: string | null;
    consentOn: string | null;
    consentHow: string | null;
    consentWithdrawnOn: string | null;
    willing: string | null;
    motive: string | null;
    expectations: string | null;
    acceptsResponsibility: string | null;
    riskAssessedOn: string | null;
    revictimisationRisk: string | null;
    safeguardingConcerns: string | null;
    powerImbalance: string | null;
    specialistFlags: string[] | null;
    riskDecision: string | null;
    riskReason: string | null;
    signedOffAt: string | null;
  } | null;
  contacts: { id: number; on: string; method: string; outcome: string; by: string }[];
  versions: { id: number; section: string; values: Record<string, unknown>; at: string; by: string }[];
  manager: boolean;
  today: string;
};

export function Section({ id, title, done, children }: { id: string; title: string; done: ReactNode; children: ReactNode }) {
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
/** The sections that may be saved now: null for all, none on a closed case (the record is read-only). */
export const Allowed = createContext<readonly string[] | null>(null);

export function SectionForm({ section, label, children }: { section: string; label: string; children: ReactNode }) {
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

export const HOW = INFO_HOW.map(([value, label]) => ({ value, label }));

export type SectionProps = { d: ParticipantView; a: ParticipantView['a']; err: (section: string, name: string) => string | undefined };
export function InfoSection({ d, a, err }: SectionProps) {
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

export function ConsentSection({ d, a, err }: SectionProps) {
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

export function RiskSection({ d, a, err }: SectionProps) {
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
