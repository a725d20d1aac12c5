import { LitElement, type CSSResultGroup, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { autoTheme } from '../styles/themes/auto.js';
import { darkTheme } from '../styles/themes/dark.js';
import { lightTheme } from '../styles/themes/light.js';
import { themeNames, type ThemeName } from '../styles/palettes.js';
import { tokens } from '../styles/tokens.js';
import { devWarning } from './dev-warnings.js';
import { loadMessages, messagesLoading } from './messages.js';

/**
 * Base of every CustomerConnect element: design tokens, `theme` presets and the
 * attributes that configure an element used without a `<cc-provider>`. Components
 * that talk to the API add a `ConfigController`.
 *
 * @cssprop --cc-color-primary - Buttons, links and selected states.
 * @cssprop --cc-color-on-primary - Text on the primary colour.
 * @cssprop --cc-color-text - Body text.
 * @cssprop --cc-color-muted - Secondary text (hints, captions).
 * @cssprop --cc-color-surface - Background of panels and fields.
 * @cssprop --cc-color-border - Field and panel borders.
 * @cssprop --cc-color-danger - Errors and overdue amounts.
 * @cssprop --cc-color-success - Confirmations and paid states.
 * @cssprop --cc-font-family - Font stack.
 * @cssprop --cc-font-size - Base font size; other sizes scale from it.
 * @cssprop --cc-radius - Corner radius of fields, buttons and panels.
 * @cssprop --cc-space - Base spacing unit; gaps and paddings are multiples of it.
 * @cssprop --cc-focus-ring - Outline of the focused control, e.g. `2px solid #1d4ed8`.
 */
export class CcElement extends LitElement {
  static override styles: CSSResultGroup = [tokens, lightTheme, darkTheme, autoTheme];

  /**
   * Colour preset for this element and the elements inside it: `light`, `dark`, or `auto` (follows the
   * page's `prefers-color-scheme`); inherited from the nearest themed ancestor when unset (light by default).
   * @type {'light' | 'dark' | 'auto' | undefined}
   */
  @property({ reflect: true }) theme?: ThemeName;

  /** Publishable key (`pk_...`), for use without a `<cc-provider>`. */
  @property({ attribute: 'publishable-key' }) publishableKey?: string;

  /** Base URL of the CustomerConnect API, for use without a `<cc-provider>`. Defaults to the origin `cc-sdk.js` was loaded from, or the page's origin. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** BCP 47 locale for text, numbers and dates; defaults to the provider's, then `<html lang>`, then the browser's. */
  @property() locale?: string;

  /**
   * An element whose language is still loading (its own module, asked for on connection)
   * waits for it before rendering, so it never flashes English first.
   */
  protected override async scheduleUpdate(): Promise<void> {
    // Its own `locale` (set or changed): ask now, not once the update has begun.
    if (this.locale) loadMessages(this.locale).catch(() => undefined);
    const loading = messagesLoading();
    if (loading) await loading;
    super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('theme') && this.theme && !themeNames.includes(this.theme)) {
      devWarning(this, 'unknownTheme', this.localName, this.theme);
    }
  }
}
