import { authorize } from '../auth/policy';
import type { Principal } from '../auth/principal';
import type { EventRepository } from '../qa/ports';
import type { DomainEvent } from './events';
import { pageRequest } from './paging';
import type { Page } from './runtime';

/** Read access to an institution's domain events (for integrations and notifications). */
export class EventService {
  constructor(private readonly events: EventRepository) {}

  async list(
    principal: Principal,
    institutionId: string,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<DomainEvent>> {
    authorize(principal, 'events.read', { institutionId });
    return this.events.list(institutionId, pageRequest(first, after));
  }
}
