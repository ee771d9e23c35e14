/**
 * The "Quality-assured design" step: the QA endorsement the credential's issuer embedded in the
 * achievement, verified as a credential of its own (its Data Integrity proof against the
 * issuer's key, its validity), and what it states. A credential issued before achievements
 * carried one is answered from the platform's own record, and says so.
 */
import { stringField } from '../credential/document';
import { DomainError } from '../shared/errors';
import { embeddedQaEndorsement } from '../credential/qa-endorsement';
import type { PublicUrls } from '../shared/public-urls';
import type { VerifyEmbedded } from './endorsement-step';
import type { ApprovalLookup } from './ports';
import { describeFailure, row, type Step, type StepOutcome } from './step';

const name = 'achievement-approval';

export function achievementApproval(
  verify: VerifyEmbedded,
  approvals: ApprovalLookup,
  urls: PublicUrls,
): Step {
  return async (context) => {
    const { view, depth, budget } = context;
    const qa = depth === 0 ? embeddedQaEndorsement(view) : null;
    if (qa) {
      let result;
      try {
        result = await verify(qa.raw, depth + 1, budget);
      } catch (error) {
        // A busy verifier is the caller's to retry, not a failure of the endorsement.
        if (error instanceof DomainError && error.retryable) throw error;
        return outcome(
          'FAIL',
          describeFailure(error, "The achievement's QA endorsement could not be verified"),
        );
      }
      if (!result.verified) {
        const failed = result.checks.find((check) => check.status === 'FAIL');
        const why = failed ? `: ${failed.name}: ${failed.message}` : ` (${result.status}).`;
        return outcome('FAIL', `The achievement's QA endorsement does not verify${why}`);
      }
      const { workflow, steps, approvedAt, contentDigest } = qa.claim;
      return outcome(
        'PASS',
        `The issuer's signed QA endorsement verifies: "${workflow.name}" (workflow version ${workflow.version}, ${steps.length} steps) approved this version on ${approvedAt.slice(0, 10)}; content SHA-256 ${contentDigest.value.slice(0, 16)}….`,
      );
    }
    return legacyApproval(approvals, urls, context);
  };
}

/** A credential without a QA endorsement: the platform's record of its approval, if any. */
async function legacyApproval(
  approvals: ApprovalLookup,
  urls: PublicUrls,
  { view, ownIssuer }: Parameters<Step>[0],
): Promise<StepOutcome> {
  const id = stringField(view.achievement, 'id');
  const named = id === undefined ? null : urls.parse(id);
  if (!ownIssuer || named?.kind !== 'achievement') {
    return outcome(
      'SKIP',
      "The achievement was designed elsewhere and carries no QA endorsement from its issuer; its approval is its issuer's responsibility.",
    );
  }
  const approval = await approvals(named.params.design, named.params.version);
  if (!approval) {
    return outcome(
      'FAIL',
      "This version of the achievement was never approved by the institution's QA review.",
    );
  }
  return outcome(
    'PASS',
    `Version ${approval.designVersion} passed "${approval.workflowName}" (${approval.steps} steps) on ${approval.approvedAt.slice(0, 10)}, by this platform's record: the credential was issued before achievements carried a signed QA endorsement.`,
  );
}

function outcome(status: 'PASS' | 'FAIL' | 'SKIP', message: string): StepOutcome {
  return { checks: [row(name, status, message)] };
}
