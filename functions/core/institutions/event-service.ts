import { authorize } from '../auth/policy';
import type { Principal } from '../auth/principal';
import type { DomainEvent } from '../shared/events';
import { pageRequest } from '../shared/paging';
import type { Page } from '../shared/runtime';
import type { InstitutionEventLog } from './ports';

/** Read access to an institution's domain events (for integrations and notifications). */
export class EventService {
  constructor(private readonly events: InstitutionEventLog) {}

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
