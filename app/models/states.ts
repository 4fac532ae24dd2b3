// The states of a letter, a letter exchange and a referral, declared once beside the case
// stages (`case-stages.ts`): each state's words for staff and for the person it is about,
// the moves between states, and who may make each move. Models enforce the moves (their
// UPDATEs are compare-and-set on the `from` states listed here); pages ask these helpers
// what to show and offer instead of re-deriving the rules.
import type { CaseStage } from '#db/schema';
import { allowsIndirectContact, essentialGaps, type GateParticipant } from '~/models/cases/case-stages';

// ---- Letters ------------------------------------------------------------------------------

export const LETTER_STATES = {
  draft: { staff: 'Draft', author: 'Draft, not sent', authorMayEdit: true },
  waiting: { staff: 'Waiting for review', author: 'With the facilitator: being read', authorMayEdit: false },
  // The author is not told that a second reader is involved: to them it is still being read.
  second_reading: { staff: 'Waiting for a second reader', author: 'With the facilitator: being read', authorMayEdit: false },
  returned: { staff: 'Returned to the author', author: 'Returned to you with a comment', authorMayEdit: true },
  passed_on: { staff: 'Passed on', author: 'Passed on', authorMayEdit: false },
  not_passed_on: { staff: 'Not passed on', author: 'Not passed on', authorMayEdit: false },
} as const;
export type LetterState = keyof typeof LETTER_STATES;

export type Mover = 'author' | 'facilitator';
type Move<S extends string> = { from: readonly S[]; to: S; by: Mover };

/** Every move a letter can make, and who makes it. A paper letter starts at "waiting". */
export const LETTER_MOVES = {
  submit: { from: ['draft', 'returned'], to: 'waiting', by: 'author' },
  pass_on: { from: ['waiting'], to: 'passed_on', by: 'facilitator' },
  // A kept threat: the first reader's "pass it on" waits for a second reader, who lets it go or sends it back.
  ask_second_reader: { from: ['waiting'], to: 'second_reading', by: 'facilitator' },
  second_reader_agrees: { from: ['second_reading'], to: 'passed_on', by: 'facilitator' },
  second_reader_sends_back: { from: ['second_reading'], to: 'waiting', by: 'facilitator' },
  return: { from: ['waiting'], to: 'returned', by: 'facilitator' },
  not_pass_on: { from: ['waiting'], to: 'not_passed_on', by: 'facilitator' },
} as const satisfies Record<string, Move<LetterState>>;

/** The states in which the author may change the words: a draft, or a letter returned to them. */
export const AUTHOR_EDITABLE = (Object.keys(LETTER_STATES) as LetterState[]).filter((s) => LETTER_STATES[s].authorMayEdit);

export function authorMayEdit(state: LetterState): boolean {
  return LETTER_STATES[state].authorMayEdit;
}

/** A facilitator may decide on a letter only while it waits for review. */
export function awaitsDecision(state: LetterState): boolean {
  return (LETTER_MOVES.pass_on.from as readonly LetterState[]).includes(state);
}

// ---- Letter exchanges ---------------------------------------------------------------------

export const EXCHANGE_STATES = {
  open: { staff: 'Open', participant: null, relays: true },
  paused: { staff: 'Paused', participant: 'The letter exchange is paused. Nothing is being passed on. Your facilitator has been told.', relays: false },
  withdrawn: { staff: 'Stopped', participant: 'You have stopped the letter exchange. Nothing more will be passed on.', relays: false },
} as const;
export type ExchangeState = keyof typeof EXCHANGE_STATES;

/** Anyone can freeze an exchange at once; only staff can open it again, and a stop is final. */
export const EXCHANGE_MOVES = {
  pause: { from: ['open'], to: 'paused', by: ['participant', 'facilitator'] },
  stop: { from: ['open'], to: 'withdrawn', by: ['participant'] },
  resume: { from: ['paused'], to: 'open', by: ['facilitator'] },
} as const;

/** Letters are written, decided and passed on only while the exchange is open. */
export function exchangeRelays(state: ExchangeState): boolean {
  return EXCHANGE_STATES[state].relays;
}

export function exchangeMayResume(state: ExchangeState): boolean {
  return (EXCHANGE_MOVES.resume.from as readonly ExchangeState[]).includes(state);
}

/** The case stages in which an exchange may be opened and run. */
// "outcome" too: the offender's progress updates to the victim, agreed in the outcome
// agreement, go through the same moderation as every letter.
export const EXCHANGE_STAGES: readonly CaseStage[] = ['ready', 'in_progress', 'outcome'];

