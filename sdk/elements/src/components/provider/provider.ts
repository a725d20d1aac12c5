import { ContextProvider } from '@lit/context';
import { html, type CSSResultGroup, type PropertyValues } from 'lit';
import { CcElement } from '../../internal/cc-element.js';
import { ConfigLoader } from '../../internal/config-loader.js';
import { ccConfigContext, type CcConfigContext } from '../../internal/context.js';
import { providerStyles } from './provider.styles.js';

/**
 * Configures every CustomerConnect element inside it: loads the merchant's public config
 * with the publishable key and provides `{ client, config, locale, status, error }`
 * through `@lit/context`. Renders only its children (`display: contents`). The merchant's
 * theme hints become inline `--cc-*` properties on this element, except those the page
 * already sets.
 *
 * @tagname cc-provider
 * @summary Shares the API client, merchant config, locale and theme with the elements inside it.
 *
 * @slot - The page content, including CustomerConnect elements.
 *
 * @fires {CcReadyEvent} cc-ready - The public config has loaded; the elements inside are configured. `detail` is `{ config }`, the merchant's public config (`config.merchant.name`).
 * @fires {CcErrorEvent} cc-error - The config did not load; `detail` is `{ code, message }` with `code` `publishable_key_missing`, `network_error` or the API's code (`invalid_credentials` for an unknown or revoked key, `origin_not_allowed` for a page outside the merchant's allowed origins).
 */
export class CcProvider extends CcElement {
  static override styles: CSSResultGroup = [CcElement.styles, providerStyles];

  readonly #context = new ContextProvider(this, { context: ccConfigContext });
  readonly #loader = new ConfigLoader(this, (value) => this.#context.setValue(value));

  /** What the provider currently provides; undefined before its first update. */
  get context(): CcConfigContext | undefined {
    return this.#loader.value;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#loader.sync(this);
  }

  protected override render(): unknown {
    return html`<slot></slot>`;
  }
}
