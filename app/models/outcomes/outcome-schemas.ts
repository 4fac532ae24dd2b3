// The forms of a case's processes, meetings and outcome agreement, checked on the server.
import { z } from 'zod';
import { pastDate, realDate } from '~/models/cases/case-schemas';
import { optionalText, requiredText } from '~/models/message-schema';
import { NEED_CHECK } from '~/models/cases/needs';
import { AGREEMENT_KINDS, ITEM_RESULTS, MEETING_MODES, MEETING_RESULTS, PREP_CHECKS, PROCESS_ENDINGS, PROCESS_KINDS } from './outcomes';

const values = <T extends readonly (readonly [string, string])[]>(o: T) => o.map(([v]) => v) as [T[number][0], ...T[number][0][]];
const id = (message: string) => z.coerce.number({ error: message }).int(message).positive(message).max(Number.MAX_SAFE_INTEGER, message);
const many = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(max, 'Select from the choices shown'));

export const startProcessSchema = z.object({
  intent: z.literal('start-process'),
  processKind: z.enum(values(PROCESS_KINDS), { error: 'Select the kind of process' }),
  startedOn: pastDate('Enter the date it started'),
});

export const planMeetingSchema = z
  .object({
    intent: z.literal('plan-meeting'),
    processId: id('Select the process the meeting belongs to'),
    startsOn: realDate('Enter the date of the meeting'),
    startsTime: z
      .string({ error: 'Enter the time, like 14:30' })
      .trim()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter the time, like 14:30'),
    mode: z.enum(values(MEETING_MODES), { error: 'Select how the meeting happens' }),
    venue: optionalText('The venue', 100),
    attendees: many(id('Select from the choices shown'), 50).pipe(z.array(z.number()).min(1, 'Select who will attend')),
    otherAttendees: optionalText('Others attending', 500),
  })
  .superRefine((v, ctx) => {
    if (v.mode === 'in_person' && !v.venue) ctx.addIssue({ code: 'custom', path: ['venue'], message: 'Enter the venue’s name (not its address)' });
  });

export const addItemSchema = z.object({
  intent: z.literal('add-item'),
  itemKind: z.enum(values(AGREEMENT_KINDS), { error: 'Select what was agreed' }),
  description: requiredText('What was agreed', 1000, 'Describe what was agreed'),
  participantId: id('Select who does it'),
  dueOn: realDate('Enter the date it is due by'),
  evidence: requiredText('How completion is shown', 500, 'Say how you will know it is done'),
});

export const endProcessSchema = z.object({
  status: z.enum(values(PROCESS_ENDINGS), { error: 'Select how it ended' }),
  endedOn: pastDate('Enter the date it ended'),
  outcome: requiredText('The outcome', 2000, 'Enter what came of it'),
});

export const prepareSchema = z.object({
  intent: z.literal('prepare'),
  // The fixed checks, and one for each attendee's recorded need (the model keeps only those that apply).
  checklist: many(
    z.string().refine((v) => PREP_CHECKS.some(([c]) => c === v) || NEED_CHECK.test(v), 'Select from the choices shown'),
    PREP_CHECKS.length + 60,
  ),
});

export const recordMeetingSchema = z.object({
  intent: z.literal('record'),
  result: z.enum(values(MEETING_RESULTS), { error: 'Select what happened' }),
  record: requiredText('Your record', 5000, 'Enter your record of the meeting'),
});

export const itemCompletionSchema = z.object({
  status: z.enum(values(ITEM_RESULTS), { error: 'Select whether it was done' }),
  completedOn: pastDate('Enter the date'),
  note: optionalText('The note', 1000),
});

/** A facilitator records a person's agreement to the outcome agreement, given in person, by phone or by letter. */
export const recordAgreementSchema = z.object({
  participantId: id('Select who agreed'),
  agreedOn: pastDate('Enter the date they agreed'),
  how: z.enum(['in_person', 'phone', 'letter'], { error: 'Select how they agreed' }),
});
