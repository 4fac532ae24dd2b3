// Threats, plain and veiled, and whether a message looks urgent (someone frightened).
import { ALARM_PHRASES, THREAT_RULES, VEILED } from '~/data/safety-rules';
import { type Add, type Reading, alt, asciiLower, straighten } from './reading';
import { load, threatScore, type StoredModel } from './threat-model';
import stored from '~/data/threat-model.json';

/** The trained reader (decision 022): a sentence it scores at or above its threshold is flagged. */
const MODEL = load(stored as StoredModel);
export const MODEL_WHY = 'reads like a threat or pressure (the trained reader)';

// ---------------------------------------------------------------------------------------
// Threats

// Threat patterns are all lower case and run on the letter in lower case (ASCII only, so
// every character stays where it was): that is several times faster than ignoring case.
const THREATS = THREAT_RULES.map((r) => ({ re: new RegExp(`\\b(?:${r.pattern})`, 'g'), why: r.why }));

const cue = (list: string[]) => new RegExp(`\\b(?:${list.join('|')})`);
const V = Object.fromEntries(Object.entries(VEILED).map(([k, list]) => [k, cue(list)])) as Record<keyof typeof VEILED, RegExp>;

/** Owning up, in the same sentence: "I know your mum had to give up work after what I did" is not surveillance. */
const REMORSE = /\b(?:after what i did|because of (?:me|what i did)|what i did to|my fault|i'?m sorry|i am sorry|i regret)\b/i;

export function threats({ lower, parts }: Reading, add: Add, trained = true) {
  const phrases: number[] = [];
  for (const { re, why } of THREATS)
    for (const m of lower.matchAll(re)) {
      add('threat', m.index!, m.index! + m[0].length, why);
      phrases.push(m.index!);
    }
  // Veiled threats, a sentence at a time: the ingredients in VEILED, combined.
  for (const s of parts) {
    const t = lower.slice(s.start, s.start + s.text.length);
    const target = V.target.test(t);
    const why = V.abuse.test(t)
      ? 'abuse aimed at the reader'
      : V.menace.test(t) || V.pressure.test(t) || V.others.test(t) || (V.whereabouts.test(t) && target)
        ? 'a veiled threat: hints at what will happen'
        : V.knowsReader.test(t) && !REMORSE.test(t)
          ? 'a veiled threat: says they know about the reader or their family'
          : V.knowing.test(t) && V.locating.test(t) && target && !REMORSE.test(t)
            ? 'a veiled threat: says they know where someone is or goes'
            : V.telling.test(t) && V.testimony.test(t)
              ? 'pressure about what someone says to the police or a court'
              : null;
    if (why) add('threat', s.start, s.start + t.length, why);
    // The trained reader reads the sentences the rules found nothing in: a phrase already flagged says more exactly why.
    else if (trained && !phrases.some((at) => at >= s.start && at < s.start + t.length) && threatScore(MODEL, s.text) >= MODEL.threshold)
      add('threat', s.start, s.start + t.length, MODEL_WHY);
  }
}

const ALARM_RE = new RegExp(`\\b${alt(ALARM_PHRASES)}\\b`, 'i');
/** A message that may be about someone's safety: threatening wording, or someone saying they are frightened. */
export function looksUrgent(text: string): boolean {
  const t = asciiLower(straighten(text));
  return ALARM_RE.test(t) || THREATS.some(({ re }) => new RegExp(re.source).test(t));
}
