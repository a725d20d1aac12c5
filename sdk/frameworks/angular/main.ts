import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { AppComponent } from './app.component.js';

// The harness's page has <div id="root">; the app mounts on an <app-root> inside it.
document.getElementById('root')!.append(document.createElement('app-root'));
bootstrapApplication(AppComponent, { providers: [provideZonelessChangeDetection()] }).catch((error: unknown) =>
  console.error(error),
);
