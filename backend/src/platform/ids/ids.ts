import { randomBytes } from 'node:crypto';

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
    random = BigInt('0x' + randomBytes(10).toString('hex'));
  }
  lastTime = time;
  lastRandom = random;
  return `${prefix}_${encode(BigInt(time), 10)}${encode(random, 16)}`;
}

function encode(value: bigint, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out = ALPHABET[Number(value & 31n)] + out;
    value >>= 5n;
  }
  return out;
}

/** True when `value` looks like an id of that prefix (used to answer 404 early for malformed ids). */
export function isId(value: string, prefix: IdPrefix): boolean {
  return new RegExp(`^${prefix}_[0-9a-hjkmnp-tv-z]{26}$`).test(value);
}
