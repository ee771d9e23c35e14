import type { DomainEvent } from '../shared/events';
import type { Clock, IdGenerator } from '../shared/runtime';
import type { Enrolment } from './model';

/** The platform acting for an enrolment (the award's actor in events and audit trails). */
export const awardActor = (enrolment: Enrolment) => ({
  kind: 'platform',
  id: `enrolment:${enrolment.id}`,
});

/** Builds the domain events of an enrolment (its data always names enrolment and design). */
export class LearningEvents {
  constructor(private readonly runtime: { readonly clock: Clock; readonly ids: IdGenerator }) {}

  enrolment(
    type: string,
    enrolment: Enrolment,
    actor: { kind: string; id: string },
    data: Record<string, unknown>,
  ): DomainEvent {
    return {
      id: this.runtime.ids.newId(),
      type,
      institutionId: enrolment.institutionId,
      aggregateType: 'Enrolment',
      aggregateId: enrolment.id,
      occurredAt: this.runtime.clock.now().toISOString(),
      actor,
      data: { enrolmentId: enrolment.id, microCredentialId: enrolment.microCredentialId, ...data },
    };
  }
}
