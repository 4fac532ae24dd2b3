// The letter review page's parts: the safety flags (with turning a kind off for one
// version), the decision form, and the letter's history. Props in, markup out.
import { Button, Choices, Textarea, fieldOf, type FieldErrors } from './form-fields';
import { formatDateTime, StaffForm } from './staff';
import { KeepReasons, KeptList } from './letter-flag-answers';
import { SuccessBanner } from './page';

type Found = { text: string; why: string };

/** What the review shows of the latest version. */
export type ReviewView = {
  versionId: number;
  shownCount: number;
  atLimit: boolean;
  flags: { start: number; end: number; label: string; text: string; off: boolean; keep: string | null }[];
  sentBack: { note: string; at: string } | null;
  flagGroups: { kind: string; label: string; flags: Found[] }[];
  flagsOff: { kind: string; label: string; by: string; at: string; reason: string; flags: Found[] }[];
  recipientNeeds: string[];
};

/** One version of the letter, with the decision on it and the flags turned off on it. */
export type HistoryEntry = {
  version: number;
  paper: boolean;
  at: string;
  body: string;
  decision: {
    decision: string;
    by: string;
    secondBy?: string | null;
    message?: string | null;
    reason?: string | null;
    kept: { kind: string; text: string; reason: string }[];
  } | null;
  flagsOff: { label: string; by: string; at: string; reason: string; onAt: string | null; onBy: string | null }[];
};

