// A person's needs on their assessment page: each one recorded, with a way to add or change
// one (an interpreter's language, what helps) and to remove it. Meetings and letters ask
// about each one.
import { Button, Select, TextInput, type FieldErrors } from './form-fields';
import { StaffForm } from './staff';

export type NeedView = { kind: string; words: string };

export function NeedsSection({
  needs,
  kinds,
  editable,
  errors,
}: {
  needs: NeedView[];
  kinds: readonly (readonly [string, string])[];
  editable: boolean;
  errors: FieldErrors;
}) {
  return (
    <section className="app-section" id="section-need" aria-labelledby="section-need-title">
      <h2 className="govuk-heading-m" id="section-need-title">
        What they need to take part
      </h2>
      {needs.length === 0 ? <p className="govuk-body">None recorded.</p> : null}
      <ul className="govuk-list" id="needs">
        {needs.map((n) => (
          <li key={n.kind}>
            {n.words}
            {editable ? (
              <StaffForm>
                <input type="hidden" name="section" value="need-remove" />
                <input type="hidden" name="kind" value={n.kind} />
                <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2" data-module="govuk-button">
                  Remove<span className="govuk-visually-hidden">{` ${n.words}`}</span>
                </button>
              </StaffForm>
            ) : null}
          </li>
        ))}
      </ul>
      {editable ? (
        <StaffForm>
          <input type="hidden" name="section" value="need" />
          <Select name="kind" label="Add or change a need" options={kinds.map(([value, label]) => ({ value, label }))} error={errors?.kind?.[0]} />
          <TextInput name="detail" label="Details" hint="For an interpreter, the language. Otherwise, what helps (optional)." error={errors?.detail?.[0]} />
          <Button secondary>Record the need</Button>
        </StaffForm>
      ) : null}
    </section>
  );
}
