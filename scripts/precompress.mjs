// After the build: a brotli (.br) and a gzip (.gz) copy of every hashed asset, compressed
// once at the highest levels, so server.js sends them as they are instead of compressing
// each request (see server.js, "precompressed").
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = 'build/client/assets';
let files = 0;
for (const name of readdirSync(dir)) {
  if (!/\.(js|css|svg|json)$/.test(name)) continue;
  const body = readFileSync(join(dir, name));
  writeFileSync(join(dir, `${name}.br`), brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(join(dir, `${name}.gz`), gzipSync(body, { level: 9 }));
  files++;
}
console.log(`Precompressed ${files} assets (.br, .gz)`);
