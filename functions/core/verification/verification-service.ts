/**
 * The verification use case: a credential by id, as JSON-LD, as a VC-JWT or baked into an
 * image, verified and explained as named checks. Nothing a verifier sends can make it fail
 * with a server error: bad input is BAD_USER_INPUT, anything else a FAIL check.
 */
import type { CredentialRecord } from '../credential/credential';
import { ValidationError, VerificationProblem } from '../shared/errors';
import { email, parseInput } from '../shared/validation';
import { CredentialVerifier, type CredentialVerifierDeps } from './credential-verifier';
import {
  freshBudget,
  type Inspection,
  type Presented,
  type VerificationBudget,
  type VerificationResult,
} from './model';
import type { ShareAccess } from './ports';
import { presentedOf, verifyInput } from './presentation';

export interface VerificationDeps extends CredentialVerifierDeps {
  /** Who may see a credential that is not public; nobody without it. */
  readonly canSee?: ShareAccess;
}

const notFound: VerificationResult = {
  verified: false,
  status: 'UNKNOWN',
  checks: [
    {
      name: 'lookup',
      status: 'FAIL',
      message:
        'No public credential with this id. A private credential can be verified when its holder presents it.',
    },
  ],
  endorsements: [],
};

export class VerificationService {
  private readonly verifier: CredentialVerifier;

  constructor(private readonly deps: VerificationDeps) {
    this.verifier = new CredentialVerifier(deps);
  }

  async verify(input: unknown, recipientEmail?: string | null): Promise<VerificationResult> {
    return (await this.inspect(input, recipientEmail)).result;
  }

  /**
   * Verifies like `verify` and also returns the credential that was presented (the JSON-LD,
   * the JWT's claims or the credential baked in an image), for callers that keep it (imports).
   */
  async inspect(input: unknown, recipientEmail?: string | null): Promise<Inspection> {
    const request = parseInput(verifyInput, input);
    const budget = freshBudget();
    const recipient = recipientEmail
      ? parseInput(email(), recipientEmail, 'recipientEmail')
      : undefined;
    if (request.id !== undefined)
      return this.inspectStored(request.id, request.shareToken, recipient, budget);
    const presented = await presentedOf(request, (jws) => this.deps.proofs.decodeJws(jws));
    return { result: await this.verifier.verify(presented, { recipient, budget }), presented };
  }

  /**
   * Verifies a credential the caller holds (imports, endorsements, the credential page), within
   * `budget` (a request's own, shared with what it verifies inside; a fresh one by default).
   */
  verifyPresented(
    presented: Presented,
    recipient?: string,
    depth = 0,
    budget: VerificationBudget = freshBudget(),
  ): Promise<VerificationResult> {
    return this.verifier.verify(presented, { recipient, depth, budget });
  }

  /**
   * Verifies a credential issued here whose record the caller has already read (the credential
   * page): its status and stacked parts come from that record, with no second read.
   */
  verifyRecord(record: CredentialRecord, recipientEmail?: string): Promise<VerificationResult> {
    const { credential, jwt: _jwt, ...state } = record;
    const recipient = recipientEmail
      ? parseInput(email(), recipientEmail, 'recipientEmail')
      : undefined;
    return this.verifier.verify(
      { format: 'JSON-LD', credential },
      { budget: freshBudget(), record: state, recipient },
    );
  }

  /**
   * A credential published at a URL elsewhere, fetched by the remote resolver (https only, its
   * address checked to be public, bounded in time and size) and verified like one presented as
   * JSON. Credentials issued here are verified by id instead (`verify`).
   */
  async verifyAt(url: string, recipientEmail?: string | null): Promise<VerificationResult> {
    const budget = freshBudget();
    const recipient = recipientEmail
      ? parseInput(email(), recipientEmail, 'recipientEmail')
      : undefined;
    let credential: unknown;
    try {
      credential = await this.deps.remote.fetchCredential(url.slice(0, 2_048), budget);
    } catch (error) {
      if (!(error instanceof VerificationProblem)) throw error;
      throw new ValidationError(
        error.message,
        [{ path: 'url', message: 'could not be read' }],
        'URL_UNREADABLE',
      );
    }
    const presented = await presentedOf({ credential }, (jws) => this.deps.proofs.decodeJws(jws));
    return this.verifier.verify(presented, { recipient, budget });
  }

  /**
   * A credential issued here, by id or URL, when the caller may see it: the record's state is
   * read on every request (its status is authoritative, and fresher than the published status
   * list), the signed JSON once. One the caller may not see is answered as one that does not
   * exist.
   */
  private async inspectStored(
    idOrUrl: string,
    shareToken: string | undefined,
    recipient: string | undefined,
    budget: VerificationBudget,
  ): Promise<Inspection> {
    const id = this.deps.urls.parseCredentialUrl(idOrUrl) ?? idOrUrl;
    const stored = /^[A-Za-z0-9_-]{1,100}$/.test(id) ? await this.deps.records.get(id) : null;
    if (!stored || !(await this.visible(stored.state, shareToken)))
      return { result: notFound, presented: null };
    const presented: Presented = { format: 'JSON-LD', credential: stored.credential };
    const options = { recipient, budget, record: stored.state };
    return { result: await this.verifier.verify(presented, options), presented };
  }

  private async visible(
    record: Parameters<ShareAccess>[0],
    shareToken: string | undefined,
  ): Promise<boolean> {
    if (record.visibility === 'PUBLIC') return true;
    return this.deps.canSee ? this.deps.canSee(record, shareToken) : false;
  }
}
