// How the automatic safety flags do on the project's labelled examples: found, missed
// and false alarms, on the main set (held by the tests) and on the harder set (not held).
import { EXAMPLES, HARD_EXAMPLES, type Example } from '~/models/safety-flag-examples';
import { findSafetyFlags, type Flag } from '~/models/safety-flags';

function score(examples: Example[]) {
  const r = { found: 0, missed: 0, falseAlarms: 0, misses: [] as string[], alarms: [] as string[] };
  for (const ex of examples) {
    const flags = findSafetyFlags(ex.text, ['Vera Victim', 'Owen Offender']);
    const hit = (f: Flag, kind: string, words: string) => {
      const start = ex.text.indexOf(words);
      return f.kind === kind && f.start < start + words.length && f.end > start;
    };
    for (const [kind, words] of ex.expect) {
      if (flags.some((f) => hit(f, kind, words))) r.found++;
      else {
        r.missed++;
        r.misses.push(`${kind}: “${words}”`);
      }
    }
    for (const f of flags) {
      if (ex.expect.some(([k, w]) => hit(f, k, w))) continue;
      r.falseAlarms++;
      r.alarms.push(`${f.kind}: “${f.text}”`);
    }
  }
  return r;
}

for (const [name, set] of [
  ['main examples', EXAMPLES],
  ['harder examples', HARD_EXAMPLES],
] as const) {
  const r = score(set);
  console.log(`safety flags, ${name} (${set.length} letters): ${r.found} found, ${r.missed} missed, ${r.falseAlarms} false alarms`);
  for (const m of r.misses) console.log(`  missed ${m}`);
  for (const a of r.alarms) console.log(`  false alarm ${a}`);
}
