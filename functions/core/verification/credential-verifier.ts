/**
 * One verification: a list of steps over one view of the credential, each giving its own
 * check rows and status, then the result a verifier is shown. The proof step runs first: the
 * record of a credential issued here is read only for one whose proof holds (anyone can write
 * a document naming the id of a private credential, and its record is not theirs to read).
 */
import type { CredentialState } from '../credential/credential';
import { imageIdOf, stringField, type CredentialView } from '../credential/document';
import type { PublicUrls } from '../shared/public-urls';
import type { Clock } from '../shared/runtime';
import { endorsements } from './endorsement-step';
import { IssuerKeyResolver } from './key-resolution';
import {
  essentialChecks,
  freshBudget,
  type Presented,
  type VerificationBudget,
  type VerificationResult,
} from './model';
import type {
  ApprovalLookup,
  OwnStatusList,
  PlatformKeys,
  ProofVerifier,
  RemoteResolver,
  StoredCredentials,
  WithdrawalLookup,
} from './ports';
import { ProofChecks, signatureCheckOf, type SignatureCheck } from './proof-checks';
import { StatusChecks } from './status-checks';
import { viewOf, type Step, type StepContext, type StepOutcome } from './step';
import { achievementApproval } from './qa-endorsement-step';
import { recipient, stackParts, stateOfUrl, validityWindow, wellFormed, withdrawal } from './steps';

export interface CredentialVerifierDeps {
  readonly records: StoredCredentials;
  readonly platformKeys: PlatformKeys;
  readonly approvals: ApprovalLookup;
  readonly ownStatusList: OwnStatusList;
  readonly proofs: ProofVerifier;
  readonly remote: RemoteResolver;
  readonly urls: PublicUrls;
  readonly clock: Clock;
  /** Withdrawals of endorsements made here; none are withdrawn without it. */
  readonly withdrawn?: WithdrawalLookup;
  /** The signature check; the proof verifier's own by default (see `rememberingSignatures`). */
  readonly signatures?: SignatureCheck;
}

/** How one credential is verified: for whom, how deep, within which budget. */
export interface VerifyOptions {
  /** An email the credential should name as its recipient. */
  readonly recipient?: string;
  /** 0 for the credential presented, 1 for an endorsement embedded in it. */
  readonly depth?: number;
  /** The request's budget, shared with what it verifies inside; a fresh one by default. */
  readonly budget?: VerificationBudget;
  /** The record of a credential looked up here by id: status and parts come from it. */
  readonly record?: CredentialState;
}

export class CredentialVerifier {
  private readonly proofs: ProofChecks;
  /** The steps after the proof, in the order their rows are shown. */
  private readonly steps: readonly Step[];

  constructor(private readonly deps: CredentialVerifierDeps) {
    this.proofs = new ProofChecks({
      keys: new IssuerKeyResolver(deps),
      proofs: deps.proofs,
      signatures: deps.signatures ?? signatureCheckOf(deps.proofs),
    });
    const withdrawn = deps.withdrawn ?? (() => Promise.resolve(false));
    const embedded = (
      credential: Presented['credential'],
      depth: number,
      budget: VerificationBudget,
    ) => this.verify({ format: 'JSON-LD', credential }, { depth, budget });
    this.steps = [
      new StatusChecks({ ...deps, proofs: this.proofs }).step,
      validityWindow(deps.clock),
      withdrawal(withdrawn),
      achievementApproval(embedded, deps.approvals, deps.urls),
      endorsements(embedded, withdrawn),
      stackParts(deps.records, deps.urls),
      recipient,
    ];
  }

  async verify(presented: Presented, options: VerifyOptions = {}): Promise<VerificationResult> {
    const budget = options.budget ?? freshBudget();
    const view = viewOf(presented.credential);
    const shape = wellFormed(presented);
    const owner = view.issuer.id ? this.deps.urls.parseOwnDid(view.issuer.id) : null;
    const proof = await this.proofs.check(view, presented, budget);
    const record =
      options.record ??
      (proof.holds && owner?.ownerKind === 'institution' && view.id !== undefined
        ? await stateOfUrl(this.deps.records, this.deps.urls, view.id)
        : null);
    const context: StepContext = {
      view,
      presented,
      types: shape.types,
      ownIssuer: owner !== null,
      depth: options.depth ?? 0,
      budget,
      recipient: options.recipient,
      proofHolds: proof.holds,
      record,
      lookedUp: options.record !== undefined,
    };
    const outcomes: StepOutcome[] = [shape, proof];
    // One after another: the steps share the request's budget, spent in this order.
    for (const step of this.steps) outcomes.push(await step(context));
    return resultOf(context, outcomes);
  }
}

/** The result of the steps: verified when the proof holds and no essential check failed. */
function resultOf(context: StepContext, outcomes: readonly StepOutcome[]): VerificationResult {
  const checks = outcomes.flatMap((outcome) => outcome.checks);
  const verified =
    context.proofHolds &&
    checks.every((check) => !(essentialChecks.has(check.name) && check.status === 'FAIL'));
  const given = outcomes
    .map((outcome) => outcome.status)
    .find((status) => status !== undefined && status !== 'ACTIVE');
  return {
    verified,
    status: verified ? 'ACTIVE' : (given ?? 'UNKNOWN'),
    checks,
    format: context.presented.format,
    ...summaryOf(context.view, context.ownIssuer),
    endorsements: outcomes.flatMap((outcome) => outcome.endorsements ?? []),
  };
}

/** What the verifier is told of the credential's issuer, achievement and validity. */
function summaryOf(view: CredentialView, ownIssuer: boolean) {
  const { achievement, issuer, validity } = view;
  return {
    credentialId: view.id,
    issuer: issuer.id
      ? { id: issuer.id, name: issuer.name, url: issuer.url, registeredHere: ownIssuer }
      : undefined,
    achievement: achievement
      ? {
          id: stringField(achievement, 'id'),
          name: stringField(achievement, 'name'),
          description: stringField(achievement, 'description'),
          achievementType: stringField(achievement, 'achievementType'),
          image: imageIdOf(achievement),
        }
      : undefined,
    validFrom: validity.validFrom,
    validUntil: validity.validUntil,
  };
}
