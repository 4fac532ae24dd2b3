// How the letter safety flags do on the labelled letters (tests/safety-letters), on both
// parts: the four in five the tests hold to the goals, and every fifth letter, which is
// only reported here, as a check that tuning has not just learnt the first part's letters.
// Then the time per 5,000-character letter, beside one plain regular-expression pass over
// the same text on this machine, for scale.
import { DEVELOPMENT_WRITERS, HELD_BACK, HELD_OUT_WRITERS, GOALS, TUNING, WRITERS, pct, score, type Letter } from '../tests/safety-letters/letters';
import { findSafetyFlags } from '~/models/safety-flags/safety-flags.server';

const verbose = process.argv.includes('--verbose');
const mark = (ok: boolean) => (ok ? 'meets the goal' : 'BELOW THE GOAL');

function report(name: string, letters: Letter[]) {
  const s = score(letters);
  const f = s.families;
  console.log(`\nsafety flags, ${name}: ${letters.length} letters (${s.clean.total} clean)`);
  console.log(
    `  contact details and handles found  ${pct(s.contact).padStart(6)}  (${f.contact.found}/${f.contact.total}; goal ≥ ${pct(GOALS.contact)})  ${mark(s.contact >= GOALS.contact)}`,
  );
  console.log(
    `  places found                       ${pct(s.where).padStart(6)}  (${f.where.found}/${f.where.total}; goal ≥ ${pct(GOALS.where)})  ${mark(s.where >= GOALS.where)}`,
  );
  console.log(
    `  threats found                      ${pct(s.threat).padStart(6)}  (${f.threat.found}/${f.threat.total}; goal ≥ ${pct(GOALS.threat)})  ${mark(s.threat >= GOALS.threat)}`,
  );
  console.log(
    `  clean letters flagged              ${pct(s.cleanFlagged).padStart(6)}  (${s.clean.flagged}/${s.clean.total}; goal ≤ ${pct(GOALS.cleanFlagged)})  ${mark(s.cleanFlagged <= GOALS.cleanFlagged)}`,
  );
  console.log(`  threatening letters with at least one threat flagged (no goal): ${s.threatLetters.found}/${s.threatLetters.total}`);
  console.log(
    `  names and birthdays found (no goal) ${pct(f.other.total ? f.other.found / f.other.total : 1).padStart(5)}  (${f.other.found}/${f.other.total})`,
  );
  console.log(
    `  by kind: ${Object.entries(s.kinds)
      .map(([k, t]) => `${k} ${t.found}/${t.total}`)
      .join(', ')}`,
  );
  console.log(`  flags on flagged letters beyond the labels: ${s.extra}`);
  const show = verbose ? Infinity : 12;
  for (const m of s.misses.slice(0, show)) console.log(`  missed ${m}`);
  if (s.misses.length > show) console.log(`  … and ${s.misses.length - show} more misses (--verbose)`);
  for (const a of s.alarms.slice(0, show)) console.log(`  on a clean letter: ${a}`);
  if (s.alarms.length > show) console.log(`  … and ${s.alarms.length - show} more (--verbose)`);
}

/** The letters run together and cut into 5,000-character letters. */
function letters5000(letters: Letter[]) {
  const all = letters.map((l) => l.text).join('\n\n');
  const out: string[] = [];
  for (let i = 0; i + 5000 <= all.length; i += 5000) out.push(all.slice(i, i + 5000));
  return out;
}

function time(texts: string[], fn: (t: string) => unknown, rounds = 20) {
  for (const t of texts) fn(t); // warm up
  const ms: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const t of texts) {
      const a = performance.now();
      fn(t);
      ms.push(performance.now() - a);
    }
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!.toFixed(2);
  return `median ${at(0.5)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms, max ${ms[ms.length - 1]!.toFixed(2)} ms`;
}

report('the part the tests hold (4 in 5)', TUNING);
report('the part only reported here (1 in 5)', HELD_BACK);

/**
 * Per letter, on writers the rules have never seen: what a facilitator meets. A threatening
 * letter counts when at least one threat flag is on it; a clean letter counts against when
 * anything is flagged on it.
 */
const PER_LETTER_GOALS = { threatLetters: 0.9, cleanFlagged: 0.1 };
function perLetter(name: string, letters: Letter[]) {
  const s = score(letters);
  const t = s.threatLetters;
  const tr = t.total ? t.found / t.total : 1;
  return `  ${name.padEnd(22)} ${String(letters.length).padStart(5)}  threatening letters flagged ${pct(tr).padStart(6)} (${t.found}/${t.total})  clean letters flagged ${pct(s.cleanFlagged).padStart(6)} (${s.clean.flagged}/${s.clean.total})  threat phrases ${pct(s.threat).padStart(6)}  contact ${pct(s.contact).padStart(6)}  places ${pct(s.where).padStart(6)}`;
}
if (WRITERS.length) {
  console.log(
    `\nheld-out writers, per letter (goals: threatening letters flagged ≥ ${pct(PER_LETTER_GOALS.threatLetters)}, clean letters flagged ≤ ${pct(PER_LETTER_GOALS.cleanFlagged)})`,
  );
  console.log('  development writers (the trained threat reader learnt from these):');
  for (const w of WRITERS.filter((x) => DEVELOPMENT_WRITERS.includes(x.name))) console.log(perLetter(w.name, w.letters));
  console.log('  held out from everything:');
  for (const w of HELD_OUT_WRITERS) console.log(perLetter(w.name, w.letters));
  const heldOut = HELD_OUT_WRITERS.flatMap((w) => w.letters);
  console.log(perLetter('all four held out', heldOut));
  const all = score(heldOut);
  const tr = all.threatLetters.found / Math.max(1, all.threatLetters.total);
  console.log(
    `  threatening letters: ${mark(tr >= PER_LETTER_GOALS.threatLetters)}; clean letters: ${mark(all.cleanFlagged <= PER_LETTER_GOALS.cleanFlagged)}`,
  );
  if (verbose) report('the four held-out writers', heldOut);
}

console.log('\ntime per 5,000-character letter, the trained reader included (goal: median ≤ 5 ms, p99 ≤ 20 ms)');
for (const [name, set] of [
  ['the tests’ part', TUNING],
  ['the reported part', HELD_BACK],
  ['flagged letters only', [...TUNING, ...HELD_BACK].filter((l) => l.flags.length)],
  ['held-out writers', HELD_OUT_WRITERS.flatMap((w) => w.letters)],
] as const) {
  const texts = letters5000(set);
  console.log(`  ${name} (${texts.length} letters): ${time(texts, (t) => findSafetyFlags(t, ['Vera', 'Owen']))}`);
  console.log(`    reference, one pass of /\\d+/g over the same text: ${time(texts, (t) => [...t.matchAll(/\d+/g)].length)}`);
}
