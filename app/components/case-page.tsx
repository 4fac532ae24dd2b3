// The case page's parts: the victim-first notice, people named in the referral, notes,
// passing the case on, what is new, the next move, adding a participant. Props in, markup out.
import { Form, Link } from '@remix-run/react';
import { CLOSURE_REASONS, PARTICIPANT_ROLES } from '~/data/case-options';
import { Button, Choices, Select, Textarea, TextInput, fieldOf, type FieldErrors } from './form-fields';
import { Details, WarningText } from './page';
import { AssignmentWarning, assignmentOptions } from './practice';
import { CsrfInput, formatDateTime, StaffForm } from './staff';

/** What the case page's parts read of what its loader sends. */
export type CaseView = {
  id: number;
  referralId: number;
  stage: string;
  lettersOpen: boolean;
  unread: { urgent: boolean; since: string } | null;
  victimFirst: 'pending' | 'declined' | null;
  cautions: string[];
  people: { id: number; name: string; role: string }[];
  proposals: { role: 'victim' | 'offender'; name: string; contactDetails: string; text: string }[];
  notes: { id: number; at: string; by: string; body: string; corrects: number | null }[];
  staff: { id: number; name: string; supervisionOverdue: boolean }[];
  training: { sensitive: boolean; trained: boolean; reason: string | null };
  moves: { to: string; label: string }[];
};

export function VictimFirst({ d }: { d: CaseView }) {
  if (d.victimFirst === 'declined')
    return (
      <WarningText>
        The person responsible asked for this, and the victim does not want to be contacted about it. Close the case. Do not tell the victim about the request.
      </WarningText>
    );
  const victims = d.people.filter((p) => p.role === 'victim');
  return (
    <>
      {d.cautions.map((c) => (
        <WarningText key={c}>{c}</WarningText>
      ))}
      {d.victimFirst === 'pending' ? (
        <p className="govuk-body" id="victim-first">
          {victims.length ? 'Record the victim’s answer on their page: ' : 'Add the victim first, then contact them and record their answer on their page.'}
          {victims.map((v, i) => (
            <span key={v.id}>
              {i ? ', ' : ''}
              <Link className="govuk-link" to={`/staff/cases/${d.id}/participants/${v.id}#section-contact-consent`}>
                {v.name}
              </Link>
            </span>
          ))}
        </p>
      ) : null}
    </>
  );
}

export function Proposals({ d, errors }: { d: CaseView; errors: FieldErrors }) {
  return (
    <section aria-labelledby="proposals" className="app-section">
      <h3 className="govuk-heading-s" id="proposals">
        People named in the referral
      </h3>
      <p className="govuk-body">Check the details the referrer gave, correct them, and confirm to add each person to the case.</p>
      {d.proposals.map((p) => {
        const name = `${p.role}Name`;
        const contact = `${p.role}Contact`;
        const label = p.role === 'victim' ? 'The victim' : 'The person responsible';
        return (
          <StaffForm intent={`confirm-${p.role}`} key={p.role}>
            <h4 className="govuk-heading-s">{label}</h4>
            <p className="govuk-body-s app-pre-wrap">{`The referral says: ${p.text}`}</p>
            <TextInput name={name} label={`${label}: name`} defaultValue={p.name} error={errors?.[name]?.[0]} />
            <Textarea name={contact} label={`${label}: contact details`} defaultValue={p.contactDetails} error={errors?.[contact]?.[0]} rows={2} />
            <Button secondary>{p.role === 'victim' ? 'Confirm and add the victim' : 'Confirm and add the person responsible'}</Button>
          </StaffForm>
        );
      })}
    </section>
  );
}

