// A practitioner's record: the kinds of entry, the form that adds one, and when
// supervision and accreditation fall due. No database here: the form and the pages share it.
import { z } from 'zod';
import type { PRACTICE_KINDS as SchemaKinds } from '#db/schema';
import { pastDate, realDate } from '~/models/cases/case-schemas';
import { requiredText } from '~/models/message-schema';

// The same kinds as the table's (db/schema/staff.ts), which the browser's bundle must not import.
export const PRACTICE_KINDS = ['training', 'complex_training', 'accreditation', 'supervision', 'observation', 'cpd'] as const satisfies typeof SchemaKinds;
export const PRACTICE_KIND_LABELS: Record<(typeof PRACTICE_KINDS)[number], string> = {
  training: 'Training completed',
  complex_training: 'Training for complex and sensitive cases (domestic abuse, sexual offences, hate crime)',
  accreditation: 'Accreditation or registration',
  supervision: 'Supervision session',
  observation: 'Observed practice',
  cpd: 'Continuing professional development (CPD)',
};

export const practiceSchema = z
  .object({
    kind: z.enum(PRACTICE_KINDS, { error: 'Select what you are recording' }),
    onDate: pastDate('Enter the date'),
    what: requiredText('What it was', 200, 'Say what it was: the course, the accrediting body, or a line about the session'),
    supervisorId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
    // Conform turns an empty field into undefined before these run.
    renewsOn: realDate('Enter the renewal date').optional(),
    hours: z.coerce
      .number({ error: 'Enter the hours as a number, like 1.5' })
      .min(0.25, 'Enter at least 0.25 hours')
      .max(200, 'Enter 200 hours or fewer')
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'supervision' && !v.supervisorId) ctx.addIssue({ code: 'custom', path: ['supervisorId'], message: 'Select who gave the supervision' });
    if (v.kind === 'accreditation' && !v.renewsOn) ctx.addIssue({ code: 'custom', path: ['renewsOn'], message: 'Enter the date it must be renewed by' });
    if (v.kind === 'accreditation' && v.renewsOn && v.renewsOn <= v.onDate)
      ctx.addIssue({ code: 'custom', path: ['renewsOn'], message: 'The renewal date must be after the date it was given' });
    if (v.kind === 'cpd' && v.hours === undefined) ctx.addIssue({ code: 'custom', path: ['hours'], message: 'Enter the hours, like 1.5' });
  });
export type PracticeEntry = z.infer<typeof practiceSchema>;

export type PracticeState = 'ok' | 'due' | 'overdue';

/** Supervision is due `weeks` after the last session; with none recorded it is overdue. */
export function supervisionState(lastOn: string | null, weeks: number, today: string): { dueOn: string | null; state: PracticeState } {
  if (!lastOn) return { dueOn: null, state: 'overdue' };
  const dueOn = new Date(Date.parse(`${lastOn}T00:00:00Z`) + weeks * 7 * 86_400_000).toISOString().slice(0, 10);
  return { dueOn, state: dueOn < today ? 'overdue' : daysUntil(today, dueOn) <= 14 ? 'due' : 'ok' };
}

/** Accreditation is due within `noticeDays` of its renewal date and overdue after it; none recorded is due. */
export function accreditationState(renewsOn: string | null, noticeDays: number, today: string): PracticeState {
  if (!renewsOn) return 'due';
  return renewsOn < today ? 'overdue' : daysUntil(today, renewsOn) <= noticeDays ? 'due' : 'ok';
}

const daysUntil = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
