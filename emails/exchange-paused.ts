import { renderEmail, type Email } from './layout';

// To a facilitator: a participant paused or stopped their letter exchange. No names.
export function exchangePausedEmail(data: { caseId: number; stopped: boolean; publicUrl: string }): Email {
  return renderEmail(data.stopped ? 'A letter exchange has been stopped' : 'A letter exchange has been paused', [
    `A participant has ${data.stopped ? 'stopped' : 'paused'} their letter exchange. Nothing more will be passed on until you talk to them.`,
    `See the exchange: ${data.publicUrl}/staff/cases/${data.caseId}/letters`,
  ]);
}
