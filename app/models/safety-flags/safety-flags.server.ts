// Finds what a facilitator should look at before a letter is passed on: contact details,
// where someone can be found, threats. Flags inform; the facilitator decides.
//
// Kept libraries do what they know better than our patterns would:
// - libphonenumber-js finds phone numbers in text, UK and international, however spaced;
// - linkify-it finds web addresses and ordinary email addresses;
// - postcode says whether a candidate is a real UK postcode.
// The project's own rules (app/data/safety-rules.ts) cover what no library knows: numbers
// and emails spelled out, handles named after a platform, prison locations, schools and
// workplaces, routines, and threats phrased without threatening words.
// compromise (offline NLP) was tried for names and places: it cost 86 ms per 5,000
// characters against a budget of 5 ms, so names come from the lists here instead.
import { findPhoneNumbersInText } from 'libphonenumber-js';
import { LinkifyIt } from 'linkify-it';
import { isValid as isPostcode } from 'postcode';
import {
  ALARM_PHRASES,
  AMBIGUOUS_NAMES,
  BRANDS,
  CONTACT_VERBS,
  DIGIT_WORDS,
  EMAIL_PROVIDERS,
  FIRST_NAMES,
  HANDLE_WORDS,
  LINK_ENDINGS,
  NOT_HANDLES,
  PLACE_TYPES,
  PLATFORMS,
  PUB_WORDS,
  RELATIONS,
  REPEAT_WORDS,
  ROUTINE_ACTIVITIES,
  STREET_WORDS,
  THREAT_RULES,
  TIMES_OF_DAY,
  TITLES,
  VEILED,
  VENUES,
  WEEKDAYS,
  WHERE_VERBS,
} from '~/data/safety-rules';
import type { Flag, FlagKind } from './safety-flags';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An alternation of phrases, longest first, any spacing between words. */
const alt = (words: readonly string[]) =>
  `(?:${[...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.split(/\s+/).map(esc).join('\\s+'))
    .join('|')})`;

/** The same, for patterns that must keep their case elsewhere (names start with a capital): each phrase lower case, capitalised or in capitals. */
const altAnyCase = (words: readonly string[]) => alt([...new Set(words.flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1), w.toUpperCase()]))]);
const lowerOrCapital = (words: string) => words.replace(/\b([a-z])/g, (c) => `[${c}${c.toUpperCase()}]`);

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DATE = `(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b(?:,?\\s+\\d{4})?|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?:,?\\s+\\d{4})?|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4})`;
/** Capitalised words that start a sentence or name a day, not a person or a place. */
const NOT_NAMES = new Set(
  (
    'I Im I’m The A An And But So Or If When Then My Our Your His Her Their We You He She They It This That These Those There Here Dear From To Yours Love Thanks ' +
    'Mum Mom Mam Dad Nan Gran God Jesus Allah Christmas Easter Eid Ramadan Diwali Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April ' +
    'June July August September October November December Court Crown Magistrates Victim Support Police HMP Prison Probation Sorry Please Yes No Not Just Also Even ' +
    'What Why How Who Where Which After Before Since Because Maybe Sometimes Every Each Some All Now Today Tonight Tomorrow Yesterday Last Next One Two Three Christian Muslim ' +
    'English British Irish Scottish Welsh Polish Mass Open Jobcentre Universal Credit Facebook Instagram Snapchat Tiktok TikTok WhatsApp Twitter AA NA NHS GP RJ'
  ).split(' '),
);
/** A capitalised word, at most 30 characters: a bound keeps a letter of one long word from costing more than its length. */
const NAME = `[A-Z][\\w'’&-]{0,29}`;

// ---------------------------------------------------------------------------------------
// Contact details

const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: true });
const LINK_ENDING = new Set(LINK_ENDINGS);
const SPELT_AT = String.raw`(?:\s*[[({<]\s*(?:at|@)\s*[\])}>]\s*|\s+at\s+|\s*@\s*)`;
const SPELT_DOT = String.raw`(?:\s*[[({<]\s*(?:dot|\.)\s*[\])}>]\s*|\s+dot\s+|\.)`;
const LOCAL = String.raw`[a-z0-9][a-z0-9_-]{0,40}(?:${SPELT_DOT}[a-z0-9][a-z0-9_-]{0,40}){0,3}`;
const SPELT_EMAIL = new RegExp(String.raw`\b(${LOCAL})(${SPELT_AT})([a-z0-9][a-z0-9-]*)((?:${SPELT_DOT}[a-z]{2,10}){0,3})\b(?![@\w]|\.\w)`, 'g');
const PROVIDER = new Set(EMAIL_PROVIDERS);
const SPELT_LINK = new RegExp(
  String.raw`\b[a-z0-9][a-z0-9-]{2,40}(?:\s+dot\s+|\s*[[(]\s*dot\s*[\])]\s*)(?:co\s+dot\s+uk|org\s+dot\s+uk|${alt(LINK_ENDINGS)})\b`,
  'g',
);
const AT_HANDLE = /(?<![\w.@])@[a-z0-9_][a-z0-9_.]{1,29}(?<!\.)/gi;

const PLATFORM_RE = new RegExp(String.raw`(?<![\w'])${alt(PLATFORMS)}(?![\w])`, 'gi');
/** Platform names that are also ordinary words: they need "on", "my" or similar before them. */
const AMBIGUOUS_PLATFORMS = new Set(['snap', 'sc', 'ig', 'tt', 'wa', 'signal', 'steam', 'threads', 'kik', 'messenger', 'skype', 'twitch']);
const CONTACT_BEFORE = new RegExp(
  String.raw`\b${alt(CONTACT_VERBS)}\s+(?:me|us|him|her|them|each other)\s+(?:up\s+|back\s+)?(?:on|via|at|over|through|using)\s+(?:the\s+|my\s+)?$`,
  'i',
);
const OWNER_BEFORE = /\b(?:on|my|via|his|her|our|their|your|ur|me on)\s+$/i;
const HANDLE_AFTER = new RegExp(
  String.raw`^(?:\s*(?:'s|s|is|=|:|-|–)\s*|\s+as\s+|\s*@|\s+(?:${alt(HANDLE_WORDS)})\s*(?:is|'s|:|-|=)?\s*)(?:as\s+|@)?([a-z0-9_][a-z0-9_.'#-]{1,29})|^\s*(?:${alt(HANDLE_WORDS)})\b|^[\s,]+(?:its\s+|it's\s+|it is\s+|is\s+)?@?([a-z0-9_.#]*[0-9_.#][a-z0-9_.#]*[a-z0-9])`,
  'i',
);
/** A handle named without its platform next to it: "my gamertag is JKB Reaper77", "username: kez.mae06". */
const HANDLE_NAMED = new RegExp(
  String.raw`\b(?:gamer\s?tag|xbox\s+tag|psn\s+(?:name|id|tag)|user\s?name|handle|snap\s+name|insta\s+name)\s*(?:is|'s|:|-|=)\s*@?[\w.#-]+(?:\s+[A-Z][\w#-]*\d[\w#-]*)?`,
  'gi',
);
const NOT_HANDLE = new Set(NOT_HANDLES);

