import type { EventActor, EventOrigin } from '../shared/domain-events';
import type { Clock, IdGenerator } from '../shared/runtime';
import type { Enrolment } from './model';

/** The platform acting for an enrolment (the award's actor in events and audit trails). */
export const awardActor = (enrolment: Enrolment) => ({
  kind: 'platform',
  id: `enrolment:${enrolment.id}`,
});

/** What every enrolment event names: the enrolment and the design it leads to. */
export function enrolmentRef(enrolment: Enrolment) {
  return { enrolmentId: enrolment.id, microCredentialId: enrolment.microCredentialId };
}

/** Where, when and by whom an event on an enrolment happens (its envelope). */
export class EnrolmentOrigins {
  constructor(private readonly runtime: { readonly clock: Clock; readonly ids: IdGenerator }) {}

  of(enrolment: Enrolment, actor: EventActor): EventOrigin {
    return {
      id: this.runtime.ids.newId(),
      institutionId: enrolment.institutionId,
      aggregateId: enrolment.id,
      occurredAt: this.runtime.clock.now().toISOString(),
      actor,
    };
  }
}
