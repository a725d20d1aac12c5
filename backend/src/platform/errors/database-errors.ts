const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection timeout|Connection ended|timeout exceeded when trying to connect|Client has encountered a connection error/i;

/** True when an error (at any depth of driverError/cause) means the database cannot be reached. */
export function isDatabaseUnavailable(err: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = err;
  while (e && typeof e === 'object' && !seen.has(e)) {
    seen.add(e);
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
    if (e instanceof AggregateError && e.errors.some(isDatabaseUnavailable)) return true;
    e = (e as { driverError?: unknown }).driverError ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

/** The PostgreSQL error code of a failed query (`23505` unique violation…), if any. */
export function pgCode(err: unknown): string | undefined {
  const e = err as { code?: string; driverError?: { code?: string } };
  return e?.driverError?.code ?? e?.code;
}

/** Runs an insert, turning a unique-constraint violation into the domain error given. */
export async function uniquely<T>(insert: () => Promise<T>, onDuplicate: () => Error): Promise<T> {
  try {
    return await insert();
  } catch (err) {
    if (pgCode(err) === '23505') throw onDuplicate();
    throw err;
  }
}
