import { randomFillSync } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower-case

export type IdPrefix =
  | 'mer'
  | 'usr'
  | 'key'
  | 'ses'
  | 'pwr'
  | 'ct'
  | 'app'
  | 'off'
  | 'inv'
  | 'pr'
  | 'pay'
  | 'pm'
  | 'dsp'
  | 'rs'
  | 'we'
  | 'evt'
  | 'aud'
  | 'obx'
  | 'req'
  | 'cn'
  | 'ref'
  | 'wd'
  | 'wl'
  | 'con';

let lastTime = 0;
let lastRandom = 0n;

/** Random bytes drawn 4 KiB at a time (one call into the CSPRNG per ~400 ids instead of one per id). */
const pool = Buffer.allocUnsafe(4096);
let pooled = pool.length;

function random80(): bigint {
  if (pooled + 10 > pool.length) {
    randomFillSync(pool);
    pooled = 0;
  }
  const value = (BigInt(pool.readUInt16BE(pooled)) << 64n) | pool.readBigUInt64BE(pooled + 2);
  pooled += 10;
  return value;
}

/**
 * `<prefix>_<26 chars>`: 48 bits of milliseconds then 80 random bits (ULID layout), so ids
 * sort by creation and a list can page with `id < startingAfter`. Monotonic within a process.
 */
export function newId(prefix: IdPrefix): string {
  let time = Date.now();
  let random: bigint;
  if (time <= lastTime) {
    time = lastTime;
    random = lastRandom + 1n;
  } else {
    random = random80();
  }
  lastTime = time;
  lastRandom = random;
  // Three groups of at most 48 bits, each exact in a double: the time, then the random bits' upper and lower 40.
  return `${prefix}_${encode(time, 10)}${encode(Number(random >> 40n), 8)}${encode(Number(random & 0xffffffffffn), 8)}`;
}

function encode(value: number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out = ALPHABET[value % 32] + out;
    value = Math.floor(value / 32);
  }
  return out;
}

/** True when `value` looks like an id of that prefix (used to answer 404 early for malformed ids). */
export function isId(value: string, prefix: IdPrefix): boolean {
  return new RegExp(`^${prefix}_[0-9a-hjkmnp-tv-z]{26}$`).test(value);
}
