import { INVOICE_ERRORS } from '../../errors/invoices.js';
import { StateMachine } from '../../platform/state-machine/state-machine.js';

export type RecurringScheduleStatus = 'active' | 'paused' | 'cancelled' | 'completed';
export type RecurringScheduleEvent = 'pause' | 'resume' | 'cancel' | 'complete';

/** active ⇄ paused; active | paused → cancelled; active → completed (its end date or number of occurrences reached). */
export const recurringScheduleLifecycle = new StateMachine<RecurringScheduleStatus, RecurringScheduleEvent>(
  'recurring schedule',
  {
    pause: { from: ['active'], to: 'paused' },
    resume: { from: ['paused'], to: 'active' },
    cancel: { from: ['active', 'paused'], to: 'cancelled' },
    complete: { from: ['active'], to: 'completed' },
  },
  INVOICE_ERRORS.invalid_schedule_state,
);
