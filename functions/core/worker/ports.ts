import type { CredentialRecord, StatusPurpose } from '../credential/credential';
import type { JustHeld } from '../stacking/ports';

/*
 * What the worker's reactions ask of other modules, one function each: a reaction depends on
 * the use case it triggers, not on the service that holds it. The composition root wires them.
 */

/** Re-signs one status list from its stored bits. */
export type RepublishStatusList = (
  institutionId: string,
  purpose: StatusPurpose,
  listNumber: number,
) => Promise<unknown>;

/** Takes a bulk issuance job one pass further, stopping by `deadline` (epoch ms). */
export type ProcessBulkJob = (jobId: string, deadline: number) => Promise<unknown>;

/** A credential record by id (null when there is none). */
export type ReadCredential = (id: string) => Promise<CredentialRecord | null>;

/** Awards the stacks a learner completes with the parts they hold now. */
export type EvaluateStacks = (
  learnerEmailHash: string,
  partKeys: readonly string[],
  just?: JustHeld,
) => Promise<unknown>;

/** Withdraws stacked credentials that rested on a revoked part. */
export type StackPartRevoked = (revoked: CredentialRecord) => Promise<void>;

/** Awards a new stack to learners who already hold its parts. */
export type BackfillStack = (stackId: string) => Promise<unknown>;

/** Awards the stacks waiting for a design to be published. */
export type StackTargetPublished = (
  microCredentialId: string,
  publishedAt: string,
) => Promise<void>;

/** Signs the QA body's endorsement of a design version its review just approved (once). */
export type IssueQaEndorsement = (
  microCredentialId: string,
  designVersion: number,
) => Promise<unknown>;
