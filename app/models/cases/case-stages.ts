// The case's stages and the only moves between them, declared once. The model enforces
// them; pages ask `allowedMoves` what to offer. Moving to "ready" also needs the
// essentials gate (`missingEssentials`) to be empty.
import type { CaseStage } from '#db/schema';
import { type ClosureReason, type RiskDecision } from '~/data/case-options';

export const STAGE_LABELS: Record<CaseStage, string> = {
  referred: 'Referred',
  contacting: 'Contacting',
  assessing: 'Assessing',
  ready: 'Ready',
  in_progress: 'In progress',
  outcome: 'Outcome',
  closed: 'Closed',
};

export const TRANSITIONS: Record<CaseStage, readonly CaseStage[]> = {
  referred: ['contacting', 'closed'],
  contacting: ['assessing', 'closed'],
  assessing: ['ready', 'contacting', 'closed'],
  ready: ['in_progress', 'assessing', 'closed'],
  in_progress: ['outcome', 'assessing', 'closed'],
  outcome: ['closed'],
  closed: [],
};

/** Closing for these reasons says restorative justice was delivered: it needs what "outcome" needs. */
export const COMPLETED_CLOSURES: readonly ClosureReason[] = ['completed', 'completed_outstanding'];

/**
 * What moving *to* a stage needs and does besides changing the stage, declared with the
 * moves: the gates that must hold, a reason that must be given, and the status the referrer
 * then sees on their referral. The essentials hold for the whole life of a case: every move
 * forward from "ready" needs them again, not only the move to it (decision 019).
 */
export const ARRIVAL_RULES: Partial<
  Record<CaseStage, { gates?: readonly ('essentials' | 'process')[]; needsClosureReason?: true; referralStatus?: 'in_progress' | 'closed' }>
> = {
  ready: { gates: ['essentials'] },
  in_progress: { gates: ['essentials'], referralStatus: 'in_progress' },
  outcome: { gates: ['essentials', 'process'] },
  closed: { needsClosureReason: true, referralStatus: 'closed' },
};

export function allowedMoves(from: CaseStage): readonly CaseStage[] {
  return TRANSITIONS[from];
}

export function isAllowedMove(from: CaseStage, to: CaseStage): boolean {
  return TRANSITIONS[from].includes(to);
}

export type GateParticipant = {
  id: number;
  name: string;
  role: 'victim' | 'offender' | 'supporter';
  directlyAffected: boolean | null;
  assessment: {
    infoGivenOn: string | null;
    consentOn: string | null;
    consentWithdrawnOn: string | null;
    willing: 'yes' | 'no' | 'unsure' | null;
    motive?: string | null;
    expectations?: string | null;
    acceptsResponsibility: 'yes' | 'partly' | 'no' | null;
    riskAssessedOn: string | null;
    riskDecision: RiskDecision | null;
    specialistFlags: string[] | null;
    signedOffAt: Date | string | null;
  } | null;
};

/** One thing the essentials gate finds missing: about the case, or about one person. */
export type Gap =
  | { participantId: null; who: null; what: 'no-victim' | 'no-offender' }
  | {
      participantId: number;
      who: string;
      what:
        | 'supporter-not-affected'
        | 'info-not-given'
        | 'no-consent'
        | 'consent-withdrawn'
        | 'not-willing'
        | 'no-motive'
        | 'no-responsibility'
        | 'no-risk-decision'
        | 'risk-not-suitable'
        | 'flags-not-signed-off';
    };

const GAP_WORDS: Record<Gap['what'], string> = {
  'no-victim': 'Add at least one victim',
  'no-offender': 'Add the person responsible',
  'supporter-not-affected': 'supporters can take part only if directly affected',
  'info-not-given': 'record that information about restorative justice was given',
  'no-consent': 'record informed consent',
  'consent-withdrawn': 'consent has been withdrawn',
  'not-willing': 'record that they are willing to take part',
  'no-motive': 'record why they want to take part and what they hope for',
  'no-responsibility': 'record that they accept some responsibility for the harm',
  'no-risk-decision': 'complete the risk assessment with a decision',
  'risk-not-suitable': 'the risk assessment found it not suitable',
  'flags-not-signed-off': 'a manager must sign off the specialist risk flags',
};

/** A gap in words a facilitator can act on. */
export function describeGap(gap: Gap): string {
  return gap.who === null ? GAP_WORDS[gap.what] : `${gap.who}: ${GAP_WORDS[gap.what]}`;
}

/**
 * The essentials (service specification, paragraph 22): what is missing, as structured
 * reasons (who, what). Empty means the case may move to "ready".
 */
export function essentialGaps(people: GateParticipant[]): Gap[] {
  const gaps: Gap[] = [];
  if (!people.some((p) => p.role === 'victim')) gaps.push({ participantId: null, who: null, what: 'no-victim' });
  if (!people.some((p) => p.role === 'offender')) gaps.push({ participantId: null, who: null, what: 'no-offender' });
  for (const p of people) {
    const a = p.assessment;
    const who = `${p.name} (${p.role === 'offender' ? 'person responsible' : p.role})`;
    const gap = (what: Extract<Gap, { who: string }>['what']) => gaps.push({ participantId: p.id, who, what });
    if (p.role === 'supporter' && !p.directlyAffected) gap('supporter-not-affected');
    if (!a?.infoGivenOn) gap('info-not-given');
    if (!a?.consentOn) gap('no-consent');
    else if (a.consentWithdrawnOn) gap('consent-withdrawn');
    if (a?.willing !== 'yes') gap('not-willing');
    else if (!a.motive || !a.expectations) gap('no-motive');
    if (p.role === 'offender' && a?.acceptsResponsibility !== 'yes' && a?.acceptsResponsibility !== 'partly') gap('no-responsibility');
    if (!a?.riskAssessedOn || !a.riskDecision) gap('no-risk-decision');
    else if (a.riskDecision === 'not_suitable') gap('risk-not-suitable');
    if (a?.specialistFlags?.length && !a.signedOffAt) gap('flags-not-signed-off');
  }
  return gaps;
}

/** The gaps in words, in the order found. */
export function missingEssentials(people: GateParticipant[]): string[] {
  return essentialGaps(people).map(describeGap);
}

/** An indirect process (letters) needs every person's risk decision to allow contact of some kind. */
export function allowsIndirectContact(people: GateParticipant[]): boolean {
  return people.every((p) => p.assessment?.riskDecision === 'direct' || p.assessment?.riskDecision === 'indirect_only');
}

/**
 * A case the person responsible asked for: the victim is approached first, and nothing
 * else happens until a victim agrees to be contacted about it. 'pending' until then,
 * 'declined' when every victim said no, null when the rule does not hold the case back.
 */
export function victimFirst(
  initiatedBy: 'victim' | 'offender' | null,
  people: readonly { role: GateParticipant['role']; contactConsent: 'yes' | 'no' | null }[],
): 'pending' | 'declined' | null {
  if (initiatedBy !== 'offender') return null;
  const victims = people.filter((p) => p.role === 'victim');
  if (victims.some((v) => v.contactConsent === 'yes')) return null;
  return victims.length && victims.every((v) => v.contactConsent === 'no') ? 'declined' : 'pending';
}

/** What may be done while `victimFirst` is pending: approaching a victim and recording their answer. */
export function allowedWhileVictimFirst(
  step: 'contact' | 'contact-consent' | 'assess' | 'deliver' | 'move',
  role: GateParticipant['role'] | null,
  to?: string,
) {
  if (step === 'contact' || step === 'contact-consent') return role === 'victim';
  if (step === 'move') return to === 'contacting' || to === 'closed';
  return false;
}
