// Turns draft answers into the rows of "check your answers", in the words people chose.
import { REFERRAL_STEPS, type DraftAnswers } from './referral-questions';
import * as lists from '~/data/referral-options';
import { type StepSlug } from '~/data/referral-options';

type Row = { slug: StepSlug; question: string; answer: string; required: boolean };

const s = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
const join = (...parts: (string | undefined | false)[]) => parts.filter(Boolean).join('\n');
const many = (options: readonly (readonly [string, string])[], v: unknown) =>
  (Array.isArray(v) ? v : [])
    .map((x) => lists.labelFor(options, x))
    .filter(Boolean)
    .join('\n');

const DESCRIBE: Record<StepSlug, (a: Record<string, unknown>, areas: ReadonlyMap<string, string>) => string> = {
  who: (a) => lists.labelFor(lists.PERSON_ROLE, a.personRole),
  'what-happened': (a) => join(lists.labelFor(lists.OFFENCE_KINDS, a.offenceKind), s(a.offenceOther)),
  when: (a) => lists.labelFor(lists.WHEN_HAPPENED, a.whenHappened),
  where: (a) => s(a.area) ?? '',
  'your-area': (a, areas) => areas.get(s(a.areaCode) ?? '') ?? '',
  police: (a) => join(lists.labelFor(lists.REPORTED, a.reportedToPolice), s(a.crimeReference) && `Reference: ${a.crimeReference}`),
  'where-things-are': (a) => lists.labelFor(lists.JUSTICE_STAGES, a.justiceStage),
  'who-harmed-you': (a) => join(lists.labelFor(lists.KNOWS_WHO, a.knowsWhoHarmed), s(a.harmerName) && `Name: ${a.harmerName}`),
  'kind-of-contact': (a) => many(lists.CONTACT_KINDS, a.contactKinds),
  'what-you-would-say': (a) => s(a.whatToSay) ?? '',
  'contacting-you': (a) =>
    join(
      lists.labelFor(lists.CONTACT_METHODS, a.contactMethod),
      s(a.email),
      s(a.phone),
      s(a.phoneSafeTimes) && `Safe times: ${a.phoneSafeTimes}`,
      s(a.phoneMessageOk) && `Leave a message: ${lists.labelFor(lists.YES_NO, a.phoneMessageOk)}`,
      s(a.postalAddress),
      s(a.contactName) && `Name to use: ${a.contactName}`,
    ),
  support: (a) =>
    join(many(lists.SUPPORT_NEEDS, a.supportNeeds), s(a.interpreterLanguage) && `Language: ${a.interpreterLanguage}`, s(a.accessNeeds), s(a.supporterDetails)),
  'how-you-heard': (a) => lists.labelFor(lists.HEARD_ABOUT, a.heardAbout),
};

/** `areas`: the area codes and their names (report_categories), for the area question's answer. */
export function describeAnswers(answers: DraftAnswers, areas: readonly (readonly [string, string])[] = []): Row[] {
  const areaNames = new Map(areas);
  return REFERRAL_STEPS.map((step) => {
    const a = answers[step.slug];
    return { slug: step.slug, question: step.title, answer: a ? DESCRIBE[step.slug](a, areaNames) : '', required: step.required };
  });
}
