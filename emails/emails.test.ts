import { describe, expect, it } from 'vitest';
import { EMAIL_PREVIEWS } from './index';
import { newLetterEmail } from './new-letter';

describe('email templates', () => {
  it('every template has a subject, a text part and an HTML part, and names no one', () => {
    for (const p of EMAIL_PREVIEWS) {
      const e = p.render();
      expect(e.subject.length, p.name).toBeGreaterThan(3);
      expect(e.text.length, p.name).toBeGreaterThan(20);
      expect(e.html, p.name).toMatch(/^<!doctype html>/);
      expect(`${e.subject} ${e.text}`, p.name).not.toMatch(/offender|victim|crime|harm/i);
    }
  });

  it('the new-letter email takes nothing in, so no letter can reach it', () => {
    // It has no parameters; even called with a letter's words (as a mistaken caller might), none of them appear.
    expect(newLetterEmail.length).toBe(0);
    const misused = (newLetterEmail as (...args: unknown[]) => ReturnType<typeof newLetterEmail>)('SECRET-LETTER-WORDS', { body: 'SECRET-LETTER-WORDS' });
    expect(JSON.stringify(misused)).not.toContain('SECRET-LETTER-WORDS');
    expect(misused.subject).toBe('You have a new message');
    expect(misused.text).not.toMatch(/[“"].+[”"]/);
  });
});
