// Entry of dist/cc-console.js, the merchant console served at /dashboard: a bundle of its
// own, so customer pages that load cc-sdk.js never download it. The script's origin (the
// backend) is the API's, set before any element is defined.
import './script-origin.js';
import './define.js';
