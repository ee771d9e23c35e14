import type { ProvisionKeys } from '../keys/ports';
import type { AwardEnrolment } from '../learning/ports';
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
import { ReviewApproved } from '../qa/events';
import { BackpackImported } from '../sharing/events';
import { StackDefined } from '../stacking/events';
import { EventDispatcher } from './event-dispatcher';
import type {
  BackfillStack,
  EvaluateStacks,
  IssueQaEndorsement,
  ProcessBulkJob,
  ReadCredential,
  RepublishStatusList,
  StackPartRevoked,
  StackTargetPublished,
} from './ports';

/** The three status changes share one payload. */
type StatusChange = EventOf<
  typeof CredentialRevoked | typeof CredentialSuspended | typeof CredentialReinstated
>;
type BulkJobEvent = EventOf<typeof BulkIssuanceRequested | typeof BulkIssuanceContinue>;

export interface ReactionDeps {
  readonly provisionKeys: ProvisionKeys;
  readonly republishStatusList: RepublishStatusList;
  readonly processBulkJob: ProcessBulkJob;
  readonly awardEnrolment: AwardEnrolment;
  readonly credential: ReadCredential;
  readonly evaluateStacks: EvaluateStacks;
  readonly stackPartRevoked: StackPartRevoked;
  readonly backfillStack: BackfillStack;
  readonly stackTargetPublished: StackTargetPublished;
  readonly issueQaEndorsement?: IssueQaEndorsement;
}

/** The QA body signs its endorsement of the design version its review just approved. */
function qaEndorsementOf(deps: ReactionDeps) {
  return async ({ data }: EventOf<typeof ReviewApproved>) => {
    await deps.issueQaEndorsement?.(data.microCredentialId, data.designVersion);
  };
}

/** How the worker reacts to each domain event (all idempotent: streams redeliver). */
export function platformReactions(deps: ReactionDeps): EventDispatcher {
  /** Re-signs the status list(s) a status change touched, from the stored bits. */
  const republish = async (event: StatusChange) => {
    const { statusList, suspensionEntry, wasSuspended } = event.data;
    if (statusList)
      await deps.republishStatusList(
        event.institutionId,
        statusList.purpose,
        statusList.listNumber,
      );
    if (wasSuspended && suspensionEntry && suspensionEntry.purpose !== statusList?.purpose) {
      await deps.republishStatusList(
        event.institutionId,
        suspensionEntry.purpose,
        suspensionEntry.listNumber,
      );
    }
  };
  const processJob = (event: BulkJobEvent, deadline: number) =>
    deps.processBulkJob(event.data.jobId, deadline).then(() => undefined);
  return new EventDispatcher()
    .on(KeyRotationRequested, async ({ data }) => {
      await deps.provisionKeys(
        { ownerKind: data.ownerKind, ownerId: data.ownerId },
        data.generation,
      );
    })
    .on(CredentialRevoked, republish)
    .on(CredentialRevoked, async (event) => {
      const revoked = await deps.credential(event.aggregateId);
      if (revoked) await deps.stackPartRevoked(revoked);
    })
    .on(CredentialIssued, async (event) => {
      const { microCredentialId, emailHash } = event.data;
      await deps.evaluateStacks(emailHash, [microCredentialId], {
        credentialId: event.aggregateId,
      });
    })
    .on(StackDefined, async (event) => {
      await deps.backfillStack(event.data.stackId);
    })
    .on(DesignPublished, async (event) => {
      await deps.stackTargetPublished(event.aggregateId, event.occurredAt);
    })
    .on(BackpackImported, async (event) => {
      const { emailHash, achievementId, ownerId } = event.data;
      if (emailHash && achievementId)
        await deps.evaluateStacks(emailHash, [achievementId], {
          ...(ownerId ? { imported: { ownerId, id: event.aggregateId } } : {}),
        });
    })
    .on(CredentialSuspended, republish)
    .on(CredentialReinstated, republish)
    .on(BulkIssuanceRequested, (event, context) => processJob(event, context.deadline))
    .on(BulkIssuanceContinue, (event, context) => processJob(event, context.deadline))
    .on(EnrolmentCompleted, async (event) => {
      await deps.awardEnrolment(event.data.enrolmentId);
    })
    .on(ReviewApproved, qaEndorsementOf(deps));
}
