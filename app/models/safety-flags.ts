// Automatic safety flags for letters: things a facilitator should look at before a letter
// is passed on. Flags inform; the facilitator decides. Each flag is a span of the text.
import { ALARM_PHRASES, FIRST_NAMES, THREAT_PHRASES } from '~/data/threat-words';

export type FlagKind = 'phone' | 'email' | 'address' | 'postcode' | 'link' | 'social' | 'name' | 'date' | 'place' | 'threat';
export type Flag = { kind: FlagKind; start: number; end: number; text: string };

export const FLAG_LABELS: Record<FlagKind, string> = {
  phone: 'Phone number',
  email: 'Email address',
  address: 'Postal address',
  postcode: 'Postcode',
  link: 'Web link',
  social: 'Social media',
  name: 'Someone else’s name',
  date: 'Date that could identify someone',
  place: 'Place that could identify where someone lives or works',
  threat: 'Threatening or abusive wording',
};

const STREET =
  '(?:road|rd|street|st|avenue|ave|lane|ln|close|drive|dr|way|crescent|court|ct|place|gardens|grove|terrace|hill|row|walk|square|mews|parade|green|rise|view)';
const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?';

const PATTERNS: [FlagKind, RegExp][] = [
  ['email', /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/gi],
  ['link', /\b(?:https?:\/\/|www\.)[^\s<>"]+|\b[a-z0-9-]+\.(?:com|co\.uk|org|net|uk|io|me|info)(?:\/[^\s<>"]*)?\b/gi],
  [
    'social',
    /(?<![\w.@])@[A-Za-z0-9_.]{2,30}\b|\b(?:snapchat|snap|insta(?:gram)?|facebook|fb|tiktok|twitter|whatsapp|telegram|discord)\b(?:\s+(?:is|me|at|on|name|handle|:)){0,2}\s*:?\s*[A-Za-z0-9_.]*/gi,
  ],
  ['phone', /(?:(?:\+|00)44\s?\(?0?\)?\s?|\b0)(?:\d[\s-]?){9,10}\b/g],
  ['postcode', /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/gi],
  ['address', new RegExp(`\\b(?:flat|apartment|unit)\\s+\\d+[a-z]?\\b|\\b\\d{1,4}[a-z]?,?\\s+(?:[A-Z][a-z]+\\s+){1,3}${STREET}\\b`, 'gi')],
  [
    'date',
    new RegExp(
      `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b(?:\\s+\\d{4})?|\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?\\b|\\b\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}\\b|\\bevery\\s+${WEEKDAY}\\b|\\bon\\s+${WEEKDAY}s\\b`,
      'gi',
    ),
  ],
  [
    'place',
    /\b(?:write to|find|visit|see|meet|contact) (?:me|us) (?:at|in|on|near) (?:the\s+)?[A-Z][\w'&-]*(?:\s+[A-Z][\w'&-]*){0,3}|\bHM(?:P|YOI|P\/YOI)\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?/g,
  ],
  [
    'place',
    /\b(?:[Ii]|[Ww]e|[Ss]he|[Hh]e|[Tt]hey|[Mm]y \w+)(?:\s+(?:still|now|also|currently|usually))?\s+(?:live|lives|living|work|works|working|stay|stays|go|goes)\s+(?:in|at|on|near|for|to)\s+(?:the\s+)?(?:\d{1,4}[a-z]?\s+)?[A-Z][\w'&-]*(?:\s+[A-Z][\w'&-]*){0,3}|\b(?:[Mm]y|[Oo]ur|[Hh]er|[Hh]is|[Tt]heir)\s+(?:school|work|workplace|office|gym|church|mosque|college|job)\s+(?:is\s+)?(?:in|at|on|near)\s+(?:the\s+)?[A-Z][\w'&-]*(?:\s+[A-Z][\w'&-]*){0,3}/g,
  ],
];

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const phrasesRe = (phrases: readonly string[], flags: string) =>
  new RegExp(
    `\\b(?:${[...phrases]
      .sort((a, b) => b.length - a.length)
      .map((p) => p.split(/\s+/).map(escapeRe).join('\\s+'))
      .join('|')})\\b`,
    flags,
  );
const THREAT_RE = phrasesRe(THREAT_PHRASES, 'gi');
const URGENT_RE = phrasesRe([...THREAT_PHRASES, ...ALARM_PHRASES], 'i');

/** A message that may be about someone's safety: threatening wording, or someone saying they are frightened. */
export function looksUrgent(text: string): boolean {
  return URGENT_RE.test(text.replace(/[’‘]/g, "'"));
}
const FIRST_NAME_SET = new Set(FIRST_NAMES.map((n) => n.toLowerCase()));

/**
 * Finds the flags in a letter. `participantNames` are the people in the exchange; their
 * names are not flagged as someone else's.
 */
export function findSafetyFlags(text: string, participantNames: string[] = []): Flag[] {
  const flags: Flag[] = [];
  const add = (kind: FlagKind, start: number, end: number) => {
    const span = text.slice(start, end).replace(/[\s,.:;]+$/, '');
    if (span.trim()) flags.push({ kind, start, end: start + span.length, text: span });
  };
  for (const [kind, re] of PATTERNS) {
    for (const m of text.matchAll(re)) add(kind, m.index!, m.index! + m[0].length);
  }
  for (const m of text.matchAll(THREAT_RE)) add('threat', m.index!, m.index! + m[0].length);

  const known = new Set(participantNames.flatMap((n) => n.toLowerCase().split(/[^a-z'-]+/)).filter(Boolean));
  for (const m of text.matchAll(/\b[A-Z][a-z'-]+\b/g)) {
    const word = m[0].toLowerCase();
    if (FIRST_NAME_SET.has(word) && !known.has(word)) {
      // Take a following capitalised surname with it.
      const next = /^\s+[A-Z][a-z'-]+/.exec(text.slice(m.index! + m[0].length));
      add('name', m.index!, m.index! + m[0].length + (next ? next[0].length : 0));
    }
  }
  // A flag lying wholly inside a longer one (a domain inside an email address) adds nothing,
  // except inside a "place" span, which gives the context: an address or postcode in it
  // still counts on its own, a capitalised word in it (St Mary Primary) does not.
  const length = (f: Flag) => f.end - f.start;
  const deduped = flags.filter(
    (f) =>
      f.kind === 'threat' ||
      !flags.some((g) => g !== f && (g.kind !== 'place' || f.kind === 'name') && g.start <= f.start && g.end >= f.end && length(g) > length(f)),
  );
  return deduped
    .filter((f, i) => deduped.findIndex((g) => g.kind === f.kind && g.start === f.start && g.end === f.end) === i)
    .sort((a, b) => a.start - b.start || b.end - a.end);
}

export type Segment = { text: string; flags: FlagKind[] };

/** Splits text into runs, each with the kinds of flag that cover it, for highlighting. */
export function segmentByFlags(text: string, flags: Flag[]): Segment[] {
  const cuts = [...new Set([0, text.length, ...flags.flatMap((f) => [f.start, f.end])])].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const [a, b] = [cuts[i]!, cuts[i + 1]!];
    if (a === b) continue;
    const kinds = [...new Set(flags.filter((f) => f.start <= a && f.end >= b).map((f) => f.kind))];
    out.push({ text: text.slice(a, b), flags: kinds });
  }
  return out;
}
