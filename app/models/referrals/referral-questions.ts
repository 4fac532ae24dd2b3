// The self-referral questions, declared once: their order, their choices (value → the
// words people see) and the zod schema that checks each page's answer on the server.
// Pages, "check your answers" and the final submit all read from here.
import { z } from 'zod';
import * as lists from '~/data/referral-options';
import { REFERRAL_STEP_LIST, type Options, type StepSlug } from '~/data/referral-options';
import { optionalText as optionalNamedText } from '~/models/message-schema';

const optionalText = (max: number, name: string) => optionalNamedText(name, max);

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
    z
      .array(z.enum(values, { error: 'Select from the choices shown' }))
      .min(1, message)
      .max(options.length),
  );
}

const UK_PHONE = /^(?:\+44\s?|0)(?:\d\s?){9,10}$/;
const EMAIL = z.email('Enter an email address in the correct format, like name@example.com').max(254);

export const personRoleSchema = z.object({
  personRole: choice(lists.PERSON_ROLE, 'Select whether you were harmed or are getting in touch for someone else'),
});

export const offenceSchema = z
  .object({
    offenceKind: choice(lists.OFFENCE_KINDS, 'Select what happened'),
    offenceOther: optionalText(200, 'What happened'),
  })
  .transform((v) => ({ ...v, offenceOther: v.offenceKind === 'other' ? v.offenceOther : undefined }));

export const whenSchema = z.object({
  whenHappened: choice(lists.WHEN_HAPPENED, 'Select roughly when it happened'),
});

/** The area code is checked against the areas offered (report_categories) by the page that asks. */
export const yourAreaSchema = z.object({
  areaCode: z
    .string({ error: 'Select an area from the list, or leave it blank' })
    .regex(/^[a-z0-9_]{1,40}$/, 'Select an area from the list, or leave it blank')
    .optional(),
});

export const areaSchema = z.object({
  area: optionalText(100, 'The area'),
});

export const policeSchema = z
  .object({
    reportedToPolice: choice(lists.REPORTED, 'Select whether it was reported to the police'),
    crimeReference: optionalText(40, 'The crime reference number'),
  })
  .transform((v) => ({ ...v, crimeReference: v.reportedToPolice === 'yes' ? v.crimeReference : undefined }));

export const stageSchema = z.object({
  justiceStage: choice(lists.JUSTICE_STAGES, 'Select where things are now, or ‘I am not sure’'),
});

export const knowsWhoSchema = z
  .object({
    knowsWhoHarmed: choice(lists.KNOWS_WHO, 'Select whether you know who harmed you'),
    harmerName: optionalText(100, 'Their name'),
  })
  .transform((v) => ({ ...v, harmerName: v.knowsWhoHarmed === 'yes' ? v.harmerName : undefined }));

export const contactKindsSchema = z.object({
  contactKinds: choices(lists.CONTACT_KINDS, 'Select the kinds of contact you might want, or ‘I am not sure yet’').refine(
    (v) => !(v.includes('not_sure') && v.length > 1),
    'Select ‘I am not sure yet’ on its own, or the kinds of contact you might want',
  ),
});

export const whatToSaySchema = z.object({
  whatToSay: optionalText(2000, 'What you would want to ask or say'),
});

export const contactSchema = z
  .object({
    contactMethod: choice(lists.CONTACT_METHODS, 'Select how we may contact you'),
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
    supportNeeds: choices(lists.SUPPORT_NEEDS, 'Select the support you need, or ‘I do not need any of these’').refine(
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

export const heardAboutSchema = z.object({
  heardAbout: choice(lists.HEARD_ABOUT, 'Select how you heard about us, or leave it blank').optional(),
});

// ---- The steps, in order ----------------------------------------------------------------

const SCHEMAS = {
  who: personRoleSchema,
  'what-happened': offenceSchema,
  when: whenSchema,
  where: areaSchema,
  'your-area': yourAreaSchema,
  police: policeSchema,
  'where-things-are': stageSchema,
  'who-harmed-you': knowsWhoSchema,
  'kind-of-contact': contactKindsSchema,
  'what-you-would-say': whatToSaySchema,
  'contacting-you': contactSchema,
  support: supportSchema,
  'how-you-heard': heardAboutSchema,
} as const;

export const REFERRAL_STEPS = REFERRAL_STEP_LIST.map((step) => ({ ...step, schema: SCHEMAS[step.slug] }));

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
  z.infer<typeof yourAreaSchema> &
  z.infer<typeof policeSchema> &
  z.infer<typeof stageSchema> &
  z.infer<typeof knowsWhoSchema> &
  z.infer<typeof contactKindsSchema> &
  z.infer<typeof whatToSaySchema> &
  z.infer<typeof contactSchema> &
  z.infer<typeof supportSchema> &
  z.infer<typeof heardAboutSchema>;

/**
 * Re-checks every step's stored answer. Returns the merged referral, or the slugs of the
 * steps still missing or no longer valid (in order), so "check your answers" can link to them.
 */
export function assembleReferral(answers: DraftAnswers): { ok: true; referral: CompleteReferral } | { ok: false; missing: StepSlug[] } {
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
