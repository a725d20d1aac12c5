// The wallet's wire types live beside the events that carry them (events/wallet-types.ts).
export * from '../events/wallet-types.js';
