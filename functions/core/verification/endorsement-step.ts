/**
 * The endorsements step: each endorsement embedded in the achievement verified on its own
 * (within the request's budget), and whether its endorser withdrew it.
 */
import { isJsonObject, stringField, type JsonObject } from '../credential/document';
import {
  essentialChecks,
  type EndorsementSummary,
  type VerificationBudget,
  type VerificationResult,
} from './model';
import type { WithdrawalLookup } from './ports';
import { embeddedQaEndorsement } from '../credential/qa-endorsement';
import { row, viewOf, type Step, type StepOutcome } from './step';

/** Verifies an embedded endorsement one level down, within the request's budget. */
export type VerifyEmbedded = (
  endorsement: JsonObject,
  depth: number,
  budget: VerificationBudget,
) => Promise<VerificationResult>;

/** At most this many embedded endorsements are verified. */
const MAX_ENDORSEMENTS = 20;

interface Examined extends EndorsementSummary {
  /**
   * Sound in every other way, only past its validUntil, which came after the credential was
   * issued: the endorsement counted then, like a withdrawn one (a WARN, not a FAIL).
   */
  readonly expiredSinceIssuance: boolean;
}

export function endorsements(verify: VerifyEmbedded, withdrawn: WithdrawalLookup): Step {
  return async ({ view, depth, budget }) => {
    // The issuer's own QA endorsement is the achievement-approval step's.
    const qa = embeddedQaEndorsement(view)?.raw;
    const embedded = (
      Array.isArray(view.achievement?.endorsement) ? view.achievement.endorsement : []
    ).filter((item): item is JsonObject => isJsonObject(item) && item !== qa);
    if (embedded.length === 0) return skipped('The achievement carries no endorsements.');
    if (depth > 0) return skipped('Endorsements of endorsements are not checked.');
    const examined = await Promise.all(
      embedded
        .slice(0, MAX_ENDORSEMENTS)
        .map((endorsement) =>
          examine(
            endorsement,
            view.validity.validFrom,
            () => verify(endorsement, depth + 1, budget),
            withdrawn,
          ),
        ),
    );
    return {
      checks: [endorsementsRow(examined)],
      endorsements: examined.map(({ expiredSinceIssuance: _, ...summary }) => summary),
    };
  };
}

async function examine(
  endorsement: JsonObject,
  issuedAt: string | undefined,
  verify: () => Promise<VerificationResult>,
  withdrawn: WithdrawalLookup,
): Promise<Examined> {
  const result = await verify().catch(() => null);
  const { id, issuer } = viewOf(endorsement);
  const { id: issuerId, name: issuerName } = issuer;
  const isWithdrawn = id ? await withdrawn(id, issuerId) : false;
  const endorsementEnd = stringField(endorsement, 'validUntil');
  const expiredSinceIssuance =
    result?.status === 'EXPIRED' &&
    result.checks.every(
      (check) =>
        check.status !== 'FAIL' ||
        !essentialChecks.has(check.name) ||
        check.name === 'validity-window',
    ) &&
    (!issuedAt || !endorsementEnd || Date.parse(endorsementEnd) >= Date.parse(issuedAt));
  return {
    id,
    issuerName,
    issuerId,
    verified: (result?.verified ?? false) && !isWithdrawn,
    withdrawn: isWithdrawn,
    expiredSinceIssuance,
  };
}

function endorsementsRow(examined: readonly Examined[]) {
  const total = examined.length;
  const failed = examined.filter(
    (summary) => !summary.verified && !summary.withdrawn && !summary.expiredSinceIssuance,
  ).length;
  const withdrawnCount = examined.filter((summary) => summary.withdrawn).length;
  const expiredCount = examined.filter(
    (summary) => summary.expiredSinceIssuance && !summary.withdrawn,
  ).length;
  if (failed > 0)
    return row('endorsements', 'FAIL', `${failed} of ${total} endorsements do not verify.`);
  if (withdrawnCount > 0 || expiredCount > 0) {
    const since = [
      withdrawnCount > 0 ? `${withdrawnCount} were withdrawn by the endorser` : '',
      expiredCount > 0 ? `${expiredCount} expired` : '',
    ]
      .filter(Boolean)
      .join(' and ');
    const verified = total - withdrawnCount - expiredCount;
    return row('endorsements', 'WARN', `${verified} endorsements verify; ${since} since issuance.`);
  }
  const names = examined.map((summary) => summary.issuerName ?? summary.issuerId).join(', ');
  return row(
    'endorsements',
    'PASS',
    `${total} endorsement${total === 1 ? '' : 's'} verified (${names}).`,
  );
}

function skipped(message: string): Promise<StepOutcome> {
  return Promise.resolve({ checks: [row('endorsements', 'SKIP', message)], endorsements: [] });
}
