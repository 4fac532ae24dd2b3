// The rest of a participant's page: earlier versions of the assessment, correcting their
// details (or removing them, added by mistake), the victim's answer to being contacted, and
// the contact log.
import { CONTACT_METHODS, PARTICIPANT_ROLES } from '~/data/case-options';
import { labelFor } from '~/data/referral-options';
import { Choices, Textarea, TextInput } from './form-fields';
import { Details } from './page';
import { formatDateTime } from './staff';
import { type ParticipantView, Section, SectionForm, type SectionProps } from './assessment';

export function History({ d }: { d: ParticipantView }) {
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

export function CorrectDetails({ d, err }: SectionProps) {
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

export function ContactConsentSection({ d, err }: SectionProps) {
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

export function ContactSection({ d, err }: SectionProps) {
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
