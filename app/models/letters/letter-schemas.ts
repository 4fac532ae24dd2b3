import { z } from 'zod';
import { CONTROL_CHARS } from '~/models/message-schema';

export const LETTER_MAX_CHARS = 5000;

export const letterBodySchema = z
  .string({ error: 'Write your letter' })
  .max(LETTER_MAX_CHARS, `Your letter must be ${LETTER_MAX_CHARS.toLocaleString('en-GB')} characters or fewer`)
  .refine((v) => !CONTROL_CHARS.test(v), 'Your letter must not contain hidden control characters')
  .transform((v) => v.replace(/\r\n/g, '\n'));

export const memberSignInSchema = z.object({
  reference: z.string({ error: 'Enter your reference' }).trim().min(1, 'Enter your reference').max(40, 'Enter your reference, like RJL-7K4M-Q2XP'),
  passphrase: z.string({ error: 'Enter your passphrase' }).min(1, 'Enter your passphrase').max(300, 'Enter your passphrase'),
});

export const memberSetUpSchema = z
  .object({
    reference: z.string({ error: 'Enter your reference' }).trim().min(1, 'Enter your reference').max(40, 'Enter your reference, like RJL-7K4M-Q2XP'),
    setUpCode: z.string({ error: 'Enter your set-up code' }).trim().min(1, 'Enter your set-up code').max(20, 'Enter your set-up code, like ABCD-EFGH'),
    passphrase: z
      .string({ error: 'Choose a passphrase' })
      .min(12, 'Your passphrase must be at least 12 characters. A few words you will remember work well')
      .max(200, 'Your passphrase must be 200 characters or fewer'),
    confirm: z.string({ error: 'Type your passphrase again' }),
  })
  .refine((v) => v.passphrase === v.confirm, { path: ['confirm'], message: 'The passphrases do not match' });

export const writeSchema = z.object({
  intent: z.enum(['save', 'preview'], { error: 'Reload the page and try again' }),
  letterId: z.coerce.number().int().positive().optional(),
  recipient: z.coerce.number({ error: 'Choose who the letter is for' }).int().positive('Choose who the letter is for'),
  body: letterBodySchema,
});
