// Contact details: phone numbers (libphonenumber-js, and our own reader for numbers in words
// or split up), email addresses and web links (linkify-it, and spelled-out ones), handles.
import { findPhoneNumbersInText } from 'libphonenumber-js';
import { LinkifyIt } from 'linkify-it';
import { CONTACT_VERBS, DIGIT_WORDS, EMAIL_PROVIDERS, HANDLE_WORDS, LINK_ENDINGS, NOT_HANDLES, PLATFORMS, REPEAT_WORDS } from '~/data/safety-rules';
import { type Add, type Reading, alt } from './reading';

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

export function phones(text: string, add: Add) {
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

export function emailsAndLinks({ text, lower }: Reading, add: Add) {
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

export function handles(text: string, add: Add) {
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
