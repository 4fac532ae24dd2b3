// The participants' survey, declared once: its questions in order (one per page), their
// choices, the rule for each answer, and how results are summed for staff.
import { z } from 'zod';

export const SCALE = [
  ['5', 'Very satisfied'],
  ['4', 'Satisfied'],
  ['3', 'Neither satisfied nor dissatisfied'],
  ['2', 'Dissatisfied'],
  ['1', 'Very dissatisfied'],
] as const;
const YES_NO_UNSURE = [
  ['yes', 'Yes'],
  ['no', 'No'],
  ['not_sure', 'I am not sure'],
] as const;
const HELPED = [
  ['yes', 'Yes'],
  ['a_little', 'A little'],
  ['no', 'No'],
  ['not_sure', 'I am not sure'],
] as const;

export type FeedbackField = 'satisfaction' | 'feltSafe' | 'listenedTo' | 'informed' | 'recommend' | 'helpedCope' | 'comments';
type Options = readonly (readonly [string, string])[];

export const FEEDBACK_QUESTIONS: readonly { slug: string; field: FeedbackField; title: string; options: Options | null }[] = [
  { slug: 'satisfaction', field: 'satisfaction', title: 'Overall, how satisfied are you with the service?', options: SCALE },
  { slug: 'safe', field: 'feltSafe', title: 'Did you feel safe while taking part?', options: YES_NO_UNSURE },
  { slug: 'listened', field: 'listenedTo', title: 'Did you feel listened to?', options: YES_NO_UNSURE },
  { slug: 'information', field: 'informed', title: 'Were you given enough information to choose whether to take part?', options: YES_NO_UNSURE },
  { slug: 'recommend', field: 'recommend', title: 'Would you recommend restorative justice to someone in your position?', options: YES_NO_UNSURE },
  { slug: 'cope', field: 'helpedCope', title: 'Has it helped you cope and move on?', options: HELPED },
  { slug: 'anything-else', field: 'comments', title: 'Is there anything else you want to tell us?', options: null },
];

export type FeedbackAnswers = Partial<Record<FeedbackField, string>>;

/** Every question may be skipped: an answer, when given, must be one of the choices. */
export function answerSchema(q: (typeof FEEDBACK_QUESTIONS)[number]) {
  const schema = q.options
    ? z.enum(q.options.map(([v]) => v) as [string, ...string[]], { error: 'Select one of the answers, or continue without one' }).optional()
    : z
        .string()
        .trim()
        .max(1000, 'Your answer must be 1,000 characters or fewer')
        .optional()
        .transform((v) => v || undefined);
  return z.object({ [q.field]: schema });
}

/** All the answers together, as the last page submits them. */
export const allAnswersSchema = z.object(Object.fromEntries(FEEDBACK_QUESTIONS.map((q) => [q.field, answerSchema(q).shape[q.field]!])));

export const questionAfter = (slug: string) => FEEDBACK_QUESTIONS[FEEDBACK_QUESTIONS.findIndex((q) => q.slug === slug) + 1]?.slug ?? null;
export const questionBefore = (slug: string) => FEEDBACK_QUESTIONS[FEEDBACK_QUESTIONS.findIndex((q) => q.slug === slug) - 1]?.slug ?? null;

/** Free text is shown only in whole batches of this many, so no comment can be tied to one case. */
export const COMMENT_BATCH = 5;

type Row = Record<Exclude<FeedbackField, 'comments' | 'satisfaction'>, string | null> & { satisfaction: number | null; comments: string | null };

/** Counts per answer for each question, the share satisfied, and the comments that may be shown. */
export function summarise(rows: readonly Row[]) {
  const questions = FEEDBACK_QUESTIONS.filter((q) => q.options).map((q) => {
    const given = rows.map((r) => (r[q.field as keyof Row] === null ? null : String(r[q.field as keyof Row]))).filter((v): v is string => v !== null);
    return {
      field: q.field,
      title: q.title,
      answered: given.length,
      counts: q.options!.map(([value, label]) => ({ value, label, n: given.filter((g) => g === value).length })),
    };
  });
  const rated = rows.filter((r) => r.satisfaction !== null);
  const comments = rows
    .map((r) => r.comments)
    .filter((c): c is string => !!c)
    .sort((a, b) => a.localeCompare(b));
  return {
    responses: rows.length,
    satisfied: { n: rated.filter((r) => (r.satisfaction ?? 0) >= 4).length, of: rated.length },
    questions,
    comments: comments.slice(0, Math.floor(comments.length / COMMENT_BATCH) * COMMENT_BATCH),
    commentsHeldBack: comments.length % COMMENT_BATCH,
  };
}
