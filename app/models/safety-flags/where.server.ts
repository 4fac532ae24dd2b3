// Where someone can be found: postcodes (checked by the postcode library), addresses,
// prisons, named places, venues and estates.
import { isValid as isPostcode } from 'postcode';
import { BRANDS, PLACE_TYPES, PUB_WORDS, RELATIONS, STREET_WORDS, TIMES_OF_DAY, VENUES, WEEKDAYS, WHERE_VERBS } from '~/data/safety-rules';
import { type Add, NAME, NOT_NAMES, type Reading, alt, altAnyCase, lowerOrCapital } from './reading';
import { ACTIVITY, BUS_TIME, EVERY_DAY, FREQUENT, HOURS, SHIFTS, STANDALONE_HABIT, pastBefore, routinesIn } from './routines.server';

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

export function places({ text, lower, parts }: Reading, add: Add) {
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
    const [whole, verb, prep, where] = m as unknown as [string, string, string, string];
    // "pray to the Holy Mother", "working with Tomasz": a prayer's addressee or a colleague, not a place.
    if ((/^pray/i.test(verb) && /^to$/i.test(prep)) || /^with$/i.test(prep)) continue;
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
