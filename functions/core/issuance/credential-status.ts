import { authorize } from '../auth/policy';
import { actorOf, system, type Principal } from '../auth/principal';
import { ConflictError, NotFoundError } from '../shared/errors';
import type { EventOrigin } from '../shared/domain-events';
import type { Clock, IdGenerator } from '../shared/runtime';
import { parseInput } from '../shared/validation';
import type { CredentialRecord } from '../credential/credential';
import {
  CredentialPartRevoked,
  CredentialReinstated,
  CredentialRevoked,
  CredentialSuspended,
} from './events';
import { statusReasonInput, type IssuanceActor } from './model';
import type { CredentialRepository } from './ports';

export interface CredentialStatusDeps {
  readonly credentials: Pick<CredentialRepository, 'get' | 'changeStatus'>;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

type Status = CredentialRecord['status'];

/** The audit action and the event of a change to each status. */
const statusChanges = {
  REVOKED: { action: 'REVOKED', event: CredentialRevoked },
  SUSPENDED: { action: 'SUSPENDED', event: CredentialSuspended },
  ACTIVE: { action: 'REINSTATED', event: CredentialReinstated },
} as const;

/**
 * Revokes, suspends and reinstates issued credentials: each change sets or clears the
 * credential's bit in its status list, and writes an audit entry and an event, atomically.
 */
export class CredentialStatusChanges {
  constructor(private readonly deps: CredentialStatusDeps) {}

  /** Revokes for good; revoking again changes nothing. */
  async revoke(
    principal: Principal,
    id: string,
    reason?: string | null,
  ): Promise<CredentialRecord> {
    return this.changeStatus(principal, id, 'REVOKED', reason);
  }

  /** Suspends until reinstated. */
  async suspend(
    principal: Principal,
    id: string,
    reason?: string | null,
  ): Promise<CredentialRecord> {
    return this.changeStatus(principal, id, 'SUSPENDED', reason);
  }

  async reinstate(
    principal: Principal,
    id: string,
    reason?: string | null,
  ): Promise<CredentialRecord> {
    return this.changeStatus(principal, id, 'ACTIVE', reason);
  }

  /** Revokes on the platform's own authority (a stack whose part was revoked). */
  async revokeAsPlatform(id: string, reason: string): Promise<CredentialRecord> {
    return this.changeStatus(system, id, 'REVOKED', reason);
  }

  /**
   * Records, in the audit trail, that a part of a stacked credential was revoked (for stacks
   * that flag rather than revoke). Flagging the same part again changes nothing.
   */
  async flagPart(id: string, part: { id: string; name: string }): Promise<CredentialRecord> {
    const record = await this.requireCredential(id);
    if (record.flaggedParts.includes(part.id)) return record;
    const now = this.deps.clock.now().toISOString();
    const next: CredentialRecord = {
      ...record,
      flaggedParts: [...record.flaggedParts, part.id],
      version: record.version + 1,
    };
    const actor = actorOf(system);
    await this.deps.credentials.changeStatus({
      next,
      expectedVersion: record.version,
      bit: null,
      audit: {
        credentialId: id,
        sequence: next.version,
        action: 'PART_REVOKED',
        reason: `A credential it was stacked from (${part.name}) was revoked.`,
        actor,
        at: now,
      },
      events: [CredentialPartRevoked.create({ partId: part.id }, this.origin(next, actor))],
    });
    return next;
  }

  private async changeStatus(
    principal: Principal,
    id: string,
    target: Status,
    reason?: string | null,
  ): Promise<CredentialRecord> {
    const record = await this.requireCredential(id);
    authorize(principal, 'credential.manage', { institutionId: record.institutionId });
    const why = parseInput(statusReasonInput, reason ?? undefined, 'reason');
    if (record.status === target) return record;
    refuseTransition(record.status, target);
    const purpose = target === 'REVOKED' ? 'revocation' : 'suspension';
    const entry = record.statusEntries.find((candidate) => candidate.purpose === purpose);
    const now = this.deps.clock.now().toISOString();
    const next: CredentialRecord = {
      ...record,
      status: target,
      statusReason: why,
      statusChangedAt: now,
      version: record.version + 1,
    };
    const { action, event } = statusChanges[target];
    await this.deps.credentials.changeStatus({
      next,
      expectedVersion: record.version,
      bit: entry ? { entry, set: target !== 'ACTIVE' } : null,
      audit: {
        credentialId: id,
        sequence: next.version,
        action,
        reason: why,
        actor: actorOf(principal),
        at: now,
      },
      events: [
        event.create(
          {
            reason: why ?? null,
            statusList: entry ?? null,
            wasSuspended: record.status === 'SUSPENDED',
            suspensionEntry:
              record.statusEntries.find((candidate) => candidate.purpose === 'suspension') ?? null,
          },
          this.origin(next, actorOf(principal)),
        ),
      ],
    });
    return next;
  }

  private async requireCredential(id: string): Promise<CredentialRecord> {
    const record = await this.deps.credentials.get(id);
    if (!record) throw new NotFoundError('Credential', id);
    return record;
  }

  private origin(record: CredentialRecord, actor: IssuanceActor): EventOrigin {
    return {
      id: this.deps.ids.newId(),
      institutionId: record.institutionId,
      aggregateId: record.id,
      occurredAt: this.deps.clock.now().toISOString(),
      actor,
    };
  }
}

/** A revoked credential stays revoked; only a suspended one can be reinstated. */
function refuseTransition(current: Status, target: Status): void {
  if (current === 'REVOKED') {
    throw new ConflictError(
      'CREDENTIAL_REVOKED',
      'A revoked credential cannot be suspended or reinstated.',
    );
  }
  if (target === 'ACTIVE' && current !== 'SUSPENDED') {
    throw new ConflictError(
      'CREDENTIAL_NOT_SUSPENDED',
      'Only a suspended credential can be reinstated.',
    );
  }
}
