// The partner referral form: its choices and its zod schema, declared once.
import { z } from 'zod';
import { optionalText, requiredText } from '~/models/message-schema';
import { HEARD_ABOUT, JUSTICE_STAGES, OFFENCE_KINDS, SUPPORT_NEEDS, YES_NO } from '~/data/referral-options';
import { SPECIALIST_FLAGS } from '~/data/case-options';

export const AGENCIES = [
  ['police', 'Police'],
  ['nps', 'National Probation Service'],
  ['crc', 'Community Rehabilitation Company'],
  ['victim_care', 'Victim Care Service'],
  ['yot', 'Youth Offending Team'],
  ['csp', 'Community Safety Partnership'],
  ['hmpps', 'HM Prison and Probation Service'],
  ['victim_support', 'Victim Support'],
  ['other', 'Another organisation'],
] as const;

export const INITIATED_BY = [
  ['victim', 'The victim asked for it'],
  ['offender', 'The person responsible asked for it'],
] as const;

/** Youth referrals may belong to the youth offending team, so triage needs to know. */
export const OFFENDER_AGE_GROUPS = [
  ['youth', 'Under 18 at the time of the offence'],
  ['adult', '18 or over at the time of the offence'],
  ['not_known', 'Not known'],
] as const;

export const KNOWN_RISKS = [...SPECIALIST_FLAGS.filter(([v]) => v !== 'other'), ['other', 'Other risk'], ['none', 'None known']] as const;

const values = <T extends readonly (readonly [string, string])[]>(o: T) => o.map(([v]) => v) as [T[number][0], ...T[number][0][]];

function text(name: string, max: number, required: string | false) {
  return required ? requiredText(name, max, required) : optionalText(name, max);
}

const list = <T extends readonly (readonly [string, string])[]>(o: T, message: string) =>
  z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.enum(values(o), { error: 'Select from the choices shown' }))
      .min(1, message)
      .max(o.length),
  );

export const partnerReferralSchema = z
  .object({
    submissionKey: z.string().regex(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/, 'Reload the form and try again'),
    agency: z.enum(values(AGENCIES), { error: 'Select your organisation' }),
    agencyOther: text('The organisation', 100, false),
    referrerName: text('Your name', 100, 'Enter your name'),
    referrerEmail: z
      .string({ error: 'Enter your work email address' })
      .trim()
      .min(1, 'Enter your work email address')
      .max(254)
      .pipe(z.email('Enter an email address in the correct format, like name@police.uk')),
    referrerPhone: z
      .string({ error: 'Enter your work phone number' })
      .trim()
      .min(1, 'Enter your work phone number')
      .max(30, 'Enter a phone number, like 0121 496 0000')
      .regex(/^[+\d][\d\s()-]{6,}$/, 'Enter a phone number, like 0121 496 0000')
      .refine((v) => /^(?:\+44|0)\d{9,10}$/.test(v.replace(/[\s()-]/g, '')), 'Enter a UK phone number, like 0121 496 0000'),
    initiatedBy: z.enum(values(INITIATED_BY), { error: 'Select who asked for restorative justice' }),
    consentConfirmed: z.literal('yes', { error: 'Confirm that the person agreed to be referred' }),
    shareWithReferrer: z.enum(['yes', 'no'], { error: 'Select whether the person agreed that we tell you how it goes' }),
    noUpdates: z.literal('yes', { error: 'Select the box or leave it empty' }).optional(),
    victimDetails: text('About the victim', 2000, 'Enter the name and safe contact details of the victim or victims'),
    offenderDetails: text('About the person responsible', 2000, 'Enter what you know about the person responsible'),
    offenceKind: z.enum(values(OFFENCE_KINDS), { error: 'Select the kind of offence' }),
    offenceDate: text('The date of the offence', 40, false),
    crimeReference: text('The police reference', 40, false),
    justiceStage: z.enum(values(JUSTICE_STAGES), { error: 'Select the stage of the justice system' }),
    offenderAgeGroup: z.enum(values(OFFENDER_AGE_GROUPS), { error: 'Select the age of the person responsible, or ‘Not known’' }),
    // Checked against the areas offered (report_categories) by the page.
    areaCode: z.string({ error: 'Select the area they live in, or ‘Not known’' }).regex(/^[a-z0-9_]{1,40}$/, 'Select the area they live in, or ‘Not known’'),
    postcodeDistrict: z
      .string()
      .trim()
      .toUpperCase()
      .max(4, 'Enter only the first part of the postcode, like B21')
      .regex(/^(?:[A-Z]{1,2}\d[A-Z\d]?)?$/, 'Enter only the first part of the postcode, like B21')
      .optional()
      .transform((v) => v || undefined),
    antiSocialBehaviour: z.enum(values(YES_NO), { error: 'Select whether it is being dealt with as anti-social behaviour' }),
    risks: list(KNOWN_RISKS, 'Select the risks you know of, or ‘None known’').refine(
      (v) => !(v.includes('none') && v.length > 1),
      'Select ‘None known’ on its own, or the risks you know of',
    ),
    riskNotes: text('About the risks', 2000, false),
    supportNeeds: list(SUPPORT_NEEDS, 'Select support needs, or ‘I do not need any of these’').refine(
      (v) => !(v.includes('none') && v.length > 1),
      'Select ‘None’ on its own, or the support needed',
    ),
    supportDetails: text('About support needs', 1000, false),
    heardAbout: z.enum(values(HEARD_ABOUT), { error: 'Select how you heard about the service, or leave it blank' }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.agency === 'other' && !v.agencyOther) ctx.addIssue({ code: 'custom', path: ['agencyOther'], message: 'Enter the name of your organisation' });
  });

export type PartnerReferral = z.infer<typeof partnerReferralSchema>;
