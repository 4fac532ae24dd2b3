// The rest of a case's life, as data and pure rules: the kinds of restorative process, the
// meeting gate and preparation checklist, the outcome agreement's items and when they are
// overdue. Pages and the model both read from here.
import type { CaseStage } from '#db/schema';
import { describeGap, essentialGaps, type GateParticipant } from '~/models/cases/case-stages';

/** The stages in which a process may be started, a meeting planned or an agreement recorded. */
export const DELIVERY_STAGES: readonly CaseStage[] = ['ready', 'in_progress', 'outcome'];

export const PROCESS_KINDS = [
  ['face_to_face', 'Face-to-face conference'],
  ['community_conference', 'Community conference'],
  ['facilitated_contact', 'Facilitated (mediated) contact'],
  ['phone_video', 'Phone or video meeting'],
  ['recorded_message', 'Recorded message'],
  ['letters', 'Letters or shuttle mediation'],
] as const;
export type ProcessKind = (typeof PROCESS_KINDS)[number][0];

/** Processes where the people meet or talk: these have meetings, and need direct contact to be safe. */
export const MEETING_KINDS: readonly ProcessKind[] = ['face_to_face', 'community_conference', 'facilitated_contact', 'phone_video'];
export const isDirect = (kind: ProcessKind) => MEETING_KINDS.includes(kind);

export const PROCESS_ENDINGS = [
  ['completed', 'It was completed'],
  ['ended_early', 'It ended early'],
] as const;

export const MEETING_MODES = [
  ['in_person', 'In person, at a venue'],
  ['video', 'Video call'],
  ['phone', 'Phone call'],
] as const;

/** The preparation checklist. Risk review is worked out from the assessments, not ticked. */
export const PREP_CHECKS = [
  ['prepared', 'Each person attending has been prepared'],
  ['venue_safe', 'The venue is safe and accessible (or the call is set up)'],
  ['separate_rooms', 'Separate waiting rooms, arrivals and departures are arranged'],
  ['needs_met', 'Interpreter and accessibility needs are arranged'],
] as const;
export type PrepCheck = (typeof PREP_CHECKS)[number][0];

export const MEETING_RESULTS = [
  ['held', 'It took place'],
  ['not_held', 'It did not take place'],
  ['cancelled', 'It was cancelled'],
] as const;

export const AGREEMENT_KINDS = [
  ['apology', 'Apology'],
  ['answers', 'Explanation or answers'],
  ['reparation', 'Reparation to the victim'],
  ['unpaid_work', 'Unpaid work for a charity or the community'],
  ['paying_damage', 'Paying for damage'],
  ['programme', 'Taking part in a programme'],
  ['progress_updates', 'Progress updates to the victim'],
  ['other', 'Something else'],
] as const;

export const ITEM_RESULTS = [
  ['done', 'Done'],
  ['partly', 'Partly done'],
  ['not_done', 'Not done'],
] as const;
export type ItemStatus = 'open' | (typeof ITEM_RESULTS)[number][0];

/**
 * Why a meeting with these people may not be planned: the essentials gate must hold for
 * each of them, and each one's risk decision must allow direct contact. Names who and what.
 */
export function meetingGaps(attendees: GateParticipant[]): string[] {
  if (!attendees.length) return ['Choose who will attend'];
  const out: string[] = [];
  if (!attendees.some((p) => p.role === 'victim')) out.push('At least one victim must attend');
  if (!attendees.some((p) => p.role === 'offender')) out.push('The person responsible must attend');
  for (const gap of essentialGaps(attendees)) if (gap.who !== null) out.push(describeGap(gap));
  for (const p of attendees) {
    const d = p.assessment?.riskDecision;
    if (d && d !== 'direct' && d !== 'direct_only' && d !== 'not_suitable')
      out.push(`${p.name} (${p.role === 'offender' ? 'person responsible' : p.role}): the risk assessment allows letters or messages only, not a meeting`);
  }
  return out;
}

/** The kinds of process each risk decision allows: a meeting needs direct contact, letters or a message indirect. */
const KIND_ALLOWED_BY: Record<'direct' | 'indirect', readonly string[]> = {
  direct: ['direct', 'direct_only'],
  indirect: ['direct', 'indirect_only'],
};

/**
 * Why a process of this kind may not run with these people now: the essentials gate, as at
 * "ready", for everyone in the case, and a risk decision allowing this kind of contact for
 * each victim and the person responsible (supporters are checked when they attend a
 * meeting). Names who and what; empty when it may run.
 */
export function processGaps(kind: ProcessKind, people: GateParticipant[]): string[] {
  const out = essentialGaps(people).map(describeGap);
  const allowed = KIND_ALLOWED_BY[isDirect(kind) ? 'direct' : 'indirect'];
  for (const p of people) {
    const d = p.assessment?.riskDecision;
    if (p.role === 'supporter' || !d || d === 'not_suitable' || allowed.includes(d)) continue;
    out.push(
      `${p.name} (${p.role === 'offender' ? 'person responsible' : p.role}): the risk assessment allows ${isDirect(kind) ? 'letters or messages only, not a meeting' : 'a meeting only, not letters or messages'}`,
    );
  }
  return out;
}

/** Attendees whose risk assessment is older than `days` before the meeting: it must be reviewed. */
export function staleRiskReviews(attendees: GateParticipant[], meetingDay: string, days: number): string[] {
  const limit = Date.parse(`${meetingDay}T00:00:00Z`) - days * 86_400_000;
  return attendees.filter((p) => !p.assessment?.riskAssessedOn || Date.parse(`${p.assessment.riskAssessedOn}T00:00:00Z`) < limit).map((p) => p.name);
}

/** What still stands between a planned meeting and recording that it took place. */
export function preparationGaps(checklist: readonly string[], stale: string[], needs: readonly { key: string; words: string }[] = []): string[] {
  const out: string[] = PREP_CHECKS.filter(([v]) => !checklist.includes(v)).map(([, label]) => `Not yet confirmed: ${label.toLowerCase()}`);
  for (const n of needs) if (!checklist.includes(n.key)) out.push(`Not yet arranged: ${n.words}`);
  for (const name of stale) out.push(`${name}: review the risk assessment before the meeting`);
  return out;
}

/** An item still open after its day is overdue. */
export const isOverdue = (item: { status: ItemStatus; dueOn: string }, today: string) => item.status === 'open' && item.dueOn < today;
