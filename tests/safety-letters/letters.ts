// The labelled letters for the safety flags. The five JSON files beside this one are the
// first five writers: split into the part the tests hold the flags to (four in five) and
// the part only `npm run bench` reports (every fifth letter by id). The folders under
// `writers/` are eight more writers, each given a register (text-speak, dialects, English
// as a second language, formal, faith, supporters, young people, older and easy-read),
// who never saw the rules: whole writers held out, reported by the bench only and never
// tuned against. Scoring is here so that the tests and the bench agree.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findSafetyFlags } from '~/models/safety-flags/safety-flags.server';
import { FLAG_FAMILY, type Flag, type FlagKind } from '~/models/safety-flags/safety-flags';

export type Letter = { id: string; voice: 'victim' | 'prison' | 'supporter'; people: string[]; text: string; flags: [FlagKind, string][] };

const dir = dirname(fileURLToPath(import.meta.url));
/** Each file's letters in id order. A file added later leaves the other files' split as it was. */
const FILE_NAMES = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const FILES: Letter[][] = FILE_NAMES.map((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as Letter[]).sort((a, b) => (a.id < b.id ? -1 : 1)));
/** The held-out writers, each with all their letters, by name. */
const writersDir = join(dir, 'writers');
export const WRITERS: { name: string; letters: Letter[] }[] = existsSync(writersDir)
  ? readdirSync(writersDir)
      .sort()
      .map((name) => ({
        name,
        letters: readdirSync(join(writersDir, name))
          .filter((f) => f.endsWith('.json'))
          .sort()
          .flatMap((f) => JSON.parse(readFileSync(join(writersDir, name, f), 'utf8')) as Letter[]),
      }))
  : [];
/**
 * Four of the eight are development writers: the trained threat reader (decision 022) learnt
 * from them and its threshold was chosen on them. The other four are held out from
 * everything: the honest figures.
 */
export const DEVELOPMENT_WRITERS = ['dialects', 'elderly', 'esl', 'faith'];
export const HELD_OUT_WRITERS = WRITERS.filter((w) => !DEVELOPMENT_WRITERS.includes(w.name));
export const HELD_OUT: Letter[] = WRITERS.flatMap((w) => w.letters);
/** The first five writers, one JSON file each (the rules were tuned on four in five of their letters). */
export const FILES_BY_WRITER = FILE_NAMES.map((name, i) => ({ name, letters: FILES[i]! }));
/** Every labelled letter. */
export const LETTERS: Letter[] = [...FILES.flat(), ...HELD_OUT];
/** Four letters in five (of each file): the tests hold the flags to the goals on these. */
export const TUNING = FILES.flatMap((letters) => letters.filter((_, i) => i % 5 !== 4));
/** Every fifth letter of each file: reported by the bench only, never tuned against. */
export const HELD_BACK = FILES.flatMap((letters) => letters.filter((_, i) => i % 5 === 4));

export const GOALS = { contact: 0.95, where: 0.95, threat: 0.9, cleanFlagged: 0.1 };

type Tally = { found: number; total: number };
const rate = (t: Tally) => (t.total ? t.found / t.total : 1);

/** A flag counts for a labelled piece if it overlaps it and is of the same kind, or of the same family of contact details or places. */
function matches(f: Flag, kind: FlagKind, start: number, end: number) {
  const family = FLAG_FAMILY[kind];
  return f.start < end && f.end > start && (f.kind === kind || (family !== 'other' && FLAG_FAMILY[f.kind] === family));
}

export function score(letters: Letter[]) {
  const families = { contact: { found: 0, total: 0 }, where: { found: 0, total: 0 }, threat: { found: 0, total: 0 }, other: { found: 0, total: 0 } };
  const kinds = {} as Record<string, Tally>;
  const clean = { flagged: 0, total: 0 };
  /** Letters with a labelled threat, and those where at least one of their threats is flagged. */
  const threatLetters = { found: 0, total: 0 };
  const misses: string[] = [];
  const alarms: string[] = [];
  let extra = 0;
  for (const l of letters) {
    const flags = findSafetyFlags(l.text, l.people);
    if (!l.flags.length) {
      clean.total++;
      if (flags.length) clean.flagged++;
      for (const f of flags) alarms.push(`${l.id} ${f.kind} “${f.text}” (${f.why})`);
      continue;
    }
    const threats = l.flags.filter(([kind]) => kind === 'threat');
    if (threats.length) {
      threatLetters.total++;
      if (threats.some(([kind, words]) => flags.some((f) => matches(f, kind, l.text.indexOf(words), l.text.indexOf(words) + words.length))))
        threatLetters.found++;
    }
    for (const [kind, words] of l.flags) {
      const start = l.text.indexOf(words);
      const hit = flags.some((f) => matches(f, kind, start, start + words.length));
      const fam = families[FLAG_FAMILY[kind]];
      const k = (kinds[kind] ??= { found: 0, total: 0 });
      fam.total++;
      k.total++;
      if (hit) {
        fam.found++;
        k.found++;
      } else misses.push(`${l.id} ${kind} “${words}”`);
    }
    extra += flags.filter((f) => !l.flags.some(([kind, words]) => matches(f, kind, l.text.indexOf(words), l.text.indexOf(words) + words.length))).length;
  }
  return {
    families,
    kinds,
    clean,
    threatLetters,
    misses,
    alarms,
    extra,
    contact: rate(families.contact),
    where: rate(families.where),
    threat: rate(families.threat),
    cleanFlagged: clean.total ? clean.flagged / clean.total : 0,
  };
}

export const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
