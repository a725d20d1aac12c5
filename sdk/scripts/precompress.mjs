// After the build: writes Brotli (.br) and gzip (.gz) copies of the two bundles browsers load
// (dist/cc-sdk.js, dist/cc-console.js), so the backend serves them compressed without
// compressing on every request (@fastify/static `preCompressed`, and the hashed alias).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
for (const name of ['cc-sdk.js', 'cc-console.js']) {
  const body = readFileSync(join(dist, name));
  const br = brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  const gz = gzipSync(body, { level: 9 });
  writeFileSync(join(dist, `${name}.br`), br);
  writeFileSync(join(dist, `${name}.gz`), gz);
  console.log(`${name}: ${body.length} B, br ${br.length} B, gzip ${gz.length} B`);
}
