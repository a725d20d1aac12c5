import '@customerconnect/sdk/define/cc-credit-app.js';
import { createApp } from 'vue';
import App from './app.vue';

createApp(App).mount('#root');
