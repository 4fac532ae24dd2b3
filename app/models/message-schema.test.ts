// The one rule for every free-text field (issue 25): text that shows nothing is empty, in
// messages, letters' reasons, complaints, feedback and referrals alike.
import { describe, expect, it } from 'vitest';
import { messageBodySchema, optionalText, requiredText } from './message-schema';

const INVISIBLE = ['\u200B\u200B', '\u2060\uFEFF', '\u00AD \u00AD', '\u202E\u202C', '\u3164', '\u2800', '\u200C\u200D'];

describe('free text that shows nothing', () => {
  it.each(INVISIBLE)('is refused as empty where text is required, and kept as nothing where it is optional (%j)', (text) => {
    expect(messageBodySchema.safeParse(text).success).toBe(false);
    const complaint = requiredText('What happened', 2000, 'Tell us what happened').safeParse(text);
    expect(complaint.success ? null : complaint.error.issues[0]!.message).toBe('Tell us what happened');
    expect(optionalText('Anything else', 2000).parse(text)).toBeUndefined();
  });

  it('keeps text that shows, with its joiners where a language needs them', () => {
    expect(messageBodySchema.parse('  Thank you  ')).toBe('Thank you');
    expect(requiredText('x', 100, 'empty').parse('نمی‌خواهم')).toBe('نمی‌خواهم');
  });
});
