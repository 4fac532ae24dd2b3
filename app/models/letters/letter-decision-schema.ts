import { z } from 'zod';
import { CONTROL_CHARS, optionalText, requiredText } from '~/models/message-schema';
import { KEEP_FIELD, KEEP_REASON_MAX } from './flag-answers';
import { FLAG_KINDS } from '~/models/safety-flags/safety-flags';

/** The version the page showed: a hidden field, so anything odd in it means the page is out of date. */
const versionId = z.coerce
  .number({ error: 'Reload the page and try again' })
  .int('Reload the page and try again')
  .positive('Reload the page and try again')
  .max(2 ** 31, 'Reload the page and try again');

const span = z.string().regex(/^\d{1,6}-\d{1,6}$/, 'Choose from the flagged parts shown');

export const decisionSchema = z.discriminatedUnion(
  'decision',
  [
    z.object({
      decision: z.literal('approve'),
      versionId,
      needsArranged: z.literal('yes', { error: 'Select the box, or leave it empty' }).optional(),
      remove: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(span).max(300, 'Choose at most 300 parts to remove')),
      removeText: z
        .string()
        .max(2000, 'Keep the list of other words to remove under 2,000 characters')
        .optional()
        .transform((v) =>
          (v ?? '')
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean),
        ),
    }),
    z.object({
      decision: z.literal('return'),
      versionId,
      messageToAuthor: requiredText('The comment', 2000, 'Write a comment for the author'),
    }),
    z.object({
      decision: z.literal('not_passed_on'),
      versionId,
      reasonForRecord: requiredText('The reason', 2000, 'Enter the reason for the record'),
      // Its own name: the "return" choice's comment box sits on the same form.
      messageToAuthorRefused: requiredText('The message', 2000, 'Write a message for the author'),
    }),
  ],
  { error: 'Choose a decision' },
);

/** Turning a kind of safety flag off for the version under review (with a reason), or back on. */
export const flagsOffSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({
      intent: z.literal('flags-off'),
      versionId,
      kind: z.enum(FLAG_KINDS, { error: 'Choose a kind of flag' }),
      reason: requiredText('The reason', 500, 'Say why these flags are a false alarm in this letter'),
    }),
    z.object({
      intent: z.literal('flags-on'),
      versionId,
      kind: z.enum(FLAG_KINDS, { error: 'Choose a kind of flag' }),
    }),
  ],
  { error: 'Choose what to do' },
);

/** The spans to remove: chosen flags plus every occurrence of any other words given. */
export function spansToRemove(body: string, remove: string[], removeText: string[]): { spans: [number, number][]; notFound: string[] } {
  const spans: [number, number][] = remove.map((s) => s.split('-').map(Number) as [number, number]).filter(([a, b]) => a < b && b <= body.length);
  const notFound: string[] = [];
  for (const words of removeText) {
    let at = body.indexOf(words);
    if (at < 0) notFound.push(words);
    while (at >= 0) {
      spans.push([at, at + words.length]);
      at = body.indexOf(words, at + words.length);
    }
  }
  return { spans, notFound };
}

/** A second reader's answer on a kept threat: agree (it goes) or send it back with a note. */
export const secondReadSchema = z
  .object({
    intent: z.literal('second-read'),
    readingId: versionId,
    secondDecision: z.enum(['agree', 'send-back'], { error: 'Choose whether it can be passed on' }),
    note: optionalText('The note', 1000),
  })
  .refine((v) => v.secondDecision === 'agree' || v.note, { path: ['note'], message: 'Say why it should not go as it is' });

/**
 * The reasons given for keeping flagged words, by field (`keep-<start>-<end>`). Anything else
 * is ignored; a reason too long or with control characters is an error on its own field.
 */
export function keepReasons(form: FormData): { ok: true; reasons: Record<string, string> } | { ok: false; errors: Record<string, string[]> } {
  const reasons: Record<string, string> = {};
  const errors: Record<string, string[]> = {};
  let n = 0;
  for (const [name, value] of form) {
    if (!KEEP_FIELD.test(name) || typeof value !== 'string' || ++n > 300) continue;
    if (value.length > KEEP_REASON_MAX) errors[name] = [`The reason must be ${KEEP_REASON_MAX} characters or fewer`];
    else if (CONTROL_CHARS.test(value)) errors[name] = ['The reason must not contain hidden control characters'];
    else reasons[name] = value;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, reasons };
}
