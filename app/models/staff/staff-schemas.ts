import { z } from 'zod';
import { requiredText } from '~/models/message-schema';

export const staffEmailSchema = z
  .string({ error: 'Enter your work email address' })
  .trim()
  .min(1, 'Enter your work email address')
  .max(254, 'Enter a shorter email address')
  .pipe(z.email('Enter an email address in the correct format, like name@example.org'));

export const signInSchema = z.object({
  email: staffEmailSchema,
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(200, 'Enter your password'),
});

export const codeSchema = z.object({
  code: z
    .string({ error: 'Enter the 6-digit code from your authenticator app' })
    .trim()
    .regex(/^\d{3}\s?\d{3}$/, 'Enter the 6-digit code from your authenticator app'),
});

export const newPasswordSchema = z
  .object({
    password: z
      .string({ error: 'Enter a password' })
      .min(12, 'Your password must be at least 12 characters')
      .max(200, 'Your password must be 200 characters or fewer')
      .refine((v) => v.trim().length >= 12, 'Your password must be at least 12 characters, not counting spaces'),
    confirm: z.string({ error: 'Enter the same password again' }),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The passwords do not match' });

export const newStaffSchema = z.object({
  name: requiredText('Their name', 100, 'Enter their name'),
  email: staffEmailSchema,
  role: z.enum(['facilitator', 'manager'], { error: 'Select a role' }),
});
