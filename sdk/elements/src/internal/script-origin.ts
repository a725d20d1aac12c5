import { setDefaultApiBase } from './api-base.js';

// Only the single-file bundle imports this: there import.meta.url is the URL of
// cc-sdk.js itself, served by the CustomerConnect backend that also serves the API.
setDefaultApiBase(new URL(import.meta.url).origin);
