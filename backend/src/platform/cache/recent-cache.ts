import { performance } from 'node:perf_hooks';

/**
 * What this process read from the database in the last `ttlMs` (a credential resolved by its
 * token's HMAC), so a busy caller is not looked up on every request. Monotonic time; insertion
 * order is age, the oldest entry goes past `size`. Holders say what they serve from it: a
 * change made by another process is seen here within `ttlMs`; their own changes drop the
 * entries they end ({@link RecentCache.deleteWhere}).
 */
export class RecentCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly size: number,
  ) {}

  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.until > performance.now()) return hit.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    if (this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, until: performance.now() + this.ttlMs });
  }

  deleteWhere(match: (value: V) => boolean): void {
    for (const [key, { value }] of this.entries) if (match(value)) this.entries.delete(key);
  }
}