export function stageAllowsExchange(stage: CaseStage): boolean {
  return EXCHANGE_STAGES.includes(stage);
}

export type ExchangeBlocker = 'stage' | 'gate' | 'direct-only';

/**
 * Why letters may not be passed on in this case now, or null when they may. The portal
 * pauses a running exchange for any of these, at once, in the transaction that caused it
 * (`exchange-safety.server.ts`); 'safeguarding' is a new concern recorded on a risk
 * assessment, which pauses it even when the decision still allows letters.
 */
export type FreezeCause = 'stage' | 'consent-withdrawn' | 'not-suitable' | 'direct-only' | 'gate' | 'safeguarding';

export const FREEZE_WORDS: Record<FreezeCause, string> = {
  stage: 'the case is no longer at a stage where letters can run',
  'consent-withdrawn': 'a participant withdrew consent',
  'not-suitable': 'a risk assessment found it not suitable',
  'direct-only': 'a risk assessment allows a meeting only, not letters',
  gate: 'the essentials no longer hold (see the case page)',
  safeguarding: 'a safeguarding concern was recorded',
};

export function relayBlocker(stage: CaseStage, people: GateParticipant[]): FreezeCause | null {
  if (!stageAllowsExchange(stage)) return 'stage';
  const gaps = essentialGaps(people);
  if (gaps.some((g) => g.what === 'consent-withdrawn')) return 'consent-withdrawn';
  if (gaps.some((g) => g.what === 'risk-not-suitable')) return 'not-suitable';
  if (gaps.length) return 'gate';
  if (!allowsIndirectContact(people)) return 'direct-only';
  return null;
}

/** Why an exchange cannot open on this case now, or null when it can: the same rule as relaying, in the opening form's words. */
export function exchangeBlocker(stage: CaseStage, people: GateParticipant[]): ExchangeBlocker | null {
  const cause = relayBlocker(stage, people);
  return cause === null || cause === 'stage' || cause === 'direct-only' ? cause : 'gate';
}

// ---- Referrals ----------------------------------------------------------------------------

export const REFERRAL_STATES = {
  received: {
    staff: 'New',
    referrer: { title: 'Received', text: 'We have your referral. Nobody has looked at it yet. This usually happens within 5 working days.' },
  },
  being_looked_at: { staff: 'Being looked at', referrer: { title: 'Being looked at', text: 'Someone in our team is reading what you told us.' } },
  facilitator_will_contact: {
    staff: 'Accepted into a case',
    referrer: {
      title: 'A facilitator will contact you',
      text: 'A trained facilitator will get in touch in the way you chose. If you chose no contact, they will leave you a message here.',
    },
  },
  in_progress: { staff: 'In progress', referrer: { title: 'In progress', text: 'A facilitator is working with you on your case.' } },
  closed: { staff: 'Closed', referrer: { title: 'Closed', text: 'Your case is closed. You can still send us a message if you want to talk again.' } },
  withdrawn: { staff: 'Withdrawn by the referrer', referrer: { title: 'Withdrawn', text: 'You withdrew your referral. We will not contact you about it.' } },
  declined: {
    staff: 'Declined',
    referrer: { title: 'Closed', text: 'We cannot take this referral further. Send us a message or call us if you want to talk about it.' },
  },
} as const;
export type ReferralState = keyof typeof REFERRAL_STATES;

/** Triage decides on a referral only while it is new; the referrer may withdraw until it ends. */
export const REFERRAL_MOVES = {
  open_for_triage: { from: ['received'], to: 'being_looked_at', by: ['staff'] },
  accept: { from: ['received', 'being_looked_at'], to: 'facilitator_will_contact', by: ['staff'] },
  decline: { from: ['received', 'being_looked_at'], to: 'declined', by: ['staff'] },
  withdraw: { from: ['received', 'being_looked_at', 'facilitator_will_contact', 'in_progress'], to: 'withdrawn', by: ['referrer'] },
  start_process: { from: ['facilitator_will_contact'], to: 'in_progress', by: ['staff'] },
  close: { from: ['facilitator_will_contact', 'in_progress'], to: 'closed', by: ['staff'] },
} as const;

/** The referrals in the triage queue: nobody has decided on them yet. */
export const AWAITING_TRIAGE = REFERRAL_MOVES.accept.from;

export function awaitsTriage(state: ReferralState): boolean {
  return (AWAITING_TRIAGE as readonly ReferralState[]).includes(state);
}

export function referrerMayWithdraw(state: ReferralState): boolean {
  return (REFERRAL_MOVES.withdraw.from as readonly ReferralState[]).includes(state);
}
