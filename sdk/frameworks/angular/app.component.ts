// A standalone, zoneless Angular 21 component with <cc-provider> and <cc-credit-app> from the
// built '@customerconnect/sdk', as a merchant writes it; compiled AOT by ngc with strictTemplates.
import '@customerconnect/sdk/define/cc-credit-app.js';
import type { CcReadyEvent } from '@customerconnect/sdk';
import { CUSTOM_ELEMENTS_SCHEMA, Component, signal } from '@angular/core';

@Component({
  selector: 'app-root',
  // Lets the template use the cc-* tags; Angular then checks none of their attributes.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <p id="ready">{{ merchant() ? 'ready: ' + merchant() : 'waiting' }}</p>
      <button id="spanish" type="button" (click)="locale.set('es')">Español</button>
      <!-- An attribute binding on the provider, a property binding and an event on the element. -->
      <cc-provider publishable-key="pk_test_northwind" [attr.locale]="locale()">
        <cc-credit-app mode="credit_check" [theme]="theme" (cc-ready)="onReady($event)"></cc-credit-app>
      </cc-provider>
    </main>
  `,
})
export class AppComponent {
  readonly merchant = signal('');
  readonly locale = signal('fr');
  readonly theme = 'dark';

  // strictTemplates types `$event` from the element's event map: a CcReadyEvent, no cast.
  onReady(event: CcReadyEvent) {
    this.merchant.set(event.detail.config.merchant.name);
  }
}
