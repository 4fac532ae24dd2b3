// The self-referral questions, declared once: their order, their choices (value → the
// words people see) and the zod schema that checks each page's answer on the server.
// Pages, "check your answers" and the final submit all read from here.
import { z } from 'zod';
import { optionalText as optionalNamedText } from './message-schema';

const optionalText = (max: number, name: string) => optionalNamedText(name, max);

type Options = readonly (readonly [value: string, label: string])[];

export const PERSON_ROLE = [
  ['self', 'I am the person who was harmed'],
  ['behalf', 'I am getting in touch for someone else'],
] as const satisfies Options;

export const OFFENCE_KINDS = [
  ['violence', 'Violence or assault'],
  ['burglary', 'Burglary (someone broke into a home or building)'],
  ['theft', 'Theft or robbery'],
  ['damage', 'Damage to property'],
  ['harassment', 'Harassment, threats or stalking'],
  ['hate', 'Hate crime'],
  ['domestic', 'Domestic abuse'],
  ['sexual', 'Sexual offence'],
  ['fraud', 'Fraud or scam'],
  ['road', 'Driving offence'],
  ['asb', 'Anti-social behaviour'],
  ['other', 'Something else'],
] as const satisfies Options;

export const WHEN_HAPPENED = [
  ['month', 'In the last month'],
  ['year', 'Between 1 and 12 months ago'],
  ['years', 'Between 1 and 5 years ago'],
  ['longer', 'More than 5 years ago'],
  ['not_say', 'I would rather not say'],
] as const satisfies Options;

export const REPORTED = [
  ['yes', 'Yes'],
  ['no', 'No'],
  ['not_sure', 'I am not sure'],
] as const satisfies Options;

export const JUSTICE_STAGES = [
  ['not_reported', 'It has not been reported to the police'],
  ['investigating', 'The police are looking into it'],
  ['court', 'It is going to court'],
  ['sentenced', 'The person has been sentenced'],
  ['prison', 'The person is in prison'],
  ['probation', 'The person is on probation'],
  ['not_sure', 'I am not sure'],
] as const satisfies Options;

export const KNOWS_WHO = [
  ['yes', 'Yes'],
  ['no', 'No'],
  ['not_sure', 'I am not sure'],
] as const satisfies Options;

export const CONTACT_KINDS = [
  ['meeting', 'Meeting them, with a facilitator there'],
  ['letters', 'Writing letters to each other'],
  ['shuttle', 'Passing messages through a facilitator'],
  ['call', 'A phone or video call'],
  ['not_sure', 'I am not sure yet'],
] as const satisfies Options;

export const CONTACT_METHODS = [
  ['none', 'Do not contact me. I will check back online'],
  ['email', 'Email'],
  ['phone', 'Phone'],
  ['post', 'Post'],
] as const satisfies Options;

export const YES_NO = [
  ['yes', 'Yes'],
  ['no', 'No'],
] as const satisfies Options;

export const SUPPORT_NEEDS = [
  ['interpreter', 'An interpreter'],
  ['access', 'Help because of a disability or health condition'],
  ['supporter', 'Someone I know to be with me'],
  ['none', 'I do not need any of these'],
] as const satisfies Options;

export function labelFor(options: Options, value: unknown): string {
  return options.find(([v]) => v === value)?.[1] ?? '';
}

// ---- Field rules ----------------------------------------------------------------------

function choice<T extends Options>(options: T, message: string) {
  const values = options.map(([v]) => v) as [T[number][0], ...T[number][0][]];
  return z.enum(values, { error: message });
}

/** Checkboxes: zero, one or many values, each one of the options. */
function choices<T extends Options>(options: T, message: string) {
  const values = options.map(([v]) => v) as [T[number][0], ...T[number][0][]];
  return z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(values, { error: 'Select from the choices shown' })).min(1, message).max(options.length),
  );
}

const UK_PHONE = /^(?:\+44\s?|0)(?:\d\s?){9,10}$/;
const EMAIL = z.email('Enter an email address in the correct format, like name@example.com').max(254);

