import { Injectable } from '@nestjs/common';

const DURATION =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Parses an ISO 8601 duration (`P3D`, `PT1H30M`, `P1M`) into its parts, or null. */
export function parseDuration(text: string) {
  const m = DURATION.exec(text);
  if (!m) return null;
  const [years, months, weeks, days, hours, minutes, seconds] = m.slice(1).map((v) => Number(v ?? 0)) as number[];
  return { years, months, weeks, days, hours, minutes, seconds } as Record<
    'years' | 'months' | 'weeks' | 'days' | 'hours' | 'minutes' | 'seconds',
    number
  >;
}

/** Adds a parsed duration to a UTC instant (calendar months and years, as people count them). */
export function addDuration(from: Date, d: NonNullable<ReturnType<typeof parseDuration>>): Date {
  const t = new Date(from);
  t.setUTCFullYear(t.getUTCFullYear() + d.years, t.getUTCMonth() + d.months, t.getUTCDate() + d.weeks * 7 + d.days);
  return new Date(t.getTime() + ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000);
}

/**
 * The one clock every time rule reads (due dates, expiry, retries, sessions, idempotency).
 * Outside production `POST /dev/clock` moves it forward; it never moves back.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Today's calendar date in UTC, `YYYY-MM-DD`. */
  today(): string {
    return this.now().toISOString().slice(0, 10);
  }

  advance(duration: NonNullable<ReturnType<typeof parseDuration>>): Date {
    const now = this.now();
    this.offsetMs += addDuration(now, duration).getTime() - now.getTime();
    return this.now();
  }

  plusSeconds(seconds: number): Date {
    return new Date(this.now().getTime() + seconds * 1000);
  }
}