export function SafetyFlags({ d, errors, waiting }: { d: ReviewView; errors: FieldErrors; waiting: boolean }) {
  return (
    <>
      <h3 className="govuk-heading-s" id="safety-flags-heading">
        Safety flags ({d.shownCount}
        {d.flagsOff.length ? `, and ${d.flags.length - d.shownCount} turned off` : ''})
      </h3>
      {d.atLimit ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            This letter has more flagged parts of one kind than can be shown. It cannot be passed on as it is: return it to the author, or do not pass it on.
          </strong>
        </div>
      ) : null}
      {d.shownCount === 0 ? (
        <p className="govuk-body">
          {d.flagsOff.length ? 'Every flag on this version is turned off: they are listed below, with the reasons.' : 'Nothing was flagged.'} Read it carefully
          all the same.
        </p>
      ) : null}
      <dl className="app-flag-list" id="safety-flags">
        {d.flagGroups.map((g) => (
          <div key={g.kind}>
            <dt className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{g.label}</dt>
            {g.flags.map((f, i) => (
              <dd key={i} className="govuk-body govuk-!-margin-left-0 govuk-!-margin-bottom-1">
                {`“${f.text}”: ${f.why}`}
              </dd>
            ))}
          </div>
        ))}
      </dl>
      {d.flagsOff.length ? (
        <>
          <h4 className="govuk-heading-s">Turned off for this version</h4>
          <ul className="govuk-list" id="flags-turned-off">
            {d.flagsOff.map((o) => (
              <li key={o.kind}>
                <strong>{o.label}</strong>
                {`, turned off by ${o.by} on ${formatDateTime(o.at)}. Reason: ${o.reason}`}
                <ul className="govuk-list govuk-list--bullet govuk-!-margin-top-1">
                  {o.flags.map((f, i) => (
                    <li key={i}>{`“${f.text}”: ${f.why}`}</li>
                  ))}
                </ul>
                {waiting ? (
                  <StaffForm intent="flags-on">
                    <input type="hidden" name="versionId" value={d.versionId} />
                    <input type="hidden" name="kind" value={o.kind} />
                    <button
                      type="submit"
                      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2 govuk-!-margin-top-1"
                      data-module="govuk-button"
                    >
                      Turn {o.label.toLowerCase()} flags back on
                    </button>
                  </StaffForm>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {waiting && d.flagGroups.length ? (
        <details className="govuk-details" open={!!(errors?.kind || errors?.reason)}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Turn off a kind of flag that is a false alarm here</span>
          </summary>
          <div className="govuk-details__text">
            <p className="govuk-body">
              It stays off for this version only. If the author sends a new version, every flag shows again. Your reason is kept with the letter.
            </p>
            <StaffForm intent="flags-off">
              <input type="hidden" name="versionId" value={d.versionId} />
              <Choices
                kind="radios"
                name="kind"
                legend={{ text: 'Which kind of flag?', size: 's' }}
                error={errors?.kind?.[0]}
                items={d.flagGroups.map((g) => ({ value: g.kind, label: `${g.label} (${g.flags.length === 1 ? '1 flag' : `${g.flags.length} flags`})` }))}
                small
              />
              <Textarea {...fieldOf(errors, 'reason')} label="Why is it a false alarm in this letter?" rows={2} />
              <Button secondary>Turn off</Button>
            </StaffForm>
          </div>
        </details>
      ) : null}
    </>
  );
}

export function DecisionForm({ d, errors }: { d: ReviewView; errors: FieldErrors }) {
  return (
    <>
      <h2 className="govuk-heading-m">Your decision</h2>
      {d.sentBack ? (
        <div className="govuk-inset-text" id="sent-back">{`A second reader sent this back on ${formatDateTime(d.sentBack.at)}: ${d.sentBack.note}`}</div>
      ) : null}
      <StaffForm>
        <input type="hidden" name="versionId" value={d.versionId} />
        <Choices
          kind="radios"
          name="decision"
          legend={{ text: 'What should happen to this letter?', size: 's' }}
          error={errors?.decision?.[0]}
          items={[
            {
              value: 'approve',
              label: 'Pass it on',
              hint: 'Anything you choose to remove shows as “[removed by the facilitator]”. The author is told what was removed.',
              conditional: (
                <>
                  {/* At the limit the letter cannot go: no boxes to fill in for it. */}
                  {d.flags.length && !d.atLimit ? (
                    <Choices
                      kind="checkboxes"
                      name="remove"
                      legend={{ text: 'Remove these flagged parts', size: 's' }}
                      items={d.flags.map((f) => ({ value: `${f.start}-${f.end}`, label: `${f.label}: “${f.text}”${f.off ? ' (turned off)' : ''}` }))}
                      small
                    />
                  ) : null}
                  {d.atLimit ? null : <KeepReasons flags={d.flags} errors={errors} />}
                  <Textarea
                    {...fieldOf(errors, 'removeText')}
                    label="Other words to remove (optional)"
                    hint="Copy the exact words from the letter, one piece on each line"
                    rows={3}
                  />
                  {d.recipientNeeds.length ? (
                    <Choices
                      kind="checkboxes"
                      name="needsArranged"
                      legend={{ text: 'What the recipient needs', size: 's' }}
                      hint={d.recipientNeeds.join('. ')}
                      items={[{ value: 'yes', label: 'I have arranged how they will read it' }]}
                      error={errors?.needsArranged?.[0]}
                      small
                    />
                  ) : null}
                </>
              ),
            },
            {
              value: 'return',
              label: 'Return it to the author with a comment',
              conditional: (
                <Textarea
                  {...fieldOf(errors, 'messageToAuthor')}
                  label="Comment for the author"
                  hint="Say what to change. They can revise it and send it again."
                  rows={3}
                />
              ),
            },
            {
              value: 'not_passed_on',
              label: 'Do not pass it on',
              conditional: (
                <>
                  <Textarea {...fieldOf(errors, 'reasonForRecord')} label="Reason, for the record" rows={3} />
                  <Textarea
                    {...fieldOf(errors, 'messageToAuthorRefused')}
                    label="Message for the author"
                    hint="They see this instead of the letter being passed on"
                    rows={3}
                  />
                </>
              ),
            },
          ]}
        />
        <Button>Save decision</Button>
      </StaffForm>
    </>
  );
}

export function LetterHistory({ history }: { history: HistoryEntry[] }) {
  return (
    <>
      <h2 className="govuk-heading-m">History</h2>
      {history.map((h) => (
        <details key={h.version} className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">
              Version {h.version}, {h.paper ? 'recorded from paper' : 'sent'} {formatDateTime(h.at)}
              {h.decision ? ` – ${h.decision.decision.replace(/_/g, ' ')} by ${h.decision.by}` : ''}
            </span>
          </summary>
          <div className="govuk-details__text">
            <p className="govuk-body app-pre-wrap">{h.body}</p>
            {h.decision?.message ? <p className="govuk-body">To the author: {h.decision.message}</p> : null}
            {h.decision?.reason ? <p className="govuk-body">For the record: {h.decision.reason}</p> : null}
            {h.decision?.kept.length ? <p className="govuk-body">Flagged words left in, and why:</p> : null}
            {h.decision ? <KeptList kept={h.decision.kept} /> : null}
            {h.decision?.secondBy ? <p className="govuk-body">{`Read again and agreed by ${h.decision.secondBy}.`}</p> : null}
            {h.flagsOff.map((o, i) => (
              <p key={i} className="govuk-body">
                {`${o.label} flags turned off by ${o.by} on ${formatDateTime(o.at)}: ${o.reason}`}
                {o.onAt ? ` Turned back on by ${o.onBy ?? 'a former member of staff'} on ${formatDateTime(o.onAt)}.` : ''}
              </p>
            ))}
          </div>
        </details>
      ))}
    </>
  );
}

/** What a saved decision did, for the banner that confirms it. */
const DECIDED: Partial<Record<string, string>> = {
  passed_on: 'The letter is passed on. The recipient can read it now.',
  second_reading: 'The letter waits for a second reader before it is passed on. Managers have been told.',
  returned: 'The letter is sent back to its author with your message.',
  not_passed_on: 'The letter will not be passed on.',
};

/** The banner after a decision: it takes focus and is read out (role="alert"). */
export function DecisionSaved({ status }: { status: string }) {
  const what = DECIDED[status];
  if (!what) return null;
  return (
    <SuccessBanner title="Decision saved">
      <p className="govuk-notification-banner__heading">{what}</p>
    </SuccessBanner>
  );
}
