const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // the alphabet of platform/ids/ids.ts

/**
 * The smallest possible event id stamped at `ms` (ids lead with 10 base32 characters of their
 * creation millisecond): every event created at or after `ms` sorts after it.
 */
export function eventIdFloor(ms: number): string {
  let value = BigInt(Math.max(0, Math.floor(ms)));
  let time = '';
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[Number(value & 31n)] + time;
    value >>= 5n;
  }
  return `evt_${time}`;
}

/** The creation millisecond an id carries (any prefix). */
export function idTime(id: string): number {
  const time = id.slice(id.indexOf('_') + 1, id.indexOf('_') + 11);
  return [...time].reduce((ms, c) => ms * 32 + ALPHABET.indexOf(c), 0);
}
