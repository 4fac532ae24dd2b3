import { z } from 'zod';
import { requiredText } from '~/models/message-schema';
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
