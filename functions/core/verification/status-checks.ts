/**
 * Status checks: the `status` row. A credential issued here and read from its record takes its
 * status from the record (revoking changes it at once; the published list follows when the
 * worker signs it again); any other is read from the Bitstring Status Lists it names.
 */
import type { CredentialState } from '../credential/credential';
import type { CredentialView, JsonObject } from '../credential/document';
import { isPositionSet } from '../credential/status-list';
import { VerificationProblem } from '../shared/errors';
import type { PublicUrls } from '../shared/public-urls';
import { exceededComplexity } from './checks';
import { verificationLimits, type VerificationBudget } from './model';
import type { OwnStatusList, RemoteResolver } from './ports';
import type { ProofChecks } from './proof-checks';
import { describeFailure, row, viewOf, type Step, type StepOutcome } from './step';

export interface StatusCheckDeps {
  readonly ownStatusList: OwnStatusList;
  readonly remote: RemoteResolver;
  readonly proofs: ProofChecks;
  readonly urls: PublicUrls;
}

const NO_ENTRY = 'The credential has no status list entry; it cannot be revoked.';

export class StatusChecks {
  constructor(private readonly deps: StatusCheckDeps) {}

  /** The status step, for a credential whose proof holds or that was looked up here. */
  readonly step: Step = async ({ proofHolds, lookedUp, record, view, budget }) => {
    if (!proofHolds && !lookedUp) {
      const message =
        'Not checked: the proof does not hold, so this is not the credential it names.';
      return { checks: [row('status', 'SKIP', message)] };
    }
    try {
      return record ? storedStatus(record) : await this.listedStatus(view, budget);
    } catch (error) {
      const message = describeFailure(error, 'The status list could not be read');
      return { checks: [row('status', 'FAIL', message)], status: 'UNKNOWN' };
    }
  };

  /** The status the credential's Bitstring Status List entries give it. */
  private async listedStatus(
    view: CredentialView,
    budget: VerificationBudget,
  ): Promise<StepOutcome> {
    if (view.statusEntries.length === 0) return { checks: [row('status', 'SKIP', NO_ENTRY)] };
    let result: 'ACTIVE' | 'REVOKED' | 'SUSPENDED' = 'ACTIVE';
    const messages: string[] = [];
    for (const entry of view.statusEntries) {
      if (entry.type !== 'BitstringStatusListEntry' || entry.statusListCredential === undefined) {
        messages.push(`status type ${String(entry.raw.type).slice(0, 40)} is not supported`);
        continue;
      }
      const index = entry.statusListIndex;
      if (index === undefined)
        throw new VerificationProblem('The status list index is not a number.');
      const list = await this.statusList(entry.statusListCredential, view.issuer.id, budget);
      const subject = (list.credentialSubject ?? {}) as JsonObject;
      if (typeof subject.encodedList !== 'string')
        throw new VerificationProblem('The status list has no encoded list.');
      const set = await isPositionSet(subject.encodedList, index);
      const purpose = String(entry.raw.statusPurpose);
      if (set && purpose === 'revocation') result = 'REVOKED';
      else if (set && purpose === 'suspension' && result !== 'REVOKED') result = 'SUSPENDED';
      messages.push(`${purpose}: ${set ? 'set' : 'clear'}`);
    }
    if (result !== 'ACTIVE') return { checks: [statusFailure(result)], status: result };
    const unsupported = messages.some((message) => message.includes('not supported'));
    const message = `Not revoked or suspended (${messages.join('; ')}).`;
    return { checks: [row('status', unsupported ? 'WARN' : 'PASS', message)], status: result };
  }

  /** A status list credential: ours from storage, others fetched (and their proof checked). */
  private async statusList(
    url: string,
    issuerId: string | undefined,
    budget: VerificationBudget,
  ): Promise<JsonObject> {
    const own = this.deps.urls.parse(url);
    if (own?.kind === 'statusList') {
      const { owner, purpose, listNumber } = own.params;
      const list = await this.deps.ownStatusList(owner, purpose, listNumber);
      if (!list) throw new VerificationProblem('The status list does not exist.');
      return list;
    }
    const list = await this.deps.remote.fetchCredential(url, budget);
    // Canonicalized to check its proof: held to the limits of a presented credential.
    if (exceededComplexity(list, verificationLimits.complexity))
      throw new VerificationProblem('The status list is larger than a credential may be.');
    const view = viewOf(list);
    if (view.issuer.id !== issuerId)
      throw new VerificationProblem(
        "The status list was not published by the credential's issuer.",
      );
    if (!(await this.deps.proofs.dataIntegrityHolds(view, budget)))
      throw new VerificationProblem("The status list's own proof does not verify.");
    return list;
  }
}

/**
 * The status of a credential looked up here, from its record. Its entries are the ones the
 * credential lists (both come from one reservation).
 */
function storedStatus(record: CredentialState): StepOutcome {
  if (record.status !== 'ACTIVE')
    return { checks: [statusFailure(record.status)], status: record.status };
  if (record.statusEntries.length === 0) return { checks: [row('status', 'SKIP', NO_ENTRY)] };
  const entries = record.statusEntries.map((entry) => `${entry.purpose}: clear`).join('; ');
  return { checks: [row('status', 'PASS', `Not revoked or suspended (${entries}).`)] };
}

function statusFailure(status: 'REVOKED' | 'SUSPENDED') {
  const word = status === 'REVOKED' ? 'revoked' : 'suspended';
  return row('status', 'FAIL', `The issuer has ${word} this credential.`);
}
