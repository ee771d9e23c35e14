import { actorOf, type Principal } from '../auth/principal';
import type { MicroCredential } from '../designs/micro-credential';
import type { DomainEvent } from '../shared/events';
import type { Clock, IdGenerator } from '../shared/runtime';
import type { Review } from './model';

/** Builds the domain events QA transitions write with their change. */
export class QaEvents {
  constructor(private readonly runtime: { readonly clock: Clock; readonly ids: IdGenerator }) {}

  /** An event on a review (its data always names the design). */
  review(
    principal: Principal,
    review: Review,
    type: string,
    data: Record<string, unknown>,
  ): DomainEvent {
    return {
      id: this.runtime.ids.newId(),
      type,
      institutionId: review.institutionId,
      aggregateType: 'Review',
      aggregateId: review.id,
      occurredAt: this.runtime.clock.now().toISOString(),
      actor: actorOf(principal),
      data: { microCredentialId: review.microCredentialId, ...data },
    };
  }

  /** An event on a design (publication, retirement). */
  design(
    principal: Principal,
    design: MicroCredential,
    type: string,
    data: Record<string, unknown>,
  ): DomainEvent {
    return {
      id: this.runtime.ids.newId(),
      type,
      institutionId: design.institutionId,
      aggregateType: 'MicroCredential',
      aggregateId: design.id,
      occurredAt: this.runtime.clock.now().toISOString(),
      actor: actorOf(principal),
      data,
    };
  }
}
