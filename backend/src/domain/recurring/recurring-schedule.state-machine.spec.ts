import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../../platform/errors/errors.js';
import {
  recurringScheduleLifecycle as m,
  type RecurringScheduleEvent,
  type RecurringScheduleStatus,
} from './recurring-schedule.state-machine.js';

const STATUSES: RecurringScheduleStatus[] = ['active', 'paused', 'cancelled', 'completed'];
const LEGAL: Record<RecurringScheduleEvent, Partial<Record<RecurringScheduleStatus, RecurringScheduleStatus>>> = {
  pause: { active: 'paused' },
  resume: { paused: 'active' },
  cancel: { active: 'cancelled', paused: 'cancelled' },
  complete: { active: 'completed' },
};

describe('the recurring schedule state machine', () => {
  for (const [event, moves] of Object.entries(LEGAL) as [
    RecurringScheduleEvent,
    Partial<Record<RecurringScheduleStatus, RecurringScheduleStatus>>,
  ][]) {
    for (const from of STATUSES) {
      const to = moves[from];
      it(`${event} from ${from} ${to ? `→ ${to}` : 'is refused (409)'}`, () => {
        if (to) return expect(m.next(from, event)).toBe(to);
        try {
          m.next(from, event);
          throw new Error('moved');
        } catch (err) {
          expect(err).toBeInstanceOf(ApiError);
          expect(err).toMatchObject({ status: 409, code: 'invalid_schedule_state' });
        }
      });
    }
  }
});
