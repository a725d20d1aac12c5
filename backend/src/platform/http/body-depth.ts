import type { FastifyInstance } from 'fastify';
import { PLATFORM_ERRORS } from '../errors/codes.js';
import { ApiError } from '../errors/errors.js';

/** Deeper JSON than any request of the API needs (settings, the deepest, nest 4 levels). */
export const MAX_BODY_DEPTH = 32;

/** How deep a parsed JSON value nests, counted without recursion (a 10,000-level body cannot overflow the stack here). */
function tooDeep(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * Refuses a body nested deeper than MAX_BODY_DEPTH with `400 body_too_deep`, before validation:
 * the validators and transformers recurse, and a 10,000-level body overflowed their stack (500).
 */
export function registerBodyDepthLimit(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (req) => {
    if (req.body !== undefined && tooDeep(req.body, MAX_BODY_DEPTH)) {
      const err = new ApiError(
        PLATFORM_ERRORS.body_too_deep,
        `The body nests deeper than ${MAX_BODY_DEPTH} levels.`,
        'body',
      );
      throw Object.assign(err, { statusCode: 400 });
    }
  });
}
