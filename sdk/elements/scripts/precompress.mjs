// After a build: writes Brotli (.br) and gzip (.gz) copies of the files browsers load (the
// paths given, relative to the current directory: `node precompress.mjs dist/cc-sdk.js`), so
// the backend serves them compressed without compressing on every request. Shared by
// @customerconnect/sdk (cc-sdk.js) and @customerconnect/console (cc-console.js).
import { readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const files = process.argv.slice(2);
if (files.length === 0) throw new Error('usage: node precompress.mjs <file>...');
for (const file of files) {
  const body = readFileSync(file);
  const br = brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  const gz = gzipSync(body, { level: 9 });
  writeFileSync(`${file}.br`, br);
  writeFileSync(`${file}.gz`, gz);
  console.log(`${file}: ${body.length} B, br ${br.length} B, gzip ${gz.length} B`);
}
