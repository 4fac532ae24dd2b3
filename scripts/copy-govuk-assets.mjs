// GOV.UK Frontend's CSS points at /assets/fonts and /assets/images. Copy them from the
// package into public/assets so they are served from our own origin (no third parties).
import { cpSync, mkdirSync } from 'node:fs';

const from = 'node_modules/govuk-frontend/dist/govuk/assets';
mkdirSync('public/assets', { recursive: true });
for (const dir of ['fonts', 'images']) {
  cpSync(`${from}/${dir}`, `public/assets/${dir}`, { recursive: true });
}
cpSync(`${from}/manifest.json`, 'public/assets/manifest.json');
