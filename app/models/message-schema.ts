import { z } from 'zod';
import { isBlank } from '~/utils/hidden-text';

export const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A message in a thread: plain text, 1 to 2,000 characters, no hidden control characters. */
export const messageBodySchema = z
  .string({ error: 'Enter your message' })
  .trim()
  .min(1, 'Enter your message')
  .max(2000, 'Your message must be 2,000 characters or fewer')
  .refine((v) => !CONTROL_CHARS.test(v), 'Your message must not contain hidden control characters')
  .refine((v) => !isBlank(v), 'Enter your message');

/** Required free text: trimmed, not empty, at most `max` characters, no control characters. */
export function requiredText(name: string, max: number, empty: string) {
  return (
    z
      .string({ error: empty })
      .trim()
      .min(1, empty)
      .max(max, `${name} must be ${max} characters or fewer`)
      .refine((v) => !CONTROL_CHARS.test(v), `${name} must not contain hidden control characters`)
      // The one rule for every free-text field: text made only of characters that show as nothing is empty.
      .refine((v) => !isBlank(v), empty)
  );
}

/** Optional free text, as above; empty becomes undefined. */
export function optionalText(name: string, max: number) {
  return z
    .string({ error: `${name} must be text` })
    .trim()
    .max(max, `${name} must be ${max} characters or fewer`)
    .refine((v) => !CONTROL_CHARS.test(v), `${name} must not contain hidden control characters`)
    .optional()
    .transform((v) => (v && !isBlank(v) ? v : undefined));
}