export function Notes({ d, errors }: { d: CaseView; errors: FieldErrors }) {
  return (
    <section aria-labelledby="notes" className="app-section">
      <h2 className="govuk-heading-m" id="notes">
        Notes
      </h2>
      <StaffForm intent="note">
        <Textarea
          {...fieldOf(errors, 'body')}
          label="Add a note"
          hint="Notes are dated and cannot be changed. To correct one, add a new note that names it."
          rows={3}
        />
        {d.notes.length ? (
          <Select
            name="corrects"
            label="This note corrects (optional)"
            options={[
              { value: '', label: 'Nothing: it is a new note' },
              ...d.notes.map((n) => ({ value: String(n.id), label: `Note ${n.id}, ${formatDateTime(n.at)}` })),
            ]}
          />
        ) : null}
        <Button secondary>Add note</Button>
      </StaffForm>
      {d.notes.length === 0 ? <p className="govuk-body">No notes yet.</p> : null}
      <ul className="govuk-list app-notes">
        {d.notes.map((n) => (
          <li key={n.id} id={`note-${n.id}`}>
            <p className="govuk-body-s govuk-!-margin-bottom-1">{`Note ${n.id}, ${formatDateTime(n.at)}, ${n.by}${n.corrects ? `. Corrects note ${n.corrects}` : ''}`}</p>
            <p className="govuk-body app-pre-wrap">{n.body}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Reassign({ d, errors }: { d: CaseView; errors: FieldErrors }) {
  return (
    <Details summary="Pass the case to another facilitator">
      <StaffForm intent="reassign">
        <AssignmentWarning warning={assignmentOptions(d.staff).warning} />
        <Select {...fieldOf(errors, 'facilitatorId')} label="New facilitator" options={assignmentOptions(d.staff).options} />
        <Textarea {...fieldOf(errors, 'note')} label="Note for them" hint="They are emailed that a case is theirs; the note is on this page." rows={2} />
        {d.training.sensitive ? (
          <Textarea
            {...fieldOf(errors, 'trainingReason')}
            label="If they have no training for complex and sensitive cases: why them (optional)"
            hint="This is a domestic abuse, sexual offence or hate crime case. Your reason is kept with the case."
            rows={2}
          />
        ) : null}
        <Button secondary>Pass the case on</Button>
      </StaffForm>
    </Details>
  );
}

export function UnreadNotice({ d }: { d: CaseView }) {
  return (
    <div
      className={`govuk-notification-banner${d.unread!.urgent ? ' govuk-notification-banner--success app-banner-urgent' : ''}`}
      role="region"
      aria-labelledby="unread-title"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="unread-title">
          {d.unread!.urgent ? 'Urgent' : 'New'}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">
          {d.unread!.urgent ? 'A new message may be about someone’s safety. Read it now.' : 'There is something new on this case.'}
        </p>
        <p className="govuk-body">
          {`Since ${formatDateTime(d.unread!.since)}. `}
          <Link className="govuk-notification-banner__link" to={`/staff/referrals/${d.referralId}`}>
            Messages with the referrer
          </Link>
          {d.lettersOpen ? (
            <>
              {' · '}
              <Link className="govuk-notification-banner__link" to={`/staff/cases/${d.id}/letters`}>
                Letters
              </Link>
            </>
          ) : null}
        </p>
      </div>
    </div>
  );
}

export function MoveForm({ d, errors }: { d: CaseView; errors: FieldErrors }) {
  return (
    <>
      <StaffForm intent="move">
        <input type="hidden" name="from" value={d.stage} />
        <Choices
          kind="radios"
          name="to"
          legend={{ text: 'What next?', size: 'm' }}
          items={d.moves.map(({ to, label }) => ({
            value: to,
            label,
            conditional:
              to === 'closed' ? (
                <>
                  <Choices
                    kind="radios"
                    name="closureReason"
                    legend={{ text: 'Why is it closing?', size: 's' }}
                    items={CLOSURE_REASONS.map(([value, label]) => ({ value, label }))}
                    error={errors?.closureReason?.[0]}
                    small
                  />
                  <Textarea
                    {...fieldOf(errors, 'closureNote')}
                    label="Note (needed for ‘another reason’)"
                    hint="Closing cancels planned meetings, ends running processes and stops the letter exchange."
                    rows={2}
                  />
                </>
              ) : undefined,
          }))}
          error={errors?.to?.[0]}
        />
        <Button>Save</Button>
      </StaffForm>
    </>
  );
}

export function AddParticipant({ errors }: { errors: FieldErrors }) {
  return (
    <>
      <Details summary="Add a participant">
        <Form method="post" noValidate>
          <CsrfInput />
          <input type="hidden" name="intent" value="add-participant" />
          <Choices
            kind="radios"
            name="role"
            legend={{ text: 'Their part in the case', size: 's' }}
            items={PARTICIPANT_ROLES.map(([value, label]) => ({
              value,
              label,
              conditional:
                value === 'supporter' ? (
                  <Choices
                    kind="radios"
                    name="directlyAffected"
                    legend={{ text: 'Were they directly affected by the crime?', size: 's' }}
                    hint="Family or community members can take part only if they were."
                    items={[
                      { value: 'yes', label: 'Yes' },
                      { value: 'no', label: 'No' },
                    ]}
                    small
                  />
                ) : undefined,
            }))}
            error={errors?.role?.[0]}
            small
          />
          <TextInput {...fieldOf(errors, 'name')} label="Name" />
          <Textarea {...fieldOf(errors, 'contactDetails')} label="Contact details (optional)" hint="Safe ways and times to contact them" rows={3} />
          <Button secondary>Add participant</Button>
        </Form>
      </Details>
    </>
  );
}

/** The case's changes of stage, and (managers) the audit trail and legal hold. */
export function CaseHistory({ d }: { d: { id: number; manager: boolean; history: { at: string; from: string; to: string; by: string }[] } }) {
  return (
    <>
      <h2 className="govuk-heading-m">History</h2>
      {d.history.length === 0 ? <p className="govuk-body">No changes of stage yet.</p> : null}
      <ul className="govuk-list">
        {d.history.map((h, i) => (
          <li key={i}>{`${formatDateTime(h.at)}: ${h.from} to ${h.to} by ${h.by}`}</li>
        ))}
      </ul>
      {d.manager ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/staff/cases/${d.id}/audit`}>
            Audit trail
          </Link>
          {' · '}
          <Link className="govuk-link" to={`/staff/cases/${d.id}/hold`}>
            Legal hold and deletion date
          </Link>
        </p>
      ) : null}
    </>
  );
}

/** Who was contacted first: the order matters when the person responsible asked for it. */
export function ContactOrder({ order }: { order: { id: number; name: string; role: string; on: string }[] }) {
  return (
    <>
      <h2 className="govuk-heading-m">Order of contact</h2>
      {order.length === 0 ? (
        <p className="govuk-body">No one has been contacted yet.</p>
      ) : (
        <ol className="govuk-list govuk-list--number" id="contact-order">
          {order.map((c) => (
            <li key={c.id}>{`${c.name} (${PARTICIPANT_ROLES.find(([v]) => v === c.role)?.[1]}), first contacted ${c.on}`}</li>
          ))}
        </ol>
      )}
    </>
  );
}
