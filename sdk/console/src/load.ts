import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/**
 * One piece of data a part shows: loading, ready or error, reloadable. A reload keeps the
 * previous value on screen while it runs (no layout jump), and a newer run wins over an
 * older one; leaving the page aborts the request.
 */
export class Load<T> implements ReactiveController {
  state: LoadState = 'idle';
  value?: T;
  error?: unknown;
  #abort?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly fetcher: (signal: AbortSignal) => Promise<T>,
  ) {
    host.addController(this);
  }

  get busy(): boolean {
    return this.state === 'loading';
  }

  async run(): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.state = 'loading';
    this.host.requestUpdate();
    try {
      const value = await this.fetcher(abort.signal);
      if (abort.signal.aborted) return;
      this.value = value;
      this.error = undefined;
      this.state = 'ready';
    } catch (error) {
      if (abort.signal.aborted) return;
      this.error = error;
      this.state = 'error';
    }
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    if (this.state === 'loading') this.state = 'idle';
  }
}