export const personRoleSchema = z.object({
  personRole: choice(PERSON_ROLE, 'Select whether you were harmed or are getting in touch for someone else'),
});

export const offenceSchema = z
  .object({
    offenceKind: choice(OFFENCE_KINDS, 'Select what happened'),
    offenceOther: optionalText(200, 'What happened'),
  })
  .transform((v) => ({ ...v, offenceOther: v.offenceKind === 'other' ? v.offenceOther : undefined }));

export const whenSchema = z.object({
  whenHappened: choice(WHEN_HAPPENED, 'Select roughly when it happened'),
});

export const areaSchema = z.object({
  area: optionalText(100, 'The area'),
});

export const policeSchema = z
  .object({
    reportedToPolice: choice(REPORTED, 'Select whether it was reported to the police'),
    crimeReference: optionalText(40, 'The crime reference number'),
  })
  .transform((v) => ({ ...v, crimeReference: v.reportedToPolice === 'yes' ? v.crimeReference : undefined }));

export const stageSchema = z.object({
  justiceStage: choice(JUSTICE_STAGES, 'Select where things are now, or ‘I am not sure’'),
});

export const knowsWhoSchema = z
  .object({
    knowsWhoHarmed: choice(KNOWS_WHO, 'Select whether you know who harmed you'),
    harmerName: optionalText(100, 'Their name'),
  })
  .transform((v) => ({ ...v, harmerName: v.knowsWhoHarmed === 'yes' ? v.harmerName : undefined }));

export const contactKindsSchema = z.object({
  contactKinds: choices(CONTACT_KINDS, 'Select the kinds of contact you might want, or ‘I am not sure yet’').refine(
    (v) => !(v.includes('not_sure') && v.length > 1),
    'Select ‘I am not sure yet’ on its own, or the kinds of contact you might want',
  ),
});

export const whatToSaySchema = z.object({
  whatToSay: optionalText(2000, 'What you would want to ask or say'),
});

export const contactSchema = z
  .object({
    contactMethod: choice(CONTACT_METHODS, 'Select how we may contact you'),
    contactName: optionalText(100, 'The name we should use'),
    email: z.string().trim().optional(),
    phone: z.string().trim().optional(),
    phoneSafeTimes: optionalText(200, 'Safe times to call'),
    phoneMessageOk: z.string().optional(),
    postalAddress: optionalText(300, 'The address'),
  })
  .superRefine((v, ctx) => {
    if (v.contactMethod === 'email') {
      const r = EMAIL.safeParse(v.email ?? '');
      if (!v.email) ctx.addIssue({ code: 'custom', path: ['email'], message: 'Enter your email address' });
      else if (!r.success) ctx.addIssue({ code: 'custom', path: ['email'], message: r.error.issues[0]!.message });
    }
    if (v.contactMethod === 'phone') {
      if (!v.phone) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Enter your phone number' });
      else if (v.phone.length > 30 || !UK_PHONE.test(v.phone))
        ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Enter a UK phone number, like 07700 900 982 or 01632 960 001' });
      if (v.phoneMessageOk !== 'yes' && v.phoneMessageOk !== 'no')
        ctx.addIssue({ code: 'custom', path: ['phoneMessageOk'], message: 'Select whether we may leave a message' });
    }
    if (v.contactMethod === 'post' && !v.postalAddress)
      ctx.addIssue({ code: 'custom', path: ['postalAddress'], message: 'Enter the address we should write to' });
  })
  .transform((v) => ({
    contactMethod: v.contactMethod,
    contactName: v.contactMethod === 'none' ? undefined : v.contactName,
    email: v.contactMethod === 'email' ? v.email?.toLowerCase() : undefined,
    phone: v.contactMethod === 'phone' ? v.phone : undefined,
    phoneSafeTimes: v.contactMethod === 'phone' ? v.phoneSafeTimes : undefined,
    phoneMessageOk: v.contactMethod === 'phone' ? v.phoneMessageOk : undefined,
    postalAddress: v.contactMethod === 'post' ? v.postalAddress : undefined,
  }));

