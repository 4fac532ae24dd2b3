// The staff forms' rules: triage, case moves, participants, contact log and assessment.
import { z } from 'zod';
import { CASE_STAGES } from '#db/schema';
import { optionalText, requiredText } from '~/models/message-schema';
import { DECLINE_CATEGORIES, type DeclineCategory } from '~/models/referrals/referrer-updates';
import { NEED_KINDS, type NeedKind } from './needs';
import { CLOSURE_REASONS, CONTACT_METHODS, INFO_HOW, PARTICIPANT_ROLES, RISK_DECISIONS, SPECIALIST_FLAGS } from '~/data/case-options';

const values = <T extends readonly (readonly [string, string])[]>(o: T) => o.map(([v]) => v) as [T[number][0], ...T[number][0][]];

/** A date as YYYY-MM-DD, a real one, not in the future. */
export function pastDate(empty: string) {
  return z
    .string({ error: empty })
    .trim()
    .min(1, empty)
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a real date, like 2026-11-21')
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'Enter a real date, like 2026-11-21')
    .refine((v) => Date.parse(`${v}T00:00:00Z`) <= Date.now() + 86_400_000, 'The date must be today or in the past');
}

/** A real date as YYYY-MM-DD, past or future (a meeting, a due day). */
export function realDate(empty: string) {
  return z
    .string({ error: empty })
    .trim()
    .min(1, empty)
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a real date, like 2026-11-21')
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'Enter a real date, like 2026-11-21')
    .refine((v) => v >= '2000-01-01' && v <= '2100-12-31', 'Enter a date between 2000 and 2100');
}

export const acceptSchema = z.object({
  intent: z.literal('accept'),
  facilitatorId: z.coerce.number({ error: 'Select a facilitator' }).int().positive('Select a facilitator'),
  trainingReason: optionalText('The reason', 1000),
});
export const YOT_DECISIONS = [
  ['service', 'This service delivers it'],
  ['joint', 'This service and the youth offending team deliver it together'],
  ['yot', 'The youth offending team delivers it (decline it here)'],
] as const;
export const yotDecisionSchema = z.object({
  intent: z.literal('yot'),
  decision: z.enum(['service', 'joint', 'yot'], { error: 'Select what was decided with the youth offending team' }),
  decidedOn: pastDate('Enter the date it was decided'),
  note: requiredText('The note', 1000, 'Say who you spoke to at the youth offending team and what was agreed'),
});
export const declineSchema = z.object({
  intent: z.literal('decline'),
  category: z.enum(DECLINE_CATEGORIES.map(([v]) => v) as [DeclineCategory, ...DeclineCategory[]], { error: 'Select the kind of reason' }),
  reason: requiredText('The reason', 1000, 'Enter the reason for declining'),
});
export const replySchema = z.object({ intent: z.literal('reply'), body: requiredText('The message', 2000, 'Enter your message') });

export const moveSchema = z
  .object({
    from: z.enum(CASE_STAGES, { error: 'Reload the page and try again' }),
    to: z.enum(CASE_STAGES, { error: 'Choose what to do next' }),
    closureReason: z.enum(values(CLOSURE_REASONS), { error: 'Select why the case is closing' }).optional(),
    closureNote: optionalText('The note', 1000),
  })
  .superRefine((v, ctx) => {
    if (v.to === 'closed' && !v.closureReason) ctx.addIssue({ code: 'custom', path: ['closureReason'], message: 'Select why the case is closing' });
    if (v.to === 'closed' && v.closureReason === 'other' && !v.closureNote)
      ctx.addIssue({ code: 'custom', path: ['closureNote'], message: 'Say why the case is closing' });
  });

export const participantSchema = z.object({
  role: z.enum(values(PARTICIPANT_ROLES), { error: 'Select their part in the case' }),
  name: requiredText('The name', 100, 'Enter their name'),
  contactDetails: optionalText('Contact details', 500),
  directlyAffected: z.enum(['yes', 'no']).optional(),
});

export const contactSchema = z.object({
  section: z.literal('contact'),
  contactedOn: pastDate('Enter the date of the contact'),
  method: z.enum(values(CONTACT_METHODS), { error: 'Select how you made contact' }),
  outcome: requiredText('The outcome', 1000, 'Enter what happened'),
});

const HOW = INFO_HOW;

