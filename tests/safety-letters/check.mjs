// Checks the labelled letters for the safety flags: valid JSON, unique ids, every labelled
// piece of text is in its letter, known kinds. Prints counts per kind, voice and file.
// Usage: node tests/safety-letters/check.mjs [folder or file …] (default: all of them)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const KINDS = ['phone', 'email', 'link', 'social', 'address', 'postcode', 'custody', 'place', 'routine', 'name', 'date', 'threat'];
const VOICES = ['victim', 'prison', 'supporter'];
const dir = dirname(fileURLToPath(import.meta.url));
const problems = [];
const ids = new Set();
const byKind = Object.fromEntries(KINDS.map((k) => [k, 0]));
const byVoice = {};
let total = 0;
let clean = 0;
/** Every .json file under the given folders (or the given files), in name order. */
function jsonFiles(path) {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((f) => (statSync(join(path, f)).isDirectory() ? jsonFiles(join(path, f)) : f.endsWith('.json') ? [join(path, f)] : []));
}
const paths = process.argv.slice(2);
for (const path of (paths.length ? paths : [dir]).flatMap(jsonFiles)) {
  const file = relative(dir, path);
  let letters;
  try {
    letters = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    problems.push(`${file}: not valid JSON (${e.message})`);
    continue;
  }
  let fileClean = 0;
  for (const l of letters) {
    const where = `${file} ${l.id}`;
    if (typeof l.id !== 'string' || ids.has(l.id)) problems.push(`${where}: missing or repeated id`);
    ids.add(l.id);
    if (!VOICES.includes(l.voice)) problems.push(`${where}: voice must be one of ${VOICES.join(', ')}`);
    if (!Array.isArray(l.people) || l.people.length < 2) problems.push(`${where}: people must list the writer and the reader`);
    if (typeof l.text !== 'string' || l.text.length < 80) problems.push(`${where}: text missing or shorter than 80 characters`);
    if (!Array.isArray(l.flags)) problems.push(`${where}: flags must be a list`);
    for (const f of l.flags ?? []) {
      if (!Array.isArray(f) || f.length !== 2 || !KINDS.includes(f[0]))
        problems.push(`${where}: flag ${JSON.stringify(f)} is not [kind, words] with a known kind`);
      else if (!l.text.includes(f[1]) || !f[1].trim()) problems.push(`${where}: flagged words not found in the text exactly: ${JSON.stringify(f[1])}`);
      else byKind[f[0]]++;
    }
    byVoice[l.voice] = (byVoice[l.voice] ?? 0) + 1;
    total++;
    if (!l.flags?.length) {
      clean++;
      fileClean++;
    }
  }
  console.log(`${file}: ${letters.length} letters, ${fileClean} clean`);
}
console.log(`${total} letters, ${clean} clean (${Math.round((100 * clean) / Math.max(total, 1))}%)`);
console.log('voices:', JSON.stringify(byVoice));
console.log('labelled pieces by kind:', JSON.stringify(byKind));
if (problems.length) {
  console.log(`\n${problems.length} problems:\n` + problems.join('\n'));
  process.exit(1);
}
