import { describe, expect, it } from 'vitest';
import { proposedPeople, referralCautions } from './referral-details';

const partner = { source: 'partner' as const, victimDetails: 'Vera Victim, mobile after 6pm', offenderDetails: 'Owen Offender' };

describe('the people a partner named, offered to confirm', () => {
  it('guesses the name up to the first comma, semicolon or line break and keeps the rest as contact details', () => {
    expect(proposedPeople(partner, [])).toEqual([
      { role: 'victim', name: 'Vera Victim', contactDetails: 'mobile after 6pm', text: 'Vera Victim, mobile after 6pm' },
      { role: 'offender', name: 'Owen Offender', contactDetails: '', text: 'Owen Offender' },
    ]);
    expect(proposedPeople({ ...partner, victimDetails: 'Ann; call her sister\nnot before 9' }, [])[0]).toMatchObject({
      name: 'Ann',
      contactDetails: 'call her sister\nnot before 9',
    });
  });
  it('stops offering a side once someone holds that role, and never for a self-referral or empty text', () => {
    expect(proposedPeople(partner, [{ role: 'victim' }]).map((p) => p.role)).toEqual(['offender']);
    expect(proposedPeople(partner, [{ role: 'victim' }, { role: 'offender' }])).toEqual([]);
    expect(proposedPeople({ ...partner, source: 'self' }, [])).toEqual([]);
    expect(proposedPeople({ ...partner, offenderDetails: '   ' }, []).map((p) => p.role)).toEqual(['victim']);
  });
  it('keeps the guesses within the form’s limits', () => {
    const [p] = proposedPeople({ ...partner, victimDetails: `${'N'.repeat(300)}, ${'c'.repeat(1500)}` }, []);
    expect(p!.name).toHaveLength(100);
    expect(p!.contactDetails).toHaveLength(500);
  });
});

describe('what triage must know first', () => {
  it('warns when the person responsible asked, and when they were under 18', () => {
    expect(referralCautions({ initiatedBy: 'victim', offenderAgeGroup: 'adult' })).toEqual([]);
    const both = referralCautions({ initiatedBy: 'offender', offenderAgeGroup: 'youth' });
    expect(both).toHaveLength(2);
    expect(both[0]).toContain('Approach the victim first');
    expect(both[1]).toContain('youth offending team');
  });
});
