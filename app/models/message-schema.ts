import { z } from 'zod';

export const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A message in a thread: plain text, 1 to 2,000 characters, no hidden control characters. */
export const messageBodySchema = z
  .string({ error: 'Enter your message' })
  .trim()
  .min(1, 'Enter your message')
  .max(2000, 'Your message must be 2,000 characters or fewer')
  .refine((v) => !CONTROL_CHARS.test(v), 'Your message must not contain hidden control characters');
