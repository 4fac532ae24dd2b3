// Turns draft answers into the rows of "check your answers", in the words people chose.
import { REFERRAL_STEPS, type DraftAnswers } from './referral-questions';
import {
  CONTACT_KINDS,
  CONTACT_METHODS,
  JUSTICE_STAGES,
  KNOWS_WHO,
  labelFor,
  OFFENCE_KINDS,
  PERSON_ROLE,
  REPORTED,
  SUPPORT_NEEDS,
  WHEN_HAPPENED,
  YES_NO,
  type StepSlug,
} from '~/data/referral-options';

type Row = { slug: StepSlug; question: string; answer: string; required: boolean };

const s = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
const join = (...parts: (string | undefined | false)[]) => parts.filter(Boolean).join('\n');
const many = (options: readonly (readonly [string, string])[], v: unknown) =>
  (Array.isArray(v) ? v : [])
    .map((x) => labelFor(options, x))
    .filter(Boolean)
    .join('\n');

const DESCRIBE: Record<StepSlug, (a: Record<string, unknown>) => string> = {
  who: (a) => labelFor(PERSON_ROLE, a.personRole),
  'what-happened': (a) => join(labelFor(OFFENCE_KINDS, a.offenceKind), s(a.offenceOther)),
  when: (a) => labelFor(WHEN_HAPPENED, a.whenHappened),
  where: (a) => s(a.area) ?? '',
  police: (a) => join(labelFor(REPORTED, a.reportedToPolice), s(a.crimeReference) && `Reference: ${a.crimeReference}`),
  'where-things-are': (a) => labelFor(JUSTICE_STAGES, a.justiceStage),
  'who-harmed-you': (a) => join(labelFor(KNOWS_WHO, a.knowsWhoHarmed), s(a.harmerName) && `Name: ${a.harmerName}`),
  'kind-of-contact': (a) => many(CONTACT_KINDS, a.contactKinds),
  'what-you-would-say': (a) => s(a.whatToSay) ?? '',
  'contacting-you': (a) =>
    join(
      labelFor(CONTACT_METHODS, a.contactMethod),
      s(a.email),
      s(a.phone),
      s(a.phoneSafeTimes) && `Safe times: ${a.phoneSafeTimes}`,
      s(a.phoneMessageOk) && `Leave a message: ${labelFor(YES_NO, a.phoneMessageOk)}`,
      s(a.postalAddress),
      s(a.contactName) && `Name to use: ${a.contactName}`,
    ),
  support: (a) =>
    join(many(SUPPORT_NEEDS, a.supportNeeds), s(a.interpreterLanguage) && `Language: ${a.interpreterLanguage}`, s(a.accessNeeds), s(a.supporterDetails)),
};

export function describeAnswers(answers: DraftAnswers): Row[] {
  return REFERRAL_STEPS.map((step) => {
    const a = answers[step.slug];
    return { slug: step.slug, question: step.title, answer: a ? DESCRIBE[step.slug](a) : '', required: step.required };
  });
}
