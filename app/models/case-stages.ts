// The case's stages and the only moves between them, declared once. The model enforces
// them; pages ask `allowedMoves` what to offer. Moving to "ready" also needs the
// essentials gate (`missingEssentials`) to be empty.
import type { CaseStage } from '#db/schema';

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

export const CLOSURE_REASONS = [
  ['completed', 'Completed'],
  ['victim_withdrew', 'Victim withdrew'],
  ['offender_withdrew', 'Offender withdrew'],
  ['unsuitable', 'Not suitable'],
  ['could_not_contact', 'Could not make contact'],
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number][0];

export function allowedMoves(from: CaseStage): readonly CaseStage[] {
  return TRANSITIONS[from];
}

export function isAllowedMove(from: CaseStage, to: CaseStage): boolean {
  return TRANSITIONS[from].includes(to);
}

export const SPECIALIST_FLAGS = [
  ['domestic_abuse', 'Domestic abuse'],
  ['sexual', 'Sexual offence'],
  ['hate', 'Hate crime'],
  ['stalking', 'Stalking or harassment'],
  ['exploitation', 'Exploitation'],
  ['other', 'Other specialist concern'],
] as const;

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
    acceptsResponsibility: 'yes' | 'partly' | 'no' | null;
    riskAssessedOn: string | null;
    riskDecision: 'direct' | 'indirect_only' | 'not_suitable' | null;
    specialistFlags: string[] | null;
    signedOffAt: Date | string | null;
  } | null;
};

/**
 * The essentials (service specification, paragraph 22) as a list of what is missing,
 * in words a facilitator can act on. Empty means the case may move to "ready".
 */
export function missingEssentials(people: GateParticipant[]): string[] {
  const missing: string[] = [];
  if (!people.some((p) => p.role === 'victim')) missing.push('Add at least one victim');
  if (!people.some((p) => p.role === 'offender')) missing.push('Add the person responsible');
  for (const p of people) {
    const a = p.assessment;
    const who = `${p.name} (${p.role === 'offender' ? 'person responsible' : p.role})`;
    if (p.role === 'supporter' && !p.directlyAffected) missing.push(`${who}: supporters can take part only if directly affected`);
    if (!a?.infoGivenOn) missing.push(`${who}: record that information about restorative justice was given`);
    if (!a?.consentOn) missing.push(`${who}: record informed consent`);
    else if (a.consentWithdrawnOn) missing.push(`${who}: consent has been withdrawn`);
    if (a?.willing !== 'yes') missing.push(`${who}: record that they are willing to take part`);
    if (p.role === 'offender' && a?.acceptsResponsibility !== 'yes' && a?.acceptsResponsibility !== 'partly')
      missing.push(`${who}: record that they accept some responsibility for the harm`);
    if (!a?.riskAssessedOn || !a.riskDecision) missing.push(`${who}: complete the risk assessment with a decision`);
    else if (a.riskDecision === 'not_suitable') missing.push(`${who}: the risk assessment found it not suitable`);
    if (a?.specialistFlags?.length && !a.signedOffAt) missing.push(`${who}: a manager must sign off the specialist risk flags`);
  }
  return missing;
}
