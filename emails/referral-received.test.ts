import { describe, expect, it } from 'vitest';
import { referralReceivedEmail } from './referral-received';

describe('referral received email', () => {
  it('gives the reference and says nothing about what happened', () => {
    const email = referralReceivedEmail({ reference: 'RJ-7K4M-Q2XP' });
    expect(email.text).toContain('RJ-7K4M-Q2XP');
    expect(email.html).toContain('RJ-7K4M-Q2XP');
    expect(email.subject).not.toMatch(/restorative|crime|victim|referral/i);
    expect(`${email.subject} ${email.text}`).not.toMatch(/crime|victim|offender|harm/i);
  });

  it('escapes what it puts into HTML', () => {
    expect(referralReceivedEmail({ reference: '<b>x</b>' }).html).toContain('&lt;b&gt;x&lt;/b&gt;');
  });
});
