import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Delays between polls: the first, the growth factor and the ceiling (ms). Tests shorten them. */
export const pollTiming = { first: 3000, factor: 1.5, max: 20000 };

/**
 * Calls `tick` after a delay that grows with each call, until it resolves `true` or the
 * host leaves the page (it resumes when the host comes back). One loop at a time.
 */
export class Poller implements ReactiveController {
  #tick?: (() => Promise<boolean>) | undefined;
  #timer?: ReturnType<typeof setTimeout> | undefined;
  #delay = pollTiming.first;
  #connected = false;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  get running(): boolean {
    return this.#tick !== undefined;
  }

  start(tick: () => Promise<boolean>): void {
    this.stop();
    this.#tick = tick;
    this.#delay = pollTiming.first;
    if (this.#connected) this.#schedule();
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#tick = undefined;
  }

  hostConnected(): void {
    this.#connected = true;
    if (this.#tick && !this.#timer) this.#schedule();
  }

  hostDisconnected(): void {
    this.#connected = false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(): void {
    const tick = this.#tick;
    this.#timer = setTimeout(async () => {
      const done = await tick!().catch(() => false);
      if (this.#tick !== tick) return;
      this.#timer = undefined;
      if (done) {
        this.#tick = undefined;
        return;
      }
      this.#delay = Math.min(this.#delay * pollTiming.factor, pollTiming.max);
      if (this.#connected) this.#schedule();
    }, this.#delay);
  }
}
