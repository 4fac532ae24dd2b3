import { describe, expect, it } from 'vitest';
import { CASE_STAGES, type CaseStage } from '#db/schema';
import { allowedWhileVictimFirst, isAllowedMove, missingEssentials, TRANSITIONS, victimFirst, type GateParticipant } from './case-stages';

describe('case stages', () => {
  it('allows every declared move and refuses every other', () => {
    let allowed = 0;
    let refused = 0;
    for (const from of CASE_STAGES) {
      for (const to of CASE_STAGES) {
        const declared = (TRANSITIONS[from] as readonly CaseStage[]).includes(to);
        expect(isAllowedMove(from, to), `${from} → ${to}`).toBe(declared);
        declared ? allowed++ : refused++;
      }
    }
    expect(allowed).toBe(14);
    expect(refused).toBe(35);
  });

  it('closed is final; ready is reached only from assessing', () => {
    expect(TRANSITIONS.closed).toEqual([]);
    expect(CASE_STAGES.filter((s) => isAllowedMove(s, 'ready'))).toEqual(['assessing']);
  });
});

const complete = (over: Partial<NonNullable<GateParticipant['assessment']>> = {}): GateParticipant['assessment'] => ({
  infoGivenOn: '2026-11-01',
  consentOn: '2026-11-02',
  consentWithdrawnOn: null,
  willing: 'yes',
  motive: 'Wants to be heard',
  expectations: 'An apology',
  acceptsResponsibility: 'yes',
  riskAssessedOn: '2026-11-03',
  riskDecision: 'indirect_only',
  specialistFlags: [],
  signedOffAt: null,
  ...over,
});
const victim = (over: Partial<GateParticipant> = {}): GateParticipant => ({
  id: 1,
  name: 'Vic',
  role: 'victim',
  directlyAffected: null,
  assessment: complete(),
  ...over,
});
const offender = (over: Partial<GateParticipant> = {}): GateParticipant => ({
  id: 2,
  name: 'Ollie',
  role: 'offender',
  directlyAffected: null,
  assessment: complete(),
  ...over,
});

describe('the essentials gate', () => {
  it('passes when every essential is recorded', () => {
    expect(missingEssentials([victim(), offender()])).toEqual([]);
  });

  it('reports each missing item, by name', () => {
    expect(missingEssentials([])).toEqual(['Add at least one victim', 'Add the person responsible']);
    expect(missingEssentials([victim()])).toEqual(['Add the person responsible']);
    const cases: [GateParticipant, string][] = [
      [victim({ assessment: complete({ infoGivenOn: null }) }), 'Vic (victim): record that information about restorative justice was given'],
      [victim({ assessment: complete({ consentOn: null }) }), 'Vic (victim): record informed consent'],
      [victim({ assessment: complete({ consentWithdrawnOn: '2026-11-04' }) }), 'Vic (victim): consent has been withdrawn'],
      [victim({ assessment: complete({ willing: 'unsure' }) }), 'Vic (victim): record that they are willing to take part'],
      [victim({ assessment: complete({ motive: null }) }), 'Vic (victim): record why they want to take part and what they hope for'],
      [victim({ assessment: complete({ expectations: '' }) }), 'Vic (victim): record why they want to take part and what they hope for'],
      [victim({ assessment: complete({ riskDecision: null }) }), 'Vic (victim): complete the risk assessment with a decision'],
      [victim({ assessment: complete({ riskDecision: 'not_suitable' }) }), 'Vic (victim): the risk assessment found it not suitable'],
      [victim({ assessment: complete({ specialistFlags: ['domestic_abuse'] }) }), 'Vic (victim): a manager must sign off the specialist risk flags'],
    ];
    for (const [v, message] of cases) expect(missingEssentials([v, offender()])).toEqual([message]);
    expect(missingEssentials([victim(), offender({ assessment: complete({ acceptsResponsibility: 'no' }) })])).toEqual([
      'Ollie (person responsible): record that they accept some responsibility for the harm',
    ]);
    expect(missingEssentials([victim(), offender({ assessment: complete({ acceptsResponsibility: 'partly' }) })])).toEqual([]);
    expect(missingEssentials([victim(), offender(), { id: 3, name: 'Sis', role: 'supporter', directlyAffected: false, assessment: complete() }])).toEqual([
      'Sis (supporter): supporters can take part only if directly affected',
    ]);
    expect(missingEssentials([victim({ assessment: null }), offender()])).toHaveLength(4);
    expect(missingEssentials([victim({ assessment: complete({ specialistFlags: ['sexual'], signedOffAt: new Date() }) }), offender()])).toEqual([]);
  });
});

describe('the victim first, when the person responsible asked for it', () => {
  const v = (contactConsent: 'yes' | 'no' | null) => ({ role: 'victim' as const, contactConsent });
  const o = { role: 'offender' as const, contactConsent: null };
  it('holds the case until a victim agrees to be contacted', () => {
    expect(victimFirst('victim', [o])).toBeNull();
    expect(victimFirst(null, [])).toBeNull();
    expect(victimFirst('offender', [])).toBe('pending');
    expect(victimFirst('offender', [o, v(null)])).toBe('pending');
    expect(victimFirst('offender', [o, v('no'), v(null)])).toBe('pending');
    expect(victimFirst('offender', [o, v('no')])).toBe('declined');
    expect(victimFirst('offender', [o, v('no'), v('yes')])).toBeNull();
  });
  it('allows only approaching a victim, recording their answer, or closing', () => {
    expect(allowedWhileVictimFirst('contact', 'victim')).toBe(true);
    expect(allowedWhileVictimFirst('contact', 'offender')).toBe(false);
    expect(allowedWhileVictimFirst('contact-consent', 'supporter')).toBe(false);
    expect(allowedWhileVictimFirst('assess', 'victim')).toBe(false);
    expect(['referred', 'contacting', 'assessing', 'ready', 'closed'].filter((to) => allowedWhileVictimFirst('move', null, to))).toEqual([
      'contacting',
      'closed',
    ]);
  });
});
