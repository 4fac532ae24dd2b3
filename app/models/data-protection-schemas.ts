// The forms of data protection: legal holds, people's rights requests and complaints.
import { z } from 'zod';
import { pastDate, realDate } from './case-schemas';
import { optionalText, requiredText } from './message-schema';

export const holdSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('place'),
    reason: requiredText('The reason', 1000, 'Enter why the case must be kept'),
    reviewOn: realDate('Enter the date to review the hold').refine((v) => v > new Date().toISOString().slice(0, 10), 'The review date must be in the future'),
  }),
  z.object({ intent: z.literal('release'), releaseReason: requiredText('The reason', 1000, 'Enter why the hold can end') }),
]);

export const RIGHTS_REQUEST_KIND_LABELS = {
  access: 'See their information (subject access)',
  erasure: 'Delete their information',
  rectification: 'Correct their information',
  objection: 'Object to how it is used',
  restriction: 'Limit how it is used',
} as const;
export type RightsRequestKind = keyof typeof RIGHTS_REQUEST_KIND_LABELS;
const RIGHTS_KINDS = Object.keys(RIGHTS_REQUEST_KIND_LABELS) as [RightsRequestKind, ...RightsRequestKind[]];

export const rightsRequestSchema = z.object({
  intent: z.literal('record'),
  kind: z.enum(RIGHTS_KINDS, { error: 'Select what the person asked for' }),
  requester: requiredText('Who asked', 200, 'Enter who asked, for example their name or “the victim in RJ-…”'),
  details: optionalText('What they asked', 2000),
  receivedOn: pastDate('Enter the date the request arrived'),
});

export const answerRightsRequestSchema = z.object({
  intent: z.literal('answer'),
  requestId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  status: z.enum(['answered', 'refused'], { error: 'Select how the request ended' }),
  answeredOn: pastDate('Enter the date you answered'),
  outcome: requiredText('What was done', 2000, 'Enter what was done, or why the request was refused'),
});

/** One calendar month after the day a request arrived (UK GDPR article 12(3)); 31 Jan gives 28 or 29 Feb. */
export function monthAfter(day: string): string {
  const [y = 2000, m = 1, d = 1] = day.split('-').map(Number);
  const lastOfNext = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d, lastOfNext))).toISOString().slice(0, 10);
}

const REFERENCE = /^RJ-[A-Z0-9]{4}-[A-Z0-9]{4}$/;

export const complaintSchema = z
  .object({
    body: requiredText('Your complaint', 5000, 'Tell us what your complaint is about'),
    name: optionalText('Your name', 200),
    reply: z.enum(['email', 'phone', 'none'], { error: 'Select how we should reply, or that you do not want a reply' }),
    email: optionalText('Email address', 254),
    phone: optionalText('Phone number', 40),
    referralReference: z.string().trim().toUpperCase().regex(REFERENCE, 'Enter a reference like RJ-AB12-CD34, or leave it empty').optional(),
  })
  .superRefine((v, ctx) => {
    if (v.reply === 'email' && !(v.email && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email)))
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'Enter an email address like name@example.com' });
    if (v.reply === 'phone' && !(v.phone && /^[0-9+()\s-]{7,40}$/.test(v.phone)))
      ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Enter a phone number, like 01632 960 001' });
  });

export const complaintStepSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('acknowledge'), acknowledgedOn: pastDate('Enter the date you acknowledged the complaint') }),
  z.object({
    intent: z.literal('answer'),
    answeredOn: pastDate('Enter the date you answered'),
    upheld: z.enum(['yes', 'partly', 'no'], { error: 'Select whether the complaint was upheld' }),
    answer: requiredText('The answer', 5000, 'Enter a summary of the answer'),
  }),
]);
