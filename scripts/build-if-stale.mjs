// Builds the app unless build/ is newer than everything it is made from. The three suites
// each start the built server: CI builds once for all three instead of three times, and a
// change to any source file still rebuilds. `npm run build` always builds.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const STAMP = 'build/.built';
const SOURCES = ['app', 'db', 'emails', 'public', 'server.js', 'vite.config.ts', 'remix.config.js', 'package-lock.json', 'tsconfig.json'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let latest = s.mtimeMs;
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)));
  return latest;
}

const built = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
if (built && Math.max(...SOURCES.map(newest)) < built) {
  console.log('The build is up to date.');
} else {
  const r = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  writeFileSync(STAMP, new Date().toISOString());
}
