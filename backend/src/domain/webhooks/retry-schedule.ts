/** Base waits after failed attempt 1, 2, 3…; the last one repeats. */
const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000, 12 * 3_600_000];

/** Deliveries are retried for this long after their event, then `failed`. */
export const GIVE_UP_AFTER_MS = 24 * 3_600_000;

/**
 * When to try again after `attempts` failed attempts, or null to give up: backoff with equal
 * jitter (a wait between half the base and the base, so receivers that failed together are not
 * retried in one burst), but never past 24 h after the event (the last try lands on that mark);
 * at or past it, give up. `random` answers in [0, 1) (injectable for a seeded test).
 */
export function nextAttemptAt(
  attempts: number,
  eventCreatedAt: Date,
  now: Date,
  random: () => number = Math.random,
): Date | null {
  const deadline = eventCreatedAt.getTime() + GIVE_UP_AFTER_MS;
  if (now.getTime() >= deadline) return null;
  const base = BACKOFF_MS[Math.min(attempts, BACKOFF_MS.length) - 1] ?? BACKOFF_MS[0]!;
  const wait = base - Math.floor(random() * (base / 2));
  return new Date(Math.min(now.getTime() + wait, deadline));
}
