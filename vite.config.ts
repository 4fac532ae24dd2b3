import { vitePlugin as remix } from '@remix-run/dev';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import remixConfig from './remix.config.js';

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [remix(remixConfig)],
  resolve: {
    alias: {
      '~': fileURLToPath(new URL('./app', import.meta.url)),
      '#db': fileURLToPath(new URL('./db', import.meta.url)),
      '#emails': fileURLToPath(new URL('./emails', import.meta.url)),
    },
  },
  // Sass finds GOV.UK Frontend's partials (directories with an _index.scss) itself.
  css: { preprocessorOptions: { scss: { loadPaths: [fileURLToPath(new URL('./node_modules', import.meta.url))] } } },
  build: { assetsInlineLimit: 0 },
  // app/browser/public-page.ts is imported as `?worker&url`: Vite bundles it on its own
  // (its imports included) into one hashed file and gives root.tsx the URL. It runs as a
  // plain module script, not a worker; this is the one way Vite builds such a file.
  worker: { format: 'es' },
  server: { port: 3000 },
});
