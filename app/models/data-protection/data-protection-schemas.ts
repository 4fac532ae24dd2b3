// The forms of data protection: legal holds, people's rights requests and complaints.
import { z } from 'zod';
import { ukIsoDay } from '~/utils/dates';
import { pastDate, realDate } from '~/models/cases/case-schemas';
import { optionalText, requiredText } from '~/models/message-schema';

export const holdSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('place'),
    reason: requiredText('The reason', 1000, 'Enter why the case must be kept'),
    reviewOn: realDate('Enter the date to review the hold').refine((v) => v > ukIsoDay(Date.now()), 'The review date must be in the future'),
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
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[0-9+()\s-]{7,40}$/;

const referralReference = z.string().trim().toUpperCase().regex(REFERENCE, 'Enter a reference like RJ-AB12-CD34, or leave it empty').optional();

/** The public form. Only the contact detail for the chosen way of replying is kept. */
export const complaintSchema = z
  .object({
    submissionKey: z.string().regex(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/, 'Reload the page and try again'),
    body: requiredText('Your complaint', 5000, 'Tell us what your complaint is about'),
    name: optionalText('Your name', 200),
    reply: z.enum(['email', 'phone', 'none'], { error: 'Select how we should reply, or that you do not want a reply' }),
    email: optionalText('Email address', 254),
    phone: optionalText('Phone number', 40),
    referralReference,
  })
  .superRefine((v, ctx) => {
    if (v.reply === 'email' && !(v.email && EMAIL.test(v.email)))
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'Enter an email address like name@example.com' });
    if (v.reply === 'phone' && !(v.phone && PHONE.test(v.phone)))
      ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Enter a phone number, like 01632 960 001' });
  });
export type PublicComplaint = z.infer<typeof complaintSchema>;

export const COMPLAINT_WAYS_IN = { phone: 'Phone', letter: 'Letter', email: 'Email', in_person: 'In person' } as const;
type WayIn = keyof typeof COMPLAINT_WAYS_IN;

/** Staff record a complaint that arrived another way, with the day it arrived. */
export const recordComplaintSchema = z
  .object({
    intent: z.literal('record'),
    receivedVia: z.enum(Object.keys(COMPLAINT_WAYS_IN) as [WayIn, ...WayIn[]], { error: 'Select how the complaint arrived' }),
    receivedOn: pastDate('Enter the date the complaint arrived'),
    body: requiredText('The complaint', 5000, 'Enter what the complaint is about'),
    name: optionalText('Their name', 200),
    email: optionalText('Email address', 254),
    phone: optionalText('Phone number', 40),
    referralReference,
  })
  .superRefine((v, ctx) => {
    if (v.email && !EMAIL.test(v.email)) ctx.addIssue({ code: 'custom', path: ['email'], message: 'Enter an email address like name@example.com' });
    if (v.phone && !PHONE.test(v.phone)) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Enter a phone number, like 01632 960 001' });
  });
export type RecordedComplaint = z.infer<typeof recordComplaintSchema>;

export const complaintStepSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('acknowledge'), acknowledgedOn: pastDate('Enter the date you acknowledged the complaint') }),
  z.object({
    intent: z.literal('answer'),
    answeredOn: pastDate('Enter the date you answered'),
    upheld: z.enum(['yes', 'partly', 'no'], { error: 'Select whether the complaint was upheld' }),
    answer: requiredText('The answer', 5000, 'Enter a summary of the answer'),
  }),
]);