export const infoSchema = z.object({
  section: z.literal('info'),
  infoGivenOn: pastDate('Enter the date information was given'),
  infoGivenHow: z.enum(values(HOW), { error: 'Select how it was given' }),
});
export const consentSchema = z.object({
  section: z.literal('consent'),
  consentOn: pastDate('Enter the date consent was given'),
  consentHow: z.enum(values(HOW), { error: 'Select how consent was given' }),
});
export const willingSchema = z.object({
  section: z.literal('willing'),
  willing: z.enum(['yes', 'no', 'unsure'], { error: 'Select whether they are willing' }),
  motive: optionalText('Why they want to take part', 2000),
  expectations: optionalText('What they hope for', 2000),
});
export const responsibilitySchema = z.object({
  section: z.literal('responsibility'),
  acceptsResponsibility: z.enum(['yes', 'partly', 'no'], { error: 'Select whether they accept responsibility' }),
});
export const riskSchema = z.object({
  section: z.literal('risk'),
  riskAssessedOn: pastDate('Enter the date of the risk assessment'),
  revictimisationRisk: z.enum(['low', 'medium', 'high'], { error: 'Select the risk of re-victimisation' }),
  safeguardingConcerns: optionalText('Safeguarding concerns', 2000),
  powerImbalance: optionalText('Power imbalance', 2000),
  specialistFlags: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(values(SPECIALIST_FLAGS), { error: 'Select from the flags shown' })).max(SPECIALIST_FLAGS.length),
  ),
  riskDecision: z.enum(values(RISK_DECISIONS), { error: 'Select a decision' }),
  riskReason: requiredText('The reason', 2000, 'Enter the reason for the decision'),
});
export const withdrawConsentSchema = z.object({ section: z.literal('withdraw-consent'), withdrawnOn: pastDate('Enter the date consent was withdrawn') });
export const contactConsentSchema = z.object({
  section: z.literal('contact-consent'),
  contactConsent: z.enum(['yes', 'no'], { error: 'Select whether they agree to be contacted about it' }),
  contactConsentOn: pastDate('Enter the date they answered'),
});
export const signOffSchema = z.object({ section: z.literal('sign-off') });
export const detailsSchema = participantSchema.extend({ section: z.literal('details') });
export const removeSchema = z.object({ section: z.literal('remove') });

const needKind = z.enum(NEED_KINDS.map(([k]) => k) as [NeedKind, ...NeedKind[]], { error: 'Select the kind of need' });
export const needSchema = z.object({ section: z.literal('need'), kind: needKind, detail: optionalText('The details', 200) }).superRefine((v, ctx) => {
  if (v.kind === 'interpreter' && !v.detail) ctx.addIssue({ code: 'custom', path: ['detail'], message: 'Enter the language they need an interpreter for' });
});
export const needRemoveSchema = z.object({ section: z.literal('need-remove'), kind: needKind });

export const assessmentSchema = z.discriminatedUnion(
  'section',
  [
    infoSchema,
    consentSchema,
    willingSchema,
    responsibilitySchema,
    riskSchema,
    withdrawConsentSchema,
    signOffSchema,
    contactSchema,
    detailsSchema,
    removeSchema,
    contactConsentSchema,
    needSchema,
    needRemoveSchema,
  ],
  {
    error: 'Reload the page and try again',
  },
);

/** Every form on the case page, by its intent. */
export const casePageSchema = z.discriminatedUnion(
  'intent',
  [
    moveSchema.safeExtend({ intent: z.literal('move') }),
    participantSchema.extend({ intent: z.literal('add-participant') }),
    z.object({
      intent: z.literal('confirm-victim'),
      victimName: requiredText('The name', 100, 'Enter the victim’s name'),
      victimContact: optionalText('Contact details', 500),
    }),
    z.object({
      intent: z.literal('confirm-offender'),
      offenderName: requiredText('The name', 100, 'Enter the name of the person responsible'),
      offenderContact: optionalText('Contact details', 500),
    }),
    z.object({
      intent: z.literal('share'),
      share: z.enum(['yes', 'no'], { error: 'Select what the person says' }),
      shareOn: pastDate('Enter the date they said so'),
    }),
    z.object({
      intent: z.literal('note'),
      body: requiredText('The note', 5000, 'Enter the note'),
      corrects: z.coerce.number().int().positive().optional(),
    }),
    z.object({
      intent: z.literal('reassign'),
      facilitatorId: z.coerce.number({ error: 'Select a facilitator' }).int().positive('Select a facilitator'),
      note: requiredText('The note', 1000, 'Enter a note for the new facilitator'),
      trainingReason: optionalText('The reason', 1000),
    }),
  ],
  {
    error: 'Reload the page and try again',
  },
);
