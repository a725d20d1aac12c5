type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** RFC 7396 JSON merge patch: objects merge, `null` removes, anything else replaces. */
export function mergePatch<T>(target: T, patch: unknown): T {
  if (!isObject(patch)) return patch as T;
  const out: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    // defineProperty, not `out[k] =`: a key named `__proto__` stays a plain own field, never a prototype.
    else
      Object.defineProperty(out, k, {
        value: mergePatch(Object.hasOwn(out, k) ? out[k] : undefined, v),
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return out as T;
}
