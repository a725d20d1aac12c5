import { EventsService } from '../../src/platform/events/events.service.js';
import type { TestApp } from './app.js';

/**
 * The next `events.append` of `type` throws, as a lost database connection would in the middle
 * of the work (after a payment processor was called, for a payment event). Returns the undo.
 */
export function failNextAppend(t: TestApp, type: string): () => void {
  const events = t.app.get(EventsService);
  const append = events.append.bind(events);
  let failures = 1;
  events.append = async (...args) => {
    if (args[1] === type && failures-- > 0) throw new Error('connection lost');
    return append(...args);
  };
  return () => {
    events.append = append;
  };
}
