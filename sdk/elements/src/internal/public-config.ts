// The types moved beside the events that carry them (events/); this path keeps every import working.
export * from '../events/public-config.js';