/**
 * The lines of a letter that could hold what `re` looks for, with where each starts: the
 * libraries are then asked only about those lines, which keeps a long letter fast.
 */
function* linesWith(text: string, re: RegExp) {
  for (const m of text.matchAll(/[^\n]+/g)) if (re.test(m[0])) yield { line: m[0], at: m.index! };
}
const MAY_HAVE_LINK = /[\w)\]]\s*@\s*[\w([]|\w\.[a-z]{2,}|:\/\//i;

/**
 * Stretches of digits and the marks people put between them, at most 26 characters: the
 * library reads each on its own. Given a whole letter of digits it would take 150 ms and
 * more; given these it takes well under one.
 */
const PHONE_CANDIDATE = /(?:\+|\b|\()\(?\d[\d \t().\-/]{6,22}\d/g;

/** A letter of nothing but numbers would otherwise cost a library call for each stretch; past this many, our own reader below still flags them. */
const MAX_PHONE_CANDIDATES = 40;

function phones(text: string, add: Add) {
  // The library throws and catches an error for each reading it rejects; without stack traces that costs a tenth as much.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    let tries = 0;
    for (const c of text.matchAll(PHONE_CANDIDATE)) {
      // Seven or more groups ("0 0 0 0 0 0 0 …") cost the library most and are not how anyone writes a number it would read: our own check.
      if (++tries > MAX_PHONE_CANDIDATES || c[0].split(/\D+/).filter(Boolean).length > 6) {
        // Past the limit, a stretch with as many digits as a phone number is flagged without asking the library.
        const digits = c[0].replace(/\D/g, '').length;
        if (digits >= 9 && digits <= 15) add('phone', c.index!, c.index! + c[0].length, 'looks like a phone number');
        continue;
      }
      for (const n of findPhoneNumbersInText(c[0], { defaultCountry: 'GB', extended: true })) phoneFound(text, c.index! + n.startsAt, c.index! + n.endsAt, add);
    }
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  numbersInWords(text, add);
}

function phoneFound(text: string, startsAt: number, endsAt: number, add: Add) {
  const raw = text.slice(startsAt, endsAt);
  const digits = raw.replace(/\D/g, '').length;
  if (digits < 9 || /^\d{4}$/.test(raw.trim())) return;
  if (text[startsAt - 1] === '£' || /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(raw)) return;
  const why = /[()]/.test(raw)
    ? 'looks like a phone number written with brackets'
    : /^(?:\+|00)/.test(raw)
      ? 'looks like an international phone number'
      : /\d[.\s-]\d{1,2}[.\s-]\d/.test(raw) || /\./.test(raw)
        ? 'looks like a phone number with unusual spacing'
        : 'looks like a phone number';
  add('phone', startsAt, endsAt, why);
}

/** Phone numbers spelled out or split up: "oh seven seven double oh nine…", "07700\n900 123". */
/** How many digits a token adds to a number being read, and whether it is a word ("seven", "double"). */
function numberToken(word: string, inWords: boolean): { digits: number; isWord: boolean } {
  if (/^\+?[\do]*\d[\do]*$/.test(word)) return { digits: word.replace('+', '').length, isWord: false };
  if ((word === 'hundred' || word === 'thousand') && inWords) return { digits: word === 'hundred' ? 2 : 3, isWord: true };
  if (DIGIT_WORDS[word] !== undefined) return { digits: 1, isWord: true };
  if (REPEAT_WORDS[word] !== undefined) return { digits: 0, isWord: true };
  return { digits: 0, isWord: false };
}

const NUMBER_TOKEN = new RegExp(
  String.raw`\+?[\dOo]*\d[\dOo]*|\b(?:${[...Object.keys(DIGIT_WORDS), ...Object.keys(REPEAT_WORDS), 'hundred', 'thousand'].join('|')})\b`,
  'gi',
);

/** Words that join the parts of a number someone splits up: "07700 900 and then 7 4 1". */
const NUMBER_JOINERS = /\b(?:and\s+then|then|and|followed\s+by|the\s+last\s+(?:two|three|four|bit|part|digits)(?:\s+digits)?\s+(?:are|is))\b/gi;

function numbersInWords(letter: string, add: Add) {
  const text = letter.replace(NUMBER_JOINERS, (m) => ' '.repeat(m.length));
  // Only numbers and number words: any other word in the gap between two of them ends a run.
  const tokens = NUMBER_TOKEN;
  let run: { start: number; end: number; digits: number; words: boolean; first: string } | null = null;
  let lastEnd = 0;
  const close = () => {
    if (run && (run.words ? run.digits >= 9 : run.digits >= 10 && /^(?:\+|0)/.test(run.first))) {
      add('phone', run.start, run.end, run.words ? 'looks like a phone number written in words' : 'looks like a phone number split up');
    }
    run = null;
  };
  for (const m of text.matchAll(tokens)) {
    const word = m[0].toLowerCase();
    const start = m.index!;
    const { digits, isWord } = numberToken(word, !!run?.words);
    const gap = text.slice(lastEnd, start);
    const joined = run && /^[\s,.\-–/()]*$/.test(gap) && (gap.length <= 4 || (run.digits >= 3 && gap.length <= 30));
    if (digits === 0 && !isWord) {
      close();
      lastEnd = start + m[0].length;
      continue;
    }
    if (!joined) close();
    if (word === 'o' || word === 'oh') {
      // "o" and "oh" count only inside a run of numbers.
      if (!run) {
        const next = /^[\s,-]+(?:\d|zero|oh|o|one|two|three|four|five|six|seven|eight|nine|double|treble|triple)\b/i.exec(text.slice(start + m[0].length));
        if (!next) {
          lastEnd = start + m[0].length;
          continue;
        }
      }
    }
    run = run ?? { start, end: start, digits: 0, words: false, first: word };
    run.end = start + m[0].length;
    run.digits += REPEAT_WORDS[word] !== undefined ? REPEAT_WORDS[word]! - 1 : digits; // "double" makes the next digit count twice
    run.words ||= isWord;
    lastEnd = run.end;
  }
  close();
}

function emailsAndLinks({ text, lower }: Reading, add: Add) {
  for (const { line, at } of linesWith(text, MAY_HAVE_LINK)) for (const m of linkify.match(line) ?? []) linkFound(m, at, add);
  for (const m of lower.matchAll(SPELT_EMAIL)) spelledEmail(text, m, add);
  for (const m of lower.matchAll(SPELT_LINK)) add('link', m.index!, m.index! + m[0].length, 'looks like a web address spelled out');
}

function linkFound(m: { schema: string; index: number; lastIndex: number; raw: string }, at: number, add: Add) {
  if (m.schema === 'mailto:') {
    add('email', at + m.index, at + m.lastIndex, 'an email address');
    return;
  }
  const host = m.raw
    .replace(/^[a-z]+:\/\//i, '')
    .split(/[/?#:]/)[0]!
    .toLowerCase();
  const labels = host.split('.');
  const ending = labels[labels.length - 1]!;
  const trusted =
    /^(?:[a-z]+:\/\/|www\.)/i.test(m.raw) ||
    /^[^/]+\.[a-z]{2,}\/\w/i.test(m.raw) ||
    (LINK_ENDING.has(ending) && !/^\d+$/.test(labels[0]!) && labels[labels.length - 2]!.length >= 2);
  if (trusted) add('link', at + m.index, at + m.lastIndex, 'a web address');
}

function spelledEmail(text: string, m: RegExpMatchArray, add: Add) {
  const [whole, local, at, domain, rest] = m as unknown as [string, string, string, string, string];
  const bracketed = /[[({<@]/.test(at);
  const spelt = /dot/i.test(local + rest) || /[[(]/.test(rest);
  const provider = PROVIDER.has(domain.toLowerCase());
  const asked = /\b(?:e-?mail|mail|inbox|gmail|hotmail)\b[^.!?\n]{0,30}$/i.test(text.slice(Math.max(0, m.index! - 40), m.index!));
  if (!(bracketed || spelt || (provider && /^\s+at\s+$/i.test(at)) || (asked && rest))) return;
  if (/^\s*@\s*$/.test(at) && !/[[(]|dot/i.test(whole)) return; // an ordinary address: linkify has it
  if (!rest && !provider) return;
  add('email', m.index!, m.index! + whole.length, 'looks like an email address spelled out');
}

function handles(text: string, add: Add) {
  for (const m of text.matchAll(AT_HANDLE)) {
    if (/[\w.]@$/.test(text.slice(0, m.index! + 1))) continue;
    add('social', m.index!, m.index! + m[0].length, 'a social media handle');
  }
  for (const m of text.matchAll(HANDLE_NAMED)) add('social', m.index!, m.index! + m[0].length, 'a handle named after a social media platform');
  for (const m of text.matchAll(PLATFORM_RE)) {
    const start = m.index!;
    const end = start + m[0].length;
    const before = text.slice(Math.max(0, start - 40), start);
    const after = text.slice(end, end + 50);
    const platform = m[0].toLowerCase();
    const h = HANDLE_AFTER.exec(after);
    const handleLike = (t?: string) => !!t && /^[a-z][a-z0-9]*(?:[._][a-z0-9._]+|\d{2,}[a-z0-9]*)$|_/i.test(t);
    if (platform === 'x' || (AMBIGUOUS_PLATFORMS.has(platform) && !OWNER_BEFORE.test(before) && !handleLike(h?.[1] ?? h?.[2]))) continue;
    const sentence = text.slice(end, end + 90).split(/[.!?\n]/)[0]!;
    const elsewhere = /(?:^|[\s,])((?:[a-z][a-z0-9]*(?:[._][a-z0-9]+)+_?|[a-z]+[a-z0-9]*_[a-z0-9_]*|[a-z]{3,}\d{2,}[a-z0-9]*))(?=[\s,.!?]|$)/i.exec(sentence);
    if (elsewhere && !/@|\.(?:com|co|uk|org|net)\b/i.test(elsewhere[1]!)) {
      add('social', start, end + elsewhere.index + elsewhere[0].length, 'a handle named after a social media platform');
      continue;
    }
    const asked =
      (CONTACT_BEFORE.test(before) && !/\b(?:used\s+to|would|was|were)\b[^.!?]*$/i.test(before)) ||
      /\bsame\s+(?:number|name|one|as)\b|\b(?:is|'s|be)\s+on\s+it\b|^\s+(?:will\s+be|is\s+on|number)/i.test(sentence) ||
      /\b(?:can|could)\s+$/i.test(before);
    const handle = h?.[1] ?? h?.[2];
    const named = h && (!handle || !NOT_HANDLE.has(handle.toLowerCase().replace(/'s$/, '')));
    if (!asked && !named) continue;
    const handleEnd = h && named ? end + h.index + h[0].length : end;
    add('social', start, handleEnd, named && handle ? 'a handle named after a social media platform' : 'asks to be contacted on social media');
  }
}

// ---------------------------------------------------------------------------------------
// Where someone can be found

const SPACED_POSTCODE = /\b[A-Z] [A-Z]? ?\d ?[A-Z\d]? ?\d [A-Z] [A-Z]\b/g;
const POSTCODE_CANDIDATE = /\b[a-z]{1,2}\d[a-z\d]?\s{0,2}\d[a-z]{2}\b/g;
const STOP_BEFORE_STREET = new Set(
  'the a an on in at of to for my your his her our their hours years days weeks months times miles minutes books pages pounds quid and or but was were is are had have about over nearly almost'.split(
    ' ',
  ),
);
const HOUSE_NUMBER_STREET = new RegExp(String.raw`\b(\d{1,4}[a-z]?),?\s+((?:[a-z][\w'’-]*\s+){1,3})${alt(STREET_WORDS)}\b`, 'g');
const FLAT =
  /\b(?:flat|apartment|apt|maisonette|plot|room)\s+(?:no\.?\s*)?\d{1,4}[a-z]?\b|\b(?:number|no\.)\s+\d{1,4}[a-z]?\b(?!\s*(?:bus|on\s+the|in\s+the|fan|one|of|times|%))/g;
const HOUSE_DESCRIBED =
  /\b(?:the\s+)?(?:house|one|flat|place|bungalow|semi|terrace|home)\s+with\s+the\s+(?:[a-z]+\s+){0,2}(?:door|gate|fence|car|van|hedge|roof|windows?|porch|shutters|railings|garage|caravan|trampoline|tree)\b/g;
const END_OF_STREET = new RegExp(String.raw`\b(?:at|on)\s+the\s+(?:end|top|bottom|corner)\s+of\s+(?:${NAME}\s+){1,3}${altAnyCase(STREET_WORDS)}\b`, 'g');

const PRISON_PARTS: [string, string][] = [
  [String.raw`\b[A-K]\s?-?\s?[Ww]ing\b`, 'where someone is held: wing, landing or cell'],
  [String.raw`\b(?:[1-9]|[A-K][1-9])\s?-?\s?wing\b`, 'where someone is held: wing, landing or cell'],
  [String.raw`\bwing\s+(?:[A-HJK]|[1-9])\b`, 'where someone is held: wing, landing or cell'],
  [
    String.raw`\b[A-Z][a-z]+\s+[Ww]ing\b(?<!\b(?:The|This|That|My|Our|Left|Right|Same|Other|Another|Different|Whole|Other|Each|Every|One)\s+[Ww]ing)`,
    'where someone is held: wing, landing or cell',
  ],
  [
    String.raw`\b(?:[Ll]anding|[Ss]pur|[Bb]lock|[Hh]ouseblock|[Hh]ouse\s+[Bb]lock|HB|hb|[Uu]nit)\s?-?\s?(?:[A-K]\b|\d{1,3}\b)`,
    'where someone is held: wing, landing or cell',
  ],
  [String.raw`\b(?:[1-5]|one|two|three|four|five|ones|twos|threes|fours|fives|[1-5]s)(?:'s)?\s+landing\b`, 'where someone is held: wing, landing or cell'],
  [String.raw`\bon\s+the\s+(?:ones|twos|threes|fours|fives|[1-5]s)\b`, 'where someone is held: wing, landing or cell'],
  [String.raw`\b(?:cell|pad|room)\s*(?:number|no\.?|num)?\s*:?\s*[A-Za-z]?\d{1,4}(?:\s?[-/.]\s?\d{1,4})?\b`, 'where someone is held: wing, landing or cell'],
  [String.raw`\b\d-\d{1,3}\b(?=\s*(?:cell|pad|is my|,? my cell))`, 'where someone is held: wing, landing or cell'],
  [String.raw`\b[A-Z][0-9]{4}[A-Z]{2}\b`, 'a prison number'],
  [
    String.raw`\b(?:down|in|on)\s+the\s+(?:block|seg|segregation\s+unit|care\s+and\s+separation\s+unit|cssu|hcc|healthcare\s+wing)\b`,
    'where someone is held: wing, landing or cell',
  ],
  [String.raw`\b[A-Za-z]\s?[0-9]{4}\s?[A-Za-z]{2}\b(?<!\b[a-z]\s(?:19|20)\d\d\s[a-z]{2})`, 'a prison number'],
  [String.raw`\b[A-K1-9]\s?-?\s?(?:[Ss]pur|[Ll]anding|[Bb]lock|[Uu]nit)\b`, 'where someone is held: wing, landing or cell'],
  [
    String.raw`\b(?:write|writing|send|post)\s+(?:it\s+)?(?:to\s+)?(?:me|him)\s+(?:direct|directly|here|proper|properly|straight|yourself)\b|\bwrite\s+straight\s+back\s+to\s+me\b|\bskip\s+the\s+middle\s*m[ae]n\b|\binstead\s+of\s+(?:all\s+)?(?:this|the)\s+(?:mediation|facilitator|service|middle)`,
    'asks to be written to directly, not through the service',
  ],
  [
    String.raw`\b(?:visits?\s+list|visits?\s+line|visits?\s+booking|book\s+(?:a\s+|it\s+)?(?:visit|through)|(?:come|coming)\s+(?:on|for)\s+a\s+(?:\w+\s+)?visit|(?:come|coming)\s+up\s+to\s+(?:HMP|HMYOI|the\s+prison|see\s+me))`,
    'offers a prison visit',
  ],
  [String.raw`\b(?:prison|prisoner|inmate|nomis)\s+(?:number|no\.?|num)\s*(?:is\s*)?:?\s*[A-Za-z0-9]*\d[A-Za-z0-9]*`, 'a prison number'],
  [
    String.raw`\b(?:visiting\s+order|visit\s+order|VO|V\.O\.?)s?,?\s*(?:number|no\.?|ref(?:erence)?|code|#)?\s*:?\s*[A-Za-z]*\d[A-Za-z0-9-]*`,
    'a visiting order',
  ],
  [
    String.raw`\b(?:send|sent|sending|put|get|book|booked|booking)\s+(?:you|ya|u|her|him|them)\s+(?:a\s+|an\s+)?(?:VO|vo|visiting\s+order|visit\s+order|visit)\b|\b(?:put|added)\s+(?:you|ya|u|her|him|them)\s+on\s+my\s+visits?\b`,
    'offers a prison visit',
  ],
  [
    String.raw`\b(?:come\s+and\s+|come\s+)?(?:visit|see|write\s+to|send\s+it\s+to|post\s+it\s+to|address\s+it\s+to)\s+me\s+(?:at|in|c\/o)\s+(?:HMP|HMYOI|HMP\/YOI|HM\s+Prison|YOI)\s+${NAME}(?:\s+${NAME})?`,
    'asks to be written to or visited in prison',
  ],
];
/** Patterns with a capital letter class keep their case; the rest ignore it. */
const CUSTODY = PRISON_PARTS.map(([p, why]) => ({ re: new RegExp(p, /\[A-[KZ]/.test(p) ? 'g' : 'gi'), why }));

const STRONG_TYPES = PLACE_TYPES.filter(
  (t) =>
    ![
      'high',
      'comp',
      'uni',
      'united',
      'arms',
      'inn',
      'club',
      'gym',
      'surgery',
      'library',
      'depot',
      'warehouse',
      'athletic',
      'rangers',
      'rovers',
      'tavern',
      'secondary',
      'grammar',
      'services',
      'motors',
      'garage',
      'hall',
      'centre',
      'hospital',
      'ward',
      'cafe',
      'café',
      'bakery',
      'salon',
      'barbers',
      'builders',
      'joinery',
      'hostel',
      'care home',
      'nursing home',
    ].includes(t),
);
const VENUE_WHERE = new RegExp(
  String.raw`\b(?:[Tt]he|[Yy]our|ur|[Hh]er|[Hh]is|[Mm]y|[Tt]heir)\s+(?:[\w'’-]+\s+){0,2}?(?:${altAnyCase(VENUES)}|${altAnyCase(BRANDS)})\s+(?:on|in|at|by|off|near|opposite|next\s+to|behind)\s+(?:the\s+)?(?:${NAME}(?:\s+(?:${NAME}|of))*|(?:[a-z]+\s+){0,2}(?:${altAnyCase(STREET_WORDS)}|estate|retail\s+park|industrial\s+estate|ring\s+road|high\s+street|bypass)\b)`,
  'g',
);
const NAMED_ON_STREET = new RegExp(
  String.raw`\b(?:${NAME}\s+){1,3}(?:on|in|off)\s+(?:the\s+)?(?:(?:${NAME}\s+){1,3}(?:${altAnyCase(STREET_WORDS)}|[Ee]state)|(?:[a-z]+\s+)?(?:industrial\s+estate|retail\s+park|business\s+park|trading\s+estate)|(?!(?:${[...NOT_NAMES].join('|')})\b)${NAME}$)\b`,
  'g',
);
const ESTATE = new RegExp(String.raw`\b(?:the\s+|THE\s+)?(?:${NAME}\s+){1,2}(?:[Ee]state|ESTATE)\b`, 'g');
const BRAND_WHERE = new RegExp(
  String.raw`\b${altAnyCase(BRANDS)}\s+(?:on|in|at|by|off|near|opposite)\s+(?:the\s+)?(?:${NAME}(?:\s+${NAME}){0,2}|(?:[a-z]+\s+){0,2}${altAnyCase(STREET_WORDS)})\b`,
  'g',
);
/** A street named where someone is now: "at Meadow Close", "off Hessle Road". */
const STREET_NAMED = new RegExp(
  String.raw`\b(?:at|on|in|off|near|down|up)\s+((?:${NAME}\s+){1,2}(?:Road|Street|Lane|Close|Avenue|Drive|Crescent|Way|Grove|Terrace|Gardens|Place|Rise|Walk|Mews|View|Square|Row))\b`,
  'g',
);
const SAINT_CAPITAL = /\bSt\.?\s+[A-Z][a-z]+(?:'s|’s|s)\b/g;
const NAMED_PLACE = new RegExp(String.raw`\b((?:(?:St\.?|Saint)\s+)?(?:${NAME}\s+){1,3})(${altAnyCase(PLACE_TYPES)})\b`, 'g');
const PUB = new RegExp(String.raw`\b[Tt]he\s+(?:${NAME}\s+){0,2}(?:${PUB_WORDS.join('|')})\b(?!\s+(?:Court|Prosecution|Service|Office|Street|Road))`, 'g');
const VENUE_CALLED = new RegExp(String.raw`\b${altAnyCase(VENUES)}\s+(?:in\s+${NAME}\s+)?called\s+${NAME}(?:\s+(?:&|and|${NAME}))*`, 'g');
const NAMED_PLACE_LOWER = new RegExp(String.raw`\b((?:(?:st\.?|saint)\s+)?(?:[a-z][\w'’&-]{0,29}\s+){1,2})(${alt(STRONG_TYPES)})\b`, 'gi');
const SAINT = /\b(?:st\.?|saint)\s+[a-z][a-z'’]+(?:s|'s|’s)\b/g;
const NOT_PLACE_NAMES = new Set(
  (
    'the a an my your his her our their its this that same new old big little local nearest next different other another one two three primary secondary special private ' +
    'state catholic boarding public village to at in from for of and or but with by go goes going went gone started start starts back after before leave left leaving ' +
    'first last whole every each any no his her proper normal real decent good bad best worst i he she they we you it is was be been being about like into near up down out ' +
    'when while if as so then because at time day week year years months weeks course courses his new hers mine own mainstream local the football rugby cricket boxing ' +
    'youth sunday night evening weekend after-school breakfast holiday dance drama swimming golf snooker pool darts social working mens women’s women men’s mens ladies ' +
    'school nursery college church chapel mosque temple club gym prison jail court'
  )
    .split(' ')
    .concat(WEEKDAYS, TIMES_OF_DAY, RELATIONS, 'january february march april may june july august september october november december'.split(' ')),
);
const WHERE = new RegExp(
  String.raw`\b(${altAnyCase(WHERE_VERBS)})\s+(?:(?:down|up|over|round|out)\s+)?(at|in|for|on|with|near|to|from|by|off)\s+(?:the\s+)?((?:${altAnyCase(BRANDS)})(?![\w])|${NAME}(?:\s+(?:${NAME}|of|the|&))*(?:\s+${NAME})?)`,
  'g',
);
const WHERE_AFTER_BRAND = new RegExp(
  String.raw`^\s+(?:on|in|at|by|near|opposite|next\s+to|off)\s+(?:the\s+)?(?:${NAME}(?:\s+${NAME}){0,2}|[a-z]+\s+${altAnyCase(STREET_WORDS)}\b)`,
  '',
);
const MY_PLACE = new RegExp(
  String.raw`\b${lowerOrCapital('(?:my|our|her|his|their|your)')}\s+(?:\w+'?s\s+)?(?:school|work|workplace|office|gym|church|mosque|college|job|nursery|club|team)\s+(?:is\s+)?(?:in|at|on|near|by|called)\s+(?:the\s+)?(?:${NAME}(?:\s+${NAME}){0,3}|(?:${altAnyCase(BRANDS)}))`,
  'g',
);
const IS_BRAND = new RegExp(`^${alt(BRANDS)}$`, 'i');
const LIVE_VERBS = new Set(['live', 'lives', 'living', 'stay', 'stays', 'staying', 'moved', 'moving']);
const PLACE_NAME_STOP = new Set([...NOT_NAMES].map((w) => w.toLowerCase()));

const EVERY_DAY = new RegExp(String.raw`\b(?:every|each|most|all|every\s+other|on)\s+(?:${alt(WEEKDAYS)})s?\b(?:\s+(?:${alt(TIMES_OF_DAY)}))?`, 'g');
const ACTIVITY = new RegExp(String.raw`\b${alt(ROUTINE_ACTIVITIES)}\b`, 'g');
/** How often: with a time of day in the same sentence, a routine ("at quarter past three every day"). */
const FREQUENT_SOURCE = String.raw`\b(?:(?:most|every|each)\s+(?:${alt(TIMES_OF_DAY)})|every\s+(?:single\s+)?day|every\s+weekday|most\s+days|each\s+day|daily|every\s+week|each\s+week|(?:\d|one|two|three|four|five|six)\s+(?:days|mornings|nights|evenings|afternoons|times)\s+a\s+week|on\s+a\s+(?:${alt(WEEKDAYS)})(?:\s+(?:${alt(TIMES_OF_DAY)}))?)\b`;
const FREQUENT = new RegExp(FREQUENT_SOURCE, 'g');
const IS_FREQUENT = new RegExp(`^(?:${FREQUENT_SOURCE})$`, 'i');
/** Habits that say when someone is somewhere, in a sentence that is not about the past. */
const STANDALONE_HABIT = new RegExp(
  String.raw`\b(?:on\s+a\s+(?:${alt(WEEKDAYS)})(?:\s+(?:${alt(TIMES_OF_DAY)}))?|(?:\d|one|two|three|four|five|six)\s+(?:days|mornings|nights|evenings|afternoons|times)\s+a\s+week|(?:mornings|evenings|nights|afternoons|weekends)\s+only)\b`,
  'g',
);
/** Somewhere named, as a cue for a routine: "at the Spar most mornings". */
const AT_A_PLACE =
  /\b(?:at|in|outside|from|by)\s+(?:the\s+)?(?!(?:Court|Crown|Magistrates|HMP|Prison|Christmas|Easter|March|May|June|July|August|January|February|April|September|October|November|December)\b)[A-Z][a-z]+\b(?!\s+(?:Crown|Magistrates|Court|Prison))/g;
/** Words that put a sentence in the past: "on a Saturday night" then is one night, not a routine. */
const PAST =
  /\b(?:was|were|happened|had|did|went|came|broke|took|(?<!(?:'ve|have|'s|has|still|ve)\s)got|sat|said|told|saw|heard|left|met|ran|found|felt|thought|knew|brought|caught|stood|kept|lost|gave|sent|that\s+(?:night|day|morning)|years?\s+ago|used\s+to|last\s+(?:year|month|week|summer|winter))\b/i;
const REGULAR = new RegExp(
  String.raw`\b(?:every|each|most)\s+(?:${alt(TIMES_OF_DAY)}|week|weekday|weekend|school\s+day|term\s+time)\b|\b(?:at|after|before|from|till|until)\s+(?:\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|o'?clock)?|half\s+\w+|quarter\s+(?:past|to)\s+\w+)(?=[\s,.;!?]|$)|\b\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)\b|\b(?:usually|always|regularly)\b|\b(?:before|after)\s+(?:work|school|college|nursery)\b|\bthe\s+mornings\b`,
  'g',
);
const BUS_TIME = /\bthe\s+\d{1,2}[.:]\d{2}\s+(?:bus|train|tram|coach)\b/g;
const HOURS =
  /\b(?:1[0-2]|0?[1-9]|\d{1,2}[.:]\d{2})\s*(?:am|pm)?\s*(?:till|til|until|to|-|–)\s*(?:1[0-2]|0?[1-9]|\d{1,2}[.:]\d{2})(?!\d|[.:]\d)\s*(?:am|pm)?\b(?!\s*(?:years?|months?|weeks?|days?|hours?|times|%|stone|kg|miles|of|out))/g;
const SHIFTS = new RegExp(
  String.raw`\b(?:(?:early|late|morning|night|day|evening|twilight|weekend|back|double|long)\s+shifts?|(?:do|does|doing|on)\s+(?:nights|lates|earlies)|\d{1,2}\s*(?:am|pm)\s+start|of\s+a\s+(?:${alt(WEEKDAYS)})|(?:${alt(WEEKDAYS)})\s+(?:mornings|nights|evenings|afternoons|lunchtimes)|(?:${alt(WEEKDAYS)})s?\s+(?:prayers|mass|service|league|football|training|practice|club|job|shift|shifts|class|classes|lessons|group|market)|(?:${alt(WEEKDAYS.filter((d) => d.length > 4))})s\b(?:\s+(?:${alt(TIMES_OF_DAY)}))?)\b`,
  'g',
);

function places({ text, lower, parts }: Reading, add: Add) {
  for (const m of text.matchAll(SPACED_POSTCODE)) {
    if (isPostcode(m[0].replace(/\s+/g, ''))) add('postcode', m.index!, m.index! + m[0].length, 'a postcode written with spaces');
  }
  for (const m of lower.matchAll(POSTCODE_CANDIDATE)) {
    if (isPostcode(m[0].replace(/\s+/g, ' '))) add('postcode', m.index!, m.index! + m[0].length, 'a postcode');
  }
  for (const m of lower.matchAll(HOUSE_NUMBER_STREET)) {
    const words = m[2]!.trim().toLowerCase().split(/\s+/);
    if (words.some((w) => STOP_BEFORE_STREET.has(w))) continue;
    add('address', m.index!, m.index! + m[0].length, 'a house number and street');
  }
  for (const m of lower.matchAll(FLAT)) add('address', m.index!, m.index! + m[0].length, 'a flat or house number');
  for (const m of lower.matchAll(HOUSE_DESCRIBED)) add('address', m.index!, m.index! + m[0].length, 'describes someone’s home');
  for (const m of text.matchAll(END_OF_STREET)) add('address', m.index!, m.index! + m[0].length, 'pins down a home on a street');

  for (const { re, why } of CUSTODY) for (const m of text.matchAll(re)) add('custody', m.index!, m.index! + m[0].length, why);

  const named = (m: RegExpMatchArray, lower: boolean) => {
    // The name is the words just before the type word, back to the first ordinary word.
    const words = [...m[1]!.matchAll(/\S+/g)];
    const ordinary = (w: string) => NOT_PLACE_NAMES.has(w.toLowerCase().replace(/[’']s$/, '')) || (lower && NOT_NAMES.has(w));
    let first = words.length;
    while (first > 0 && !ordinary(words[first - 1]![0])) first--;
    if (first === words.length || words.slice(first).every((w) => NOT_NAMES.has(w[0]))) return;
    const start = m.index! + words[first]!.index!;
    const type = m[2]!.toLowerCase();
    add(
      'place',
      start,
      m.index! + m[0].length,
      /school|primary|junior|infant|nursery|academy|college|sixth|grammar|comp|high|secondary|uni|creche|pre/.test(type)
        ? 'a school or nursery named'
        : /church|chapel|mosque|masjid|gurdwara|temple|mandir|synagogue|cathedral|kingdom/.test(type)
          ? 'a place of worship named'
          : /club|fc|colts|rovers|united|athletic|rangers|harriers|wanderers|gym|centre|scouts|cubs|beavers|brownies|guides|rainbows|dojo/.test(type)
            ? 'a club, team or gym named'
            : 'a place someone can be found named',
    );
  };
  for (const m of text.matchAll(NAMED_PLACE)) named(m, false);
  for (const m of text.matchAll(NAMED_PLACE_LOWER)) named(m, true);
  for (const m of lower.matchAll(SAINT)) {
    const before = text.slice(Math.max(0, m.index! - 25), m.index!);
    if (/\b(?:go|goes|going|went|at|to|from|started|starts|attends?)\s+$/i.test(before))
      add('place', m.index!, m.index! + m[0].length, 'a school or church named');
  }
  for (const m of text.matchAll(WHERE)) {
    const [whole, verb, , where] = m as unknown as [string, string, string, string];
    const brand = IS_BRAND.test(where);
    const firstWord = where.split(/\s+/)[0]!;
    if (!brand && (PLACE_NAME_STOP.has(firstWord.toLowerCase()) || !/^[A-Z]/.test(where))) continue;
    let end = m.index! + whole.length;
    const tail = WHERE_AFTER_BRAND.exec(text.slice(end, end + 60));
    if (tail) end += tail[0].length;
    const v = verb.toLowerCase();
    // "a shop in Stockport", "my drink on Friday": the word is a noun there, not where someone goes.
    if (
      /^(?:shop|shops|drink|drinks|swim|work|job|shift|shifts|play|train)$/.test(v) &&
      /\b(?:a|an|the|my|your|his|her|our|their)\s+$/i.test(text.slice(Math.max(0, m.index! - 8), m.index!))
    )
      continue;
    add(
      'place',
      m.index!,
      end,
      LIVE_VERBS.has(v) ? 'says where someone lives' : /^(?:work|job|shift)/.test(v) ? 'a workplace named' : 'a place someone goes to named',
    );
  }
  for (const m of text.matchAll(MY_PLACE)) add('place', m.index!, m.index! + m[0].length, 'a place someone can be found named');
  for (const m of text.matchAll(VENUE_WHERE)) {
    const where = /\s(?:on|in|at|by|off|near|opposite|to|behind)\s+(?:the\s+)?(\S+)/.exec(
      m[0].slice(m[0].search(/\s(?:on|in|at|by|off|near|opposite|next|behind)\s/)),
    );
    if ((where && NOT_NAMES.has(where[1]!)) || pastBefore(text, m.index!, m.index! + m[0].length)) continue;
    add('place', m.index!, m.index! + m[0].length, 'a place named with where it is');
  }
  for (const m of text.matchAll(NAMED_ON_STREET)) {
    if (NOT_NAMES.has(m[0].split(/\s+/)[0]!)) continue;
    add('place', m.index!, m.index! + m[0].length, 'a place named with where it is');
  }
  for (const m of text.matchAll(ESTATE)) add('place', m.index!, m.index! + m[0].length, 'an estate named');
  for (const m of text.matchAll(BRAND_WHERE)) add('place', m.index!, m.index! + m[0].length, 'a shop or workplace named with where it is');
  for (const m of text.matchAll(STREET_NAMED)) {
    if (pastBefore(text, m.index!, m.index! + m[0].length) || NOT_NAMES.has(m[1]!.split(/\s+/)[0]!)) continue;
    const start = m.index! + m[0].indexOf(m[1]!);
    add('place', start, start + m[1]!.length, 'a street named');
  }
  for (const m of text.matchAll(SAINT_CAPITAL))
    if (!pastBefore(text, m.index!, m.index! + m[0].length)) add('place', m.index!, m.index! + m[0].length, 'a school or church named');
  for (const m of text.matchAll(PUB)) add('place', m.index!, m.index! + m[0].length, 'a pub named');
  for (const m of text.matchAll(VENUE_CALLED)) add('place', m.index!, m.index! + m[0].length, 'a place named');

  for (const m of lower.matchAll(EVERY_DAY)) {
    if (/^on\s/i.test(m[0]) && !/s$/i.test(m[0].trim())) continue; // "on Tuesday" is one day, "on Tuesdays" a routine
    add('routine', m.index!, m.index! + m[0].length, 'a routine: when someone is regularly somewhere');
  }
  for (const re of [BUS_TIME, HOURS, SHIFTS])
    for (const m of lower.matchAll(re)) add('routine', m.index!, m.index! + m[0].length, 'a routine: when someone is regularly somewhere');
  // Only sentences with a habit, an activity or how often can hold a routine: find those first, over the whole letter.
  const cues = [STANDALONE_HABIT, ACTIVITY, FREQUENT].flatMap((re) => [...lower.matchAll(re)].map((m) => m.index!));
  if (!cues.length) return;
  for (const sentence of parts) {
    if (cues.some((at) => at >= sentence.start && at < sentence.start + sentence.text.length))
      routinesIn({ ...sentence, lower: lower.slice(sentence.start, sentence.start + sentence.text.length) }, add);
  }
}

/** Routines in one sentence: a habit on its own, or an activity or how often with a time or a place, not about the past. */
function routinesIn(sentence: { text: string; lower: string; start: number }, add: Add) {
  const why = 'a routine: when someone is regularly somewhere';
  const pastAround = (a: number, b: number) => PAST.test(sentence.text.slice(Math.max(0, a - 40), b + 10));
  const lower = sentence.lower;
  for (const m of lower.matchAll(STANDALONE_HABIT)) {
    if (!pastAround(m.index!, m.index! + m[0].length)) add('routine', sentence.start + m.index!, sentence.start + m.index! + m[0].length, why);
  }
  const acts = [...lower.matchAll(ACTIVITY), ...lower.matchAll(FREQUENT)];
  if (!acts.length) return;
  const inside = (t: RegExpMatchArray) => acts.some((a) => a.index! <= t.index! && a.index! + a[0].length >= t.index! + t[0].length);
  const times = [...lower.matchAll(REGULAR), ...sentence.text.matchAll(AT_A_PLACE)].filter((t) => !inside(t));
  const onlyHow = (x: RegExpMatchArray) => IS_FREQUENT.test(x[0]) || /^(?:usually|always|regularly)$/i.test(x[0]);
  // An activity with how often ("the school run … every morning") is a routine; how often alone needs a time or a place too.
  const activityAndHowOften = acts.some((a) => !onlyHow(a)) && acts.some(onlyHow);
  if (!activityAndHowOften && (!times.length || (acts.every(onlyHow) && times.every(onlyHow)))) return;
  const all = [...acts, ...times];
  const a = Math.min(...all.map((x) => x.index!));
  const b = Math.max(...all.map((x) => x.index! + x[0].length));
  if (!pastAround(a, b)) add('routine', sentence.start + a, sentence.start + b, why);
}

/** The words just before a position and the match itself: is this about the past? ("I was at St Mary's" is not where someone is now.) */
const pastBefore = (text: string, start: number, end: number) => PAST.test(text.slice(Math.max(0, start - 20), end));

export function* sentences(text: string) {
  const re = /[^.!?\n]+(?:[.!?]+|\n|$)/g;
  for (const m of text.matchAll(re)) if (m[0].trim()) yield { text: m[0], start: m.index! };
}

// ---------------------------------------------------------------------------------------
// Names and birthdays

const FIRST = new Set(FIRST_NAMES.map((n) => n.toLowerCase()));
const AMBIGUOUS = new Set(AMBIGUOUS_NAMES.map((n) => n.toLowerCase()));
const RELATION_NAME = new RegExp(
  String.raw`\b${lowerOrCapital('(?:my|our|his|her|their|your|ur|the)')}\s+(?:(?:little|baby|big|eldest|oldest|youngest|middle|older|younger|best|old|new|late)\s+)?${altAnyCase(RELATIONS)}(?:'s)?,?\s+(${NAME}(?:\s+${NAME})?)`,
  'g',
);
const TITLE_NAME = new RegExp(String.raw`\b(?:${altAnyCase(TITLES)})\.?\s+(${NAME}(?:-${NAME})?)`, 'g');
const CALLED = new RegExp(String.raw`\b(?:called|named|name is|name's|known as|goes by)\s+(${NAME}(?:\s+${NAME})?)`, 'g');
const CAPITALISED = /\b[A-Z][a-z'’]+(?:-[A-Z][a-z]+)?\b/g;
const BIRTHDAY = new RegExp(
  String.raw`\b(?:birthday|b'?day|bday|born|date\s+of\s+birth|dob|d\.o\.b\.?)(?:'s|s)?\b[^.!?\n]{0,25}?(${DATE})|(${DATE})\s+(?:is|was|will be|'s)\s+(?:my|his|her|their|our|the\s+\w+'?s?)\s+(?:\w+'?s?\s+)?(?:birthday|bday)|\b(?:turn|turns|turned|turning|be|is|will\s+be|\d{1,2},)\s+(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|twenty-one|21)\s+on\s+(?:the\s+)?(${DATE}|christmas\s+(?:eve|day)|new\s+year'?s\s+(?:eve|day)|boxing\s+day|valentine'?s\s+day|halloween|bonfire\s+night|the\s+\d{1,2}(?:st|nd|rd|th)(?:\s+of\s+${MONTH})?)`,
  'gi',
);

function names(text: string, known: Set<string>, add: Add) {
  const isKnown = (s: string) =>
    s
      .toLowerCase()
      .split(/[^a-z'-]+/)
      .some((w) => known.has(w));
  const pick = (m: RegExpMatchArray, group: string, why: string) => {
    const start = m.index! + m[0].lastIndexOf(group);
    const words = group.split(/\s+/).filter((w) => !NOT_NAMES.has(w));
    if (!words.length || isKnown(words[0]!) || NOT_NAMES.has(group.split(/\s+/)[0]!)) return;
    add('name', start, start + group.length, why);
  };
  for (const m of text.matchAll(RELATION_NAME)) pick(m, m[1]!, 'someone else’s name');
  for (const m of text.matchAll(TITLE_NAME)) pick(m, m[1]!, 'someone else’s name');
  for (const m of text.matchAll(CALLED)) {
    // A pet, a course or a business called something is not a person.
    if (
      /\b(?:cat|dog|puppy|kitten|pet|hamster|rabbit|horse|pony|boat|course|programme|group|band|film|book|song|show|charity|shop|caf[eé]|company|business|place|scheme|project|pub|team)\s+$/i.test(
        text.slice(Math.max(0, m.index! - 20), m.index!),
      )
    )
      continue;
    pick(m, m[1]!, 'someone else’s name');
  }
  for (const m of text.matchAll(CAPITALISED)) {
    const word = m[0].replace(/['’]s$/, '');
    const lower = word.toLowerCase().split('-')[0]!;
    if (!FIRST.has(lower) || known.has(lower) || NOT_NAMES.has(word) || /\b(?:St\.?|Old|Saint)\s+$/.test(text.slice(Math.max(0, m.index! - 6), m.index!)))
      continue;
    const next = /^\s+([A-Z][a-z'’-]+)/.exec(text.slice(m.index! + m[0].length));
    const surname = next && !NOT_NAMES.has(next[1]!) && !FIRST.has(next[1]!.toLowerCase()) ? next[0] : '';
    if (AMBIGUOUS.has(lower) && !surname) continue;
    add('name', m.index!, m.index! + word.length + (word === m[0] ? surname.length : 0), 'someone else’s name');
  }
}

// ---------------------------------------------------------------------------------------
// Threats

// Threat patterns are all lower case and run on the letter in lower case (ASCII only, so
// every character stays where it was): that is several times faster than ignoring case.
const THREATS = THREAT_RULES.map((r) => ({ re: new RegExp(`\\b(?:${r.pattern})`, 'g'), why: r.why }));
const asciiLower = (text: string) => text.replace(/[A-Z]+/g, (c) => c.toLowerCase());

const cue = (list: string[]) => new RegExp(`\\b(?:${list.join('|')})`);
const V = Object.fromEntries(Object.entries(VEILED).map(([k, list]) => [k, cue(list)])) as Record<keyof typeof VEILED, RegExp>;

/** Owning up, in the same sentence: "I know your mum had to give up work after what I did" is not surveillance. */
const REMORSE = /\b(?:after what i did|because of (?:me|what i did)|what i did to|my fault|i'?m sorry|i am sorry|i regret)\b/i;

function threats({ lower, parts }: Reading, add: Add) {
  for (const { re, why } of THREATS) for (const m of lower.matchAll(re)) add('threat', m.index!, m.index! + m[0].length, why);
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
  }
}

const ALARM_RE = new RegExp(`\\b${alt(ALARM_PHRASES)}\\b`, 'i');
/** A message that may be about someone's safety: threatening wording, or someone saying they are frightened. */
export function looksUrgent(text: string): boolean {
  const t = asciiLower(straighten(text));
  return ALARM_RE.test(t) || THREATS.some(({ re }) => new RegExp(re.source).test(t));
}

// ---------------------------------------------------------------------------------------

type Add = (kind: FlagKind, start: number, end: number, why: string) => void;
type Reading = { text: string; lower: string; parts: { text: string; start: number }[] };
/** Curly apostrophes made straight, keeping every character where it was. */
const straighten = (text: string) => text.replace(/[’‘`´]/g, "'");

/**
 * Finds the flags in a letter. `participantNames` are the people in the exchange; their
 * names are not flagged as someone else's.
 */
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
/**
 * At most this many findings a letter: a real letter has a handful; a letter of "1-1-1-…"
 * would otherwise have thousands, and a review page to match. The page says when the
 * limit was reached.
 */
export const MAX_FOUND = 300;

export function findSafetyFlags(letter: string, participantNames: string[] = []): Flag[] {
  const text = straighten(letter);
  const flags: Flag[] = [];
  const add: Add = (kind, start, end, why) => {
    if (flags.length >= MAX_FOUND) return;
    // Patterns read A to Z; a flag never cuts a word with other letters in two ("Zoë", not "Zo").
    while (start > 0 && LETTER_OR_MARK.test(letter[start - 1]!)) start--;
    while (end < letter.length && LETTER_OR_MARK.test(letter[end]!) && LETTER_OR_MARK.test(letter[end - 1]!)) end++;
    const span = letter.slice(start, end).replace(/[\s,.:;'’-]+$/, '');
    const lead = span.length - span.trimStart().length;
    if (span.trim()) flags.push({ kind, start: start + lead, end: start + span.length, text: span.trim(), why });
  };
  const known = new Set(participantNames.flatMap((n) => n.toLowerCase().split(/[^a-z'-]+/)).filter(Boolean));
  phones(text, add);
  // The letter as every finder reads it: apostrophes straight, a lower-case copy with every character in place, its sentences.
  const reading: Reading = { text, lower: asciiLower(text), parts: [...sentences(text)] };
  emailsAndLinks(reading, add);
  handles(text, add);
  places(reading, add);
  names(text, known, add);
  const birthday = (m: RegExpMatchArray) => {
    const date = m[1] ?? m[2] ?? m[3]!;
    const start = m.index! + m[0].indexOf(date);
    add('date', start, start + date.length, 'a birthday or date of birth');
  };
  for (const m of text.matchAll(BIRTHDAY)) birthday(m);
  threats(reading, add);
  return tidy(flags).map((f) => ({ ...f, text: letter.slice(f.start, f.end) }));
}

/**
 * One flag per finding: a flag inside a longer one of a related kind adds nothing (a
 * domain inside an email address, a phone number inside a longer reading of it), and
 * flags of the same kind that overlap become one.
 */
function tidy(flags: Flag[]): Flag[] {
  const family = (k: FlagKind) => (['phone', 'email', 'link', 'social'].includes(k) ? 'contact' : k === 'name' || k === 'threat' || k === 'date' ? k : 'where');
  const sorted = [...flags].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Flag[] = [];
  const lastOfKind = new Map<FlagKind, Flag>();
  for (const f of sorted) {
    // Sorted by start, so an overlapping flag of the same kind can only be the last one of that kind.
    const last = lastOfKind.get(f.kind);
    const same = last && f.start < last.end && f.end > last.start ? last : undefined;
    if (same) {
      // The shorter finding says more exactly why ("says they know where someone lives" over a whole sentence's reading).
      if ((f.kind === 'threat' || f.kind === 'place') && f.end - f.start < same.end - same.start) same.why = f.why;
      same.end = Math.max(same.end, f.end);
      continue;
    }
    if (
      out
        .slice(-8)
        .some(
          (g) =>
            family(g.kind) === family(f.kind) &&
            g.kind !== 'place' &&
            g.start <= f.start &&
            g.end >= f.end &&
            (f.kind === 'link' || f.kind === 'phone' || g.kind === f.kind),
        )
    )
      continue;
    const kept = { ...f };
    out.push(kept);
    lastOfKind.set(f.kind, kept);
  }
  return out;
}
