import { PLATFORM_ERRORS } from '../errors/codes.js';
import { ApiError, type ErrorDef } from '../errors/errors.js';

export type Transitions<S extends string, E extends string> = Record<E, { from: readonly S[]; to: S }>;

/**
 * One explicit table of legal transitions per status field; nothing else may change a status.
 * `next` answers the new status or throws `409 invalid_state` (or the entry given) naming the status and the event.
 */
export class StateMachine<S extends string, E extends string> {
  constructor(
    readonly subject: string,
    private readonly transitions: Transitions<S, E>,
    private readonly error: ErrorDef = PLATFORM_ERRORS.invalid_state,
  ) {}

  can(from: S, event: E): boolean {
    return this.transitions[event].from.includes(from);
  }

  next(from: S, event: E): S {
    if (!this.can(from, event)) {
      throw new ApiError(
        this.error,
        `A ${this.subject} that is ${from} cannot be moved by ${event.replace(/_/g, ' ')}.`,
      );
    }
    return this.transitions[event].to;
  }
}