export const supportSchema = z
  .object({
    supportNeeds: choices(SUPPORT_NEEDS, 'Select the support you need, or ‘I do not need any of these’').refine(
      (v) => !(v.includes('none') && v.length > 1),
      'Select ‘I do not need any of these’ on its own, or the support you need',
    ),
    interpreterLanguage: optionalText(60, 'The language'),
    accessNeeds: optionalText(500, 'What would help'),
    supporterDetails: optionalText(200, 'Who you would like with you'),
  })
  .transform((v) => ({
    supportNeeds: v.supportNeeds,
    interpreterLanguage: v.supportNeeds.includes('interpreter') ? v.interpreterLanguage : undefined,
    accessNeeds: v.supportNeeds.includes('access') ? v.accessNeeds : undefined,
    supporterDetails: v.supportNeeds.includes('supporter') ? v.supporterDetails : undefined,
  }));

// ---- The steps, in order ----------------------------------------------------------------

export const REFERRAL_STEPS = [
  { slug: 'who', title: 'Are you the person who was harmed?', schema: personRoleSchema, required: true },
  { slug: 'what-happened', title: 'What happened?', schema: offenceSchema, required: true },
  { slug: 'when', title: 'Roughly when did it happen?', schema: whenSchema, required: true },
  { slug: 'where', title: 'Where did it happen?', schema: areaSchema, required: false },
  { slug: 'police', title: 'Has it been reported to the police?', schema: policeSchema, required: true },
  { slug: 'where-things-are', title: 'Where are things now?', schema: stageSchema, required: true },
  { slug: 'who-harmed-you', title: 'Do you know who harmed you?', schema: knowsWhoSchema, required: true },
  { slug: 'kind-of-contact', title: 'What kind of contact might you want?', schema: contactKindsSchema, required: true },
  { slug: 'what-you-would-say', title: 'Is there anything you would want to ask or say?', schema: whatToSaySchema, required: false },
  { slug: 'contacting-you', title: 'How can we contact you?', schema: contactSchema, required: true },
  { slug: 'support', title: 'Do you need any support?', schema: supportSchema, required: true },
] as const;

export type StepSlug = (typeof REFERRAL_STEPS)[number]['slug'];

export function findStep(slug: string) {
  return REFERRAL_STEPS.find((s) => s.slug === slug);
}

export function stepAfter(slug: StepSlug): string {
  const i = REFERRAL_STEPS.findIndex((s) => s.slug === slug);
  return REFERRAL_STEPS[i + 1]?.slug ?? 'check-answers';
}

export function stepBefore(slug: StepSlug): string | undefined {
  const i = REFERRAL_STEPS.findIndex((s) => s.slug === slug);
  return i > 0 ? REFERRAL_STEPS[i - 1]!.slug : undefined;
}

export type DraftAnswers = Partial<Record<StepSlug, Record<string, unknown>>>;

export type CompleteReferral = z.infer<typeof personRoleSchema> &
  z.infer<typeof offenceSchema> &
  z.infer<typeof whenSchema> &
  z.infer<typeof areaSchema> &
  z.infer<typeof policeSchema> &
  z.infer<typeof stageSchema> &
  z.infer<typeof knowsWhoSchema> &
  z.infer<typeof contactKindsSchema> &
  z.infer<typeof whatToSaySchema> &
  z.infer<typeof contactSchema> &
  z.infer<typeof supportSchema>;

/**
 * Re-checks every step's stored answer. Returns the merged referral, or the slugs of the
 * steps still missing or no longer valid (in order), so "check your answers" can link to them.
 */
export function assembleReferral(
  answers: DraftAnswers,
): { ok: true; referral: CompleteReferral } | { ok: false; missing: StepSlug[] } {
  const merged: Record<string, unknown> = {};
  const missing: StepSlug[] = [];
  for (const step of REFERRAL_STEPS) {
    const raw = answers[step.slug];
    const parsed = step.schema.safeParse(raw ?? {});
    if (!parsed.success || (step.required && raw === undefined)) missing.push(step.slug);
    else Object.assign(merged, parsed.data);
  }
  if (missing.length) return { ok: false, missing };
  return { ok: true, referral: merged as CompleteReferral };
}
