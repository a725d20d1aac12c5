// Must NOT compile (test/angular.test.mjs asserts both errors): the template binds a member the
// component lacks, and a cc-ready event's detail is `{ config }`. `mode="nope"` and
// `[theme]="'nope'"` compile: with CUSTOM_ELEMENTS_SCHEMA Angular checks no attribute or property
// of the cc-* elements.
import '@customerconnect/sdk/define/cc-credit-app.js';
import { CUSTOM_ELEMENTS_SCHEMA, Component } from '@angular/core';

@Component({
  selector: 'app-wrong',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <cc-credit-app
      mode="nope"
      [theme]="'nope'"
      [attr.locale]="lang"
      (cc-ready)="$event.detail.nope"
    ></cc-credit-app>
  `,
})
export class WrongComponent {}
