import { actorOf, type Principal } from '../auth/principal';
import type { EventOrigin } from '../shared/domain-events';
import type { Clock, IdGenerator } from '../shared/runtime';
import {
  ReviewApproved,
  ReviewChangesRequested,
  ReviewRejected,
  ReviewUpdated,
  StepApproved,
} from './events';
import type { HistoryEntry, Review } from './model';

/** Where, when and by whom an event on a review or design happens (its envelope). */
export class EventOrigins {
  constructor(private readonly runtime: { readonly clock: Clock; readonly ids: IdGenerator }) {}

  of(principal: Principal, aggregate: { id: string; institutionId: string }): EventOrigin {
    return {
      id: this.runtime.ids.newId(),
      institutionId: aggregate.institutionId,
      aggregateId: aggregate.id,
      occurredAt: this.runtime.clock.now().toISOString(),
      actor: actorOf(principal),
    };
  }
}

/** The event a decision records: the review's outcome, or the step approved on the way. */
export function decisionEventOf(review: Review, entry: HistoryEntry) {
  if (review.status === 'APPROVED') return ReviewApproved;
  if (review.status === 'REJECTED') return ReviewRejected;
  if (review.status === 'CHANGES_REQUESTED') return ReviewChangesRequested;
  return entry.action === 'APPROVED' ? StepApproved : ReviewUpdated;
}
