import { setDefaultApiBase } from '@customerconnect/sdk';

// Imported first by cc-console.ts: in the bundle import.meta.url is the URL of
// cc-console.js itself, served by the backend that also serves the API.
setDefaultApiBase(new URL(import.meta.url).origin);
