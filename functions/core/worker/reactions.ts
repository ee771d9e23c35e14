import type { BulkIssuanceService } from '../issuance/bulk-issuance';
import type { StatusListService } from '../credential/status-list';
import type { KeyService } from '../keys/key-service';
import type { CredentialRepository } from '../issuance/ports';
import type { AwardEnrolment } from '../learning/ports';
import type { StackingService } from '../stacking/stacking-service';
import type { EventOf } from '../shared/domain-events';
import { DesignPublished } from '../designs/events';
import {
  BulkIssuanceContinue,
  BulkIssuanceRequested,
  CredentialIssued,
  CredentialReinstated,
  CredentialRevoked,
  CredentialSuspended,
} from '../issuance/events';
import { KeyRotationRequested } from '../keys/events';
import { EnrolmentCompleted } from '../learning/events';
import { BackpackImported } from '../sharing/events';
import { StackDefined } from '../stacking/events';
import { EventDispatcher } from './event-dispatcher';

/** The three status changes share one payload. */
type StatusChange = EventOf<
  typeof CredentialRevoked | typeof CredentialSuspended | typeof CredentialReinstated
>;
type BulkJobEvent = EventOf<typeof BulkIssuanceRequested | typeof BulkIssuanceContinue>;

export interface ReactionDeps {
  readonly keys: KeyService;
  readonly statusLists: StatusListService;
  readonly bulk: BulkIssuanceService;
  readonly learning: { readonly award: AwardEnrolment };
  readonly stacking: StackingService;
  readonly credentials: CredentialRepository;
}

/** How the worker reacts to each domain event (all idempotent: streams redeliver). */
export function platformReactions(deps: ReactionDeps): EventDispatcher {
  /** Re-signs the status list(s) a status change touched, from the stored bits. */
  const republish = async (event: StatusChange) => {
    const { statusList, suspensionEntry, wasSuspended } = event.data;
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
  const processJob = (event: BulkJobEvent, deadline: number) =>
    deps.bulk.process(event.data.jobId, deadline).then(() => undefined);
  return new EventDispatcher()
    .on(KeyRotationRequested, async ({ data }) => {
      await deps.keys.provision(
        { ownerKind: data.ownerKind, ownerId: data.ownerId },
        data.generation,
      );
    })
    .on(CredentialRevoked, republish)
    .on(CredentialRevoked, async (event) => {
      const revoked = await deps.credentials.get(event.aggregateId);
      if (revoked) await deps.stacking.partRevoked(revoked);
    })
    .on(CredentialIssued, async (event) => {
      const { microCredentialId, emailHash } = event.data;
      await deps.stacking.evaluate(emailHash, [microCredentialId], {
        credentialId: event.aggregateId,
      });
    })
    .on(StackDefined, async (event) => {
      await deps.stacking.backfill(event.data.stackId);
    })
    .on(DesignPublished, async (event) => {
      await deps.stacking.targetPublished(event.aggregateId, event.occurredAt);
    })
    .on(BackpackImported, async (event) => {
      const { emailHash, achievementId, ownerId } = event.data;
      if (emailHash && achievementId)
        await deps.stacking.evaluate(emailHash, [achievementId], {
          ...(ownerId ? { imported: { ownerId, id: event.aggregateId } } : {}),
        });
    })
    .on(CredentialSuspended, republish)
    .on(CredentialReinstated, republish)
    .on(BulkIssuanceRequested, (event, context) => processJob(event, context.deadline))
    .on(BulkIssuanceContinue, (event, context) => processJob(event, context.deadline))
    .on(EnrolmentCompleted, async (event) => {
      await deps.learning.award(event.data.enrolmentId);
    });
}
