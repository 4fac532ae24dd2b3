// Installs dependencies when node_modules is missing or older than package-lock.json.
// Runs before `npm start`, `npm test` and `npm run test:e2e` so a fresh clone needs
// nothing else. Uses only Node's own modules (nothing is installed yet).
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const lock = 'package-lock.json';
const stamp = 'node_modules/.package-lock.json';
const stale = !existsSync(stamp) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(stamp).mtimeMs + 1000);
if (stale) {
  const cmd = existsSync(lock) ? ['ci'] : ['install'];
  console.log(`Installing dependencies (npm ${cmd.join(' ')})…`);
  const r = spawnSync('npm', [...cmd, '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
