import { CcErrorEvent } from '../events/cc-error-event.js';
import { CcReadyEvent } from '../events/cc-ready-event.js';
import { ApiClient } from './api-client.js';
import { resolveApiBase } from './api-base.js';
import { CcApiError } from './api-error.js';
import type { CcConfigContext } from './context.js';
import { devWarning } from './dev-warnings.js';
import { loadMessages } from './messages.js';
import { resolveLocale } from './locale.js';
import { applyThemeHints } from './theme-hints.js';

/** The attributes that configure an element: the same on `<cc-provider>` and on a lone element. */
export interface ConfigSource {
  publishableKey?: string | undefined;
  apiBase?: string | undefined;
  locale?: string | undefined;
}

/**
 * Turns a {@link ConfigSource} into a {@link CcConfigContext}: builds the client, loads the
 * public config, applies its theme hints to `host` and fires `cc-ready` / `cc-error` there.
 * Shared by `<cc-provider>` and by elements used without one.
 */
export class ConfigLoader {
  value?: CcConfigContext;
  readonly #host: HTMLElement;
  readonly #onChange: (value: CcConfigContext) => void;
  readonly #themeProperties = new Set<string>();
  #identity?: string;
  #request?: AbortController;

  constructor(host: HTMLElement, onChange: (value: CcConfigContext) => void) {
    this.#host = host;
    this.#onChange = onChange;
  }

  /** Call on every host update: it reloads only when the key or API base changed. */
  sync(source: ConfigSource): void {
    const apiBase = resolveApiBase(source.apiBase);
    const publishableKey = source.publishableKey?.trim() || undefined;
    const locale = resolveLocale(source.locale);
    const identity = `${apiBase} ${publishableKey ?? ''}`;
    if (this.value && identity === this.#identity) {
      if (locale !== this.value.locale) this.#set({ ...this.value, locale });
      return;
    }
    this.reset();
    this.#identity = identity;
    const client = new ApiClient({ apiBase, publishableKey });
    if (!publishableKey) {
      devWarning(this.#host, 'noPublishableKey', this.#host.localName);
      const error = new CcApiError(0, {
        type: 'invalid_request',
        code: 'publishable_key_missing',
        message: 'No publishable key is set.',
      });
      this.#fail(client, locale, error);
      return;
    }
    this.#set({ client, locale, status: 'loading' });
    const request = (this.#request = new AbortController());
    // The texts of the page's language load alongside the config (English if they cannot).
    const texts = loadMessages(locale).catch(() => undefined);
    client.getPublicConfig({ signal: request.signal }).then(
      async (config) => {
        await texts;
        if (request.signal.aborted) return;
        applyThemeHints(this.#host, config.theme, this.#themeProperties);
        this.#set({ client, config, locale: this.value?.locale ?? locale, status: 'ready' });
        this.#host.dispatchEvent(new CcReadyEvent({ config }));
      },
      (error: unknown) => {
        if (request.signal.aborted) return;
        this.#fail(
          client,
          this.value?.locale ?? locale,
          error instanceof CcApiError ? error : CcApiError.network(error),
        );
      },
    );
  }

  /** Forgets the current state and cancels a load in flight (the host now gets its config elsewhere). */
  reset(): void {
    this.#request?.abort();
    this.#request = undefined;
    this.#identity = undefined;
    this.value = undefined;
  }

  #fail(client: ApiClient, locale: string, error: CcApiError): void {
    this.#set({ client, locale, status: 'error', error });
    this.#host.dispatchEvent(new CcErrorEvent({ code: error.code, message: error.message }));
  }

  #set(value: CcConfigContext): void {
    this.value = value;
    this.#onChange(value);
  }
}
