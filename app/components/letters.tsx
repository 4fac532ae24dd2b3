import { TextInput } from './form-fields';

// Words for the letter exchange, from the reader's side.
export function otherSideLabel(myRole: string, theirRole: string): string {
  if (theirRole === 'offender') return myRole === 'victim' ? 'The person who harmed you' : 'The person responsible';
  if (theirRole === 'victim') return myRole === 'offender' ? 'The person you harmed' : 'The person harmed';
  return 'A supporter';
}

/** The participant reference a facilitator hands over (RJL-…), on both letters sign-in pages. */
export function ParticipantReferenceInput({ defaultValue, error }: { defaultValue?: string; error?: string }) {
  return (
    <TextInput name="reference" label="Reference" hint="For example, RJL-7K4M-Q2XP" width="10" spellCheck={false} defaultValue={defaultValue} error={error} />
  );
}

export function LetterGuidance() {
  return (
    <div className="govuk-inset-text">
      <h2 className="govuk-heading-s">What helps</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>how it affected you and the people around you</li>
        <li>questions you want answered</li>
        <li>if you are the person responsible: an apology, and what you are doing now</li>
      </ul>
      <h2 className="govuk-heading-s">What the facilitator will remove</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>phone numbers, email addresses, addresses and social media</li>
        <li>the names of other people</li>
        <li>anything that could show where someone lives or works</li>
        <li>threats or abuse: a letter with these will not be passed on</li>
      </ul>
    </div>
  );
}
