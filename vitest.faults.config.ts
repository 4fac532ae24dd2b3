// The fault and abuse suite: the built server over HTTP with a real SQLite file, each
// scenario bounded in count and time, loopback only. Run with `npm run test:faults`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'faults',
    include: ['tests/faults/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
