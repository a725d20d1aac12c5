import resolve from '@rollup/plugin-node-resolve';

/**
 * node-resolve for the bundles browsers load (cc-sdk.js, cc-console.js): always Lit's
 * production build. node-resolve 16 picks the `development` export condition (Lit's dev build,
 * which logs "Lit is in dev mode") whenever NODE_ENV is set to anything but `production`.
 */
export const resolveProduction = () => resolve({ exportConditions: ['production'] });
