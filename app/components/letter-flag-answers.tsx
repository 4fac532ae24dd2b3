// Every flag answered before a letter leaves (issue 25): the reasons for keeping flagged
// words, the second reader's panel for a kept threat, and what was kept, for the history.
import { Button, Choices, Textarea, fieldOf, type FieldErrors } from './form-fields';
import { formatDateTime, StaffForm } from './staff';

type Kept = { kind: string; text: string; reason: string };
const KIND_WORDS: Record<string, string> = { threat: 'Threat or pressure' };

/** One reason box for each flag that must be answered: leave it in, and say why. */
export function KeepReasons({ flags, errors }: { flags: { keep: string | null; label: string; text: string }[]; errors: FieldErrors }) {
  const asked = flags.filter((f): f is typeof f & { keep: string } => f.keep !== null);
  if (!asked.length) return null;
  return (
    <fieldset className="govuk-fieldset" aria-describedby="keep-hint">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Flagged words you leave in</legend>
      <div id="keep-hint" className="govuk-hint">
        For each contact detail, place or threat you do not remove above, say why it can stay (for example, “the school is already known to both”). A kept
        threat waits for a manager to read it too before it goes.
      </div>
      {asked.map((f) => (
        <Textarea
          key={f.keep}
          {...fieldOf(errors, f.keep)}
          label={`Why can “${f.text}” stay? (${f.label.toLowerCase()})`}
          hint="Leave empty if you remove it above"
          rows={2}
        />
      ))}
    </fieldset>
  );
}

export function KeptList({ kept }: { kept: Kept[] }) {
  if (!kept.length) return null;
  return (
    <ul className="govuk-list govuk-list--bullet">
      {kept.map((k, i) => (
        <li key={i}>{`${KIND_WORDS[k.kind] ?? k.kind}: “${k.text}”. Kept because: ${k.reason}`}</li>
      ))}
    </ul>
  );
}

export type SecondReadingView = { id: number; firstBy: string; at: string; kept: Kept[]; removed: number; youMay: boolean };

/** A letter passed on with a threat kept: who decided, what was kept and why, and the second reader's answer. */
export function SecondReading({ reading, errors }: { reading: SecondReadingView; errors: FieldErrors }) {
  return (
    <div id="second-reading">
      <h2 className="govuk-heading-m">Waiting for a second reader</h2>
      <p className="govuk-body">
        {`${reading.firstBy} chose to pass it on on ${formatDateTime(reading.at)}, removing ${reading.removed === 1 ? '1 part' : `${reading.removed} parts`} and keeping these flagged words:`}
      </p>
      <KeptList kept={reading.kept} />
      {reading.youMay ? (
        <StaffForm intent="second-read">
          <input type="hidden" name="readingId" value={reading.id} />
          <Choices
            kind="radios"
            name="secondDecision"
            legend={{ text: 'Read the letter above. Can it be passed on as they decided?', size: 's' }}
            error={errors?.secondDecision?.[0]}
            items={[
              { value: 'agree', label: 'Yes, pass it on' },
              {
                value: 'send-back',
                label: `No, send it back to ${reading.firstBy}`,
                conditional: <Textarea {...fieldOf(errors, 'note')} label={`What should ${reading.firstBy} look at again?`} rows={3} />,
              },
            ]}
          />
          <Button>Save the second reading</Button>
        </StaffForm>
      ) : (
        <p className="govuk-body">A manager who did not make the first decision reads it next. Nothing is passed on until they agree.</p>
      )}
    </div>
  );
}
