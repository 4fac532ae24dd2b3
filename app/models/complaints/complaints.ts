// Complaints about the service, free of the database: the steps a complaint goes through,
// declared once, and what is due or overdue on a given UK day. The model enforces the steps;
// the staff pages ask these what to show.

export type ComplaintStage = 'received' | 'acknowledged' | 'answered';
type Dates = { acknowledgedOn: string | null; answeredOn: string | null };

/** Where a complaint is, from the days recorded on it. */
export const stageOf = (c: Dates): ComplaintStage => (c.answeredOn ? 'answered' : c.acknowledgedOn ? 'acknowledged' : 'received');

/** Each step, the stage it needs and the stage it leads to: acknowledged first, then answered, each once. */
export const COMPLAINT_STEPS = {
  acknowledge: { from: 'received', to: 'acknowledged' },
  answer: { from: 'acknowledged', to: 'answered' },
} as const satisfies Record<string, { from: ComplaintStage; to: ComplaintStage }>;
export type ComplaintStep = keyof typeof COMPLAINT_STEPS;

/** The step a complaint at this stage may take next, if any. */
export const nextStep = (stage: ComplaintStage): ComplaintStep | null =>
  (Object.keys(COMPLAINT_STEPS) as ComplaintStep[]).find((s) => COMPLAINT_STEPS[s].from === stage) ?? null;

/** Why a step was refused, in words for the member of staff. */
export function outOfOrderText(step: ComplaintStep, stage: ComplaintStage): string {
  if (stage === 'answered') return 'This complaint has already been answered.';
  if (step === 'acknowledge') return 'This complaint has already been acknowledged.';
  return 'Record the acknowledgement before the answer.';
}

export const RECEIVED_VIA_LABELS = { online: 'Online form', phone: 'Phone', letter: 'Letter', email: 'Email', in_person: 'In person' } as const;
export const UPHELD_LABELS = { yes: 'Upheld', partly: 'Partly upheld', no: 'Not upheld' } as const;

export type TagColour = 'red' | 'yellow' | 'blue' | 'green' | 'grey';
export type ComplaintTag = { text: string; colour: TagColour };

type Clock = Dates & { acknowledgeBy: string; answerBy: string };

/** The tags a complaint shows on `today` (a UK day, YYYY-MM-DD): what is due, what is overdue, or how it ended. */
export function complaintTags(c: Clock, today: string): ComplaintTag[] {
  const stage = stageOf(c);
  if (stage === 'answered') {
    return [{ text: 'Answered', colour: 'green' }, ...(c.answeredOn! > c.answerBy ? [{ text: 'Answered late', colour: 'grey' as const }] : [])];
  }
  const due = (by: string, what: string): ComplaintTag =>
    by < today
      ? { text: `${what} overdue`, colour: 'red' }
      : by === today
        ? { text: `${what} due today`, colour: 'yellow' }
        : { text: `${what} due`, colour: 'blue' };
  const answer = due(c.answerBy, 'Answer');
  if (stage === 'acknowledged') return [answer];
  // Not yet acknowledged: that is due first, and the answer too once it is late.
  return [due(c.acknowledgeBy, 'Acknowledgement'), ...(answer.colour === 'red' ? [answer] : [])];
}
