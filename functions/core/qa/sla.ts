import { dueSoonDays, type SlaState } from './governance-model';
import type { Review } from './model';

/** Where the review's waiting step stands against its due date at `now`. */
export function slaState(review: Review, now: Date): SlaState {
  if (review.status !== 'IN_PROGRESS' || !review.currentStepDueAt) return 'NONE';
  const due = Date.parse(review.currentStepDueAt);
  if (due < now.getTime()) return 'OVERDUE';
  return due - now.getTime() <= dueSoonDays * 86_400_000 ? 'DUE_SOON' : 'ON_TRACK';
}
