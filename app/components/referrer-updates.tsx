// A partner referral's progress emails on the case page: whether the person agreed that the
// referrer hears how it goes, whether the referrer wants them, what was sent, and a form to
// record what the person says now.
import { Button, Choices, TextInput, fieldOf, type FieldErrors } from './form-fields';
import { formatDateTime, StaffForm } from './staff';

const EVENT_WORDS: Record<string, string> = {
  contact_made: 'Contact made',
  not_taken_forward: 'Not taken forward',
  process_completed: 'A process completed',
  closed: 'Closed',
};

export type ReferrerUpdatesData = {
  share: 'yes' | 'no' | null;
  shareOn: string | null;
  wanted: boolean;
  notices: { event: string; reason: string | null; at: string }[];
  today: string;
  closed: boolean;
};

export function ReferrerUpdates({ d, errors }: { d: ReferrerUpdatesData; errors: FieldErrors }) {
  return (
    <section aria-labelledby="referrer-updates" className="app-section" id="sharing">
      <h2 className="govuk-heading-m" id="referrer-updates">
        Updates to the referrer
      </h2>
      <p className="govuk-body">
        {d.share === 'yes'
          ? `The person agreed that the referrer hears how it goes (recorded ${d.shareOn ?? ''}).`
          : d.share === 'no'
            ? `The person does not want the referrer told how it goes (recorded ${d.shareOn ?? ''}). Nothing is sent.`
            : 'Not yet asked whether the referrer may hear how it goes. Nothing is sent until the person agrees.'}
        {d.wanted ? '' : ' The referrer asked not to be sent progress emails.'}
      </p>
      {d.notices.length ? (
        <ul className="govuk-list" id="referrer-notices">
          {d.notices.map((n) => (
            <li key={n.event}>{`${formatDateTime(n.at)}: ${EVENT_WORDS[n.event] ?? n.event}${n.reason ? ` (${n.reason})` : ''}`}</li>
          ))}
        </ul>
      ) : null}
      {d.closed ? null : (
        <StaffForm intent="share">
          <Choices
            kind="radios"
            name="share"
            legend={{ text: 'What does the person say now?', size: 's' }}
            hint="Emails say only that there is progress, never anyone’s name or words."
            items={[
              { value: 'yes', label: 'They agree that the referrer hears how it goes' },
              { value: 'no', label: 'They do not want the referrer told' },
            ]}
            error={errors?.share?.[0]}
            small
          />
          <TextInput {...fieldOf(errors, 'shareOn')} label="Date they said so" type="date" width="10" defaultValue={d.today} />
          <Button secondary>Record it</Button>
        </StaffForm>
      )}
    </section>
  );
}
