import type { Clock } from '../../functions/core/shared/runtime';

/** A clock tests can move forward (to reach due dates and expiry) without waiting. */
export class AdjustableClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advanceDays(days: number): void {
    this.offsetMs += days * 24 * 60 * 60 * 1000;
  }
}
