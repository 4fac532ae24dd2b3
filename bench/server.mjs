// Starts the built server on a free port with its own database, for a benchmark.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function startBenchServer(env = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'rj-bench-'));
  const child = spawn(process.execPath, ['server.js'], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PORT: '0',
      DATABASE_PATH: join(dir, 'portal.db'),
      OUTBOX_FILES: 'true',
      OUTBOX_DIR: join(dir, 'outbox'),
      SESSION_SECRET: 'bench-secret-0123456789abcdef0123456789',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = await new Promise((resolve) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/localhost:\d+)/.exec(out);
      if (m) resolve(m[1]);
    });
  });
  return { base, child };
}
