// Entry of dist/cc-sdk.js, the one <script type="module"> merchants add: a small loader.
// The script's own origin becomes the default api-base; then every CustomerConnect tag the
// page uses (in the document or any shadow root) loads its element's chunk the first time
// it appears. `ccSdk.load('cc-wallet')` loads one ahead of time.
import './internal/script-origin.js';
import './loader.js';
