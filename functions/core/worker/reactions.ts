import { ownerKinds } from '../shared/owners';
import * as z from 'zod';
import type { BulkJobProcessor } from '../issuance/bulk-processing';
import { statusEntrySchema } from '../issuance/credential';
import type { StatusListService } from '../issuance/status-list';
import type { KeyService } from '../keys/key-service';
import type { CredentialRepository } from '../issuance/ports';
import type { LearningService } from '../learning/learning-service';
import type { StackAwards } from '../stacking/stack-awards';
import type { DomainEvent } from '../shared/events';
import { EventDispatcher } from './event-dispatcher';

const rotationData = z.object({
  ownerKind: z.enum(ownerKinds),
  ownerId: z.string(),
  generation: z.int().positive(),
});
const statusData = z.object({
  statusList: statusEntrySchema.nullable(),
  suspensionEntry: statusEntrySchema.nullable().optional(),
  wasSuspended: z.boolean().optional(),
});
const jobData = z.object({ jobId: z.string() });
const enrolmentData = z.object({ enrolmentId: z.string() });
const stackData = z.object({ stackId: z.string() });
const issuedData = z.object({ microCredentialId: z.string(), emailHash: z.string() });
const importedData = z.object({
  emailHash: z.string().nullable(),
  achievementId: z.string().nullable(),
  /** Absent on events recorded before it was added. */
  ownerId: z.string().optional(),
});

export interface ReactionDeps {
  readonly keys: KeyService;
  readonly statusLists: StatusListService;
  readonly bulk: BulkJobProcessor;
  readonly learning: LearningService;
  readonly stacking: StackAwards;
  readonly credentials: CredentialRepository;
}

/** How the worker reacts to each domain event (all idempotent: streams redeliver). */
export function platformReactions(deps: ReactionDeps): EventDispatcher {
  /** Re-signs the status list(s) a status change touched, from the stored bits. */
  const republish = async (event: DomainEvent) => {
    const { statusList, suspensionEntry, wasSuspended } = statusData.parse(event.data);
    if (statusList)
      await deps.statusLists.publish(
        event.institutionId,
        statusList.purpose,
        statusList.listNumber,
      );
    if (wasSuspended && suspensionEntry && suspensionEntry.purpose !== statusList?.purpose) {
      await deps.statusLists.publish(
        event.institutionId,
        suspensionEntry.purpose,
        suspensionEntry.listNumber,
      );
    }
  };
  const processJob = (event: DomainEvent, deadline: number) =>
    deps.bulk.process(jobData.parse(event.data).jobId, deadline).then(() => undefined);
  return new EventDispatcher()
    .on('keys.rotation_requested', async (event) => {
      const { ownerKind, ownerId, generation } = rotationData.parse(event.data);
      await deps.keys.provision({ ownerKind, ownerId }, generation);
    })
    .on('credential.revoked', republish)
    .on('credential.revoked', async (event) => {
      const revoked = await deps.credentials.get(event.aggregateId);
      if (revoked) await deps.stacking.partRevoked(revoked);
    })
    .on('credential.issued', async (event) => {
      const { microCredentialId, emailHash } = issuedData.parse(event.data);
      await deps.stacking.evaluate(emailHash, [microCredentialId], {
        credentialId: event.aggregateId,
      });
    })
    .on('stack.defined', async (event) => {
      await deps.stacking.backfill(stackData.parse(event.data).stackId);
    })
    .on('design.published', async (event) => {
      await deps.stacking.targetPublished(event.aggregateId, event.occurredAt);
    })
    .on('backpack.imported', async (event) => {
      const { emailHash, achievementId, ownerId } = importedData.parse(event.data);
      if (emailHash && achievementId)
        await deps.stacking.evaluate(emailHash, [achievementId], {
          ...(ownerId ? { imported: { ownerId, id: event.aggregateId } } : {}),
        });
    })
    .on('credential.suspended', republish)
    .on('credential.reinstated', republish)
    .on('bulk_issuance.requested', (event, context) => processJob(event, context.deadline))
    .on('bulk_issuance.continue', (event, context) => processJob(event, context.deadline))
    .on('enrolment.completed', async (event) => {
      await deps.learning.award(enrolmentData.parse(event.data).enrolmentId);
    });
}
