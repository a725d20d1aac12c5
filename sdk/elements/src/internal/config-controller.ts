import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CcReadyEvent } from '../events/cc-ready-event.js';
import type { ApiClient } from './api-client.js';
import type { CcApiError } from './api-error.js';
import { ConfigLoader, type ConfigSource } from './config-loader.js';
import { ccConfigContext, type CcConfigContext, type ConfigStatus } from './context.js';
import { resolveLocale } from './locale.js';
import { devWarning } from './dev-warnings.js';
import { loadMessages, messagesChangedEvent } from './messages.js';
import type { PublicConfig } from './public-config.js';

export type ConfigHost = ReactiveControllerHost & HTMLElement & ConfigSource;

/**
 * Gives an element the client, public config and locale: from the nearest `<cc-provider>`
 * when there is one, else loaded from the element's own `publishable-key`, `api-base` and
 * `locale` (a lone element then fires `cc-ready` / `cc-error` itself). Under a provider the
 * element still fires its own `cc-ready` once it has rendered with the provider's config, so
 * a listener bound on the element itself (React's `oncc-ready`, Vue's `@cc-ready`) runs.
 * The element's own `locale` attribute wins over the provider's. The host re-renders on every change.
 *
 * ```ts
 * class CcWallet extends CcElement {
 *   readonly #config = new ConfigController(this);
 *   override render() { return html`${this.#config.config?.merchant.name}`; }
 * }
 * ```
 */
export class ConfigController implements ReactiveController {
  readonly #host: ConfigHost;
  readonly #standalone: ConfigLoader;
  #underProvider = false;
  #provided?: CcConfigContext | undefined;
  /** The provided config this element last announced with `cc-ready`. */
  #announced?: PublicConfig | undefined;
  #messagesLocale?: string;

  constructor(host: ConfigHost) {
    this.#host = host;
    this.#standalone = new ConfigLoader(host, () => host.requestUpdate());
    // Added before this controller, so its request is answered before hostConnected below.
    new ContextConsumer(host, {
      context: ccConfigContext,
      subscribe: true,
      callback: (value) => {
        this.#underProvider = true;
        this.#provided = value;
        this.#standalone.reset();
      },
    });
    host.addController(this);
  }

  /** The whole context; undefined until the provider has read its attributes. */
  get value(): CcConfigContext | undefined {
    return this.#underProvider ? this.#provided : this.#standalone.value;
  }

  get client(): ApiClient | undefined {
    return this.value?.client;
  }

  get config(): PublicConfig | undefined {
    return this.value?.config;
  }

  get status(): ConfigStatus {
    return this.value?.status ?? 'loading';
  }

  get error(): CcApiError | undefined {
    return this.value?.error;
  }

  get locale(): string {
    return this.#host.locale ? resolveLocale(this.#host.locale) : (this.value?.locale ?? resolveLocale());
  }

  /** True when the config comes from an enclosing `<cc-provider>`. */
  get provided(): boolean {
    return this.#underProvider;
  }

  hostConnected(): void {
    globalThis.addEventListener(messagesChangedEvent, this.#onMessages);
    this.#loadMessages();
    if (!this.#underProvider) this.#host.requestUpdate();
  }

  /** Asks for the texts of the locale once it changes; a no-op for a loaded language. */
  #loadMessages(): void {
    const locale = this.locale;
    if (locale === this.#messagesLocale) return;
    this.#messagesLocale = locale;
    loadMessages(locale).catch(() => devWarning(null, 'textsNotLoaded', locale));
  }

  /** Texts were loaded or registered: render them. */
  readonly #onMessages = (): void => this.#host.requestUpdate();

  hostDisconnected(): void {
    globalThis.removeEventListener(messagesChangedEvent, this.#onMessages);
    // The consumer asks again on reconnection; the element may have moved out of its provider.
    this.#underProvider = false;
    this.#provided = undefined;
  }

  hostUpdated(): void {
    const config = this.#underProvider && this.#provided?.status === 'ready' ? this.#provided.config : undefined;
    if (!config || config === this.#announced || this.#isPartOfAnotherElement()) return;
    this.#announced = config;
    this.#host.dispatchEvent(new CcReadyEvent({ config }));
  }

  /** A form the wallet opens in its own shadow root is part of the wallet: its readiness is the wallet's. */
  #isPartOfAnotherElement(): boolean {
    const root = this.#host.getRootNode();
    return root instanceof ShadowRoot && root.host.localName.startsWith('cc-');
  }

  hostUpdate(): void {
    // The language's texts come in their own module: ask for them (a no-op once loaded);
    // the element re-renders when they arrive.
    this.#loadMessages();
    // An update that lands after the element left the page (an answer arriving late) must not
    // start a config load of its own: the element may only have moved out of its provider.
    if (!this.#underProvider && this.#host.isConnected) {
      const before = this.#standalone.value;
      this.#standalone.sync(this.#host);
      // A change made during the update (the load starting, or failing at once for want of a
      // key) is rendered now, but the host's willUpdate has already run with the old value and
      // Lit drops a requestUpdate made while updating: ask for one more update once this ends.
      if (this.#standalone.value !== before) void this.#host.updateComplete.then(() => this.#host.requestUpdate());
    }
  }
}
