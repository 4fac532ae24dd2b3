// Vitest runs without the Remix plugin (it cannot load under Vitest). Three projects:
// unit (node), component (jsdom) and integration (the built server over HTTP).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const alias = {
  '~': fileURLToPath(new URL('./app', import.meta.url)),
  '#db': fileURLToPath(new URL('./db', import.meta.url)),
  '#emails': fileURLToPath(new URL('./emails', import.meta.url)),
};

export default defineConfig({
  resolve: { alias },
  test: {
    // Two workers on two cores: the integration files spend much of their time waiting on
    // their own server process, so two at a time finish in about two thirds of the time.
    maxWorkers: 2,
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          environment: 'node',
          include: ['app/**/*.test.ts', 'emails/**/*.test.ts', 'db/**/*.test.ts', 'tests/lint/**/*.test.ts', 'tests/safety-letters/**/*.test.ts'],
          setupFiles: ['tests/setup/unit-setup.ts'],
          // The property tests (300 generated case histories) and the ESLint-driven layer
          // tests take 2–5 s here and longer on a slower CI machine: Vitest's 5 s default
          // failed one of them there. A hung test still fails, after 30 s.
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        esbuild: { jsx: 'automatic' },
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['app/**/*.test.tsx'],
          setupFiles: ['tests/setup/component-setup.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          environment: 'node',
          include: ['tests/integration/**/*.test.ts'],
          setupFiles: ['tests/setup/fail-on-console-error.ts'],
          globalSetup: ['tests/setup/team-template.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
