import * as z from 'zod';
import type { Clock } from '../shared/runtime';
import {
  allConfigurationIds,
  configurationIds,
  walletLimits,
  WalletProtocolError,
  type AccessGrant,
  type ConfigurationId,
  type WalletUrls,
} from './model';
import type { CheckHolderProof, WalletStore } from './ports';
import { epochSeconds, newSecret, secretHash } from './secrets';
import type { WalletCopies } from './wallet-copies';

export interface CredentialEndpointDeps {
  readonly store: Pick<WalletStore, 'getGrant' | 'putNonce' | 'consumeNonce'>;
  readonly copies: Pick<WalletCopies, 'issuable' | 'mint'>;
  readonly checkProof: CheckHolderProof;
  readonly urls: WalletUrls;
  readonly clock: Clock;
}

const jwtProof = z.string().min(1).max(walletLimits.proofChars);
/**
 * OpenID4VCI 1.0 requests name a configuration and carry `proofs`; the single `proof` of the
 * drafts before it is still accepted, since many wallets in use send it.
 */
const credentialRequest = z.object({
  credential_configuration_id: z.string().max(100),
  proofs: z.object({ jwt: z.array(jwtProof).min(1).max(1) }).optional(),
  proof: z.object({ proof_type: z.literal('jwt'), jwt: jwtProof }).optional(),
});

const problem = (
  category: 'BAD_USER_INPUT' | 'UNAUTHENTICATED',
  code: string,
  protocolError: string,
  message: string,
) => new WalletProtocolError(category, code, protocolError, message);

/**
 * The nonce and credential endpoints (OpenID4VCI 1.0 §7, §8): a fresh nonce for the proof, then
 * one holder-bound copy of the offered credential per access token.
 */
export class CredentialEndpoint {
  constructor(private readonly deps: CredentialEndpointDeps) {}

  /** A server nonce for one proof of possession, single-use and short-lived. */
  async nonce() {
    const nonce = newSecret();
    const expiresAt = epochSeconds(this.deps.clock.now()) + walletLimits.nonceSeconds;
    await this.deps.store.putNonce(secretHash(nonce), expiresAt);
    return { c_nonce: nonce, c_nonce_expires_in: walletLimits.nonceSeconds };
  }

  async issue(accessToken: string | null, body: unknown) {
    const nowEpoch = epochSeconds(this.deps.clock.now());
    const grant = await this.grant(accessToken, nowEpoch);
    const parsed = credentialRequest.safeParse(body);
    if (!parsed.success) {
      throw problem(
        'BAD_USER_INPUT',
        'CREDENTIAL_REQUEST_INVALID',
        'invalid_credential_request',
        'The credential request is malformed.',
      );
    }
    const request = parsed.data;
    const configuration = request.credential_configuration_id as ConfigurationId;
    if (!allConfigurationIds.includes(configuration)) {
      throw problem(
        'BAD_USER_INPUT',
        'CONFIGURATION_UNKNOWN',
        'unknown_credential_configuration',
        'No such credential configuration.',
      );
    }
    const proof = request.proofs?.jwt[0] ?? request.proof?.jwt;
    if (!proof)
      throw problem('BAD_USER_INPUT', 'PROOF_MISSING', 'invalid_proof', 'A jwt proof is required.');
    const checked = await this.deps.checkProof(proof, {
      audience: this.deps.urls.credentialIssuer,
      nowEpoch,
      maxAgeSeconds: walletLimits.proofMaxAgeSeconds,
      futureSeconds: walletLimits.proofFutureSeconds,
    });
    if (!(await this.deps.store.consumeNonce(secretHash(checked.nonce), nowEpoch))) {
      throw problem(
        'BAD_USER_INPUT',
        'NONCE_INVALID',
        'invalid_nonce',
        'The proof nonce is unknown, expired or used; ask the nonce endpoint for a new one.',
      );
    }
    const record = await this.deps.copies.issuable(grant.credentialId);
    const format = configuration === configurationIds.ldpVc ? 'ldp_vc' : 'jwt_vc_json';
    const copy = await this.deps.copies.mint(record, checked.holder, {
      protocol: 'OID4VCI',
      format,
      spend: { kind: 'grant', tokenHash: grant.tokenHash },
    });
    return { credentials: [{ credential: format === 'ldp_vc' ? copy.credential : copy.jwt }] };
  }

  private async grant(accessToken: string | null, nowEpoch: number): Promise<AccessGrant> {
    const grant = accessToken ? await this.deps.store.getGrant(secretHash(accessToken)) : null;
    if (!grant || grant.status !== 'OPEN' || grant.expiresAtEpoch <= nowEpoch) {
      throw problem(
        'UNAUTHENTICATED',
        'ACCESS_TOKEN_INVALID',
        'invalid_token',
        'The access token is missing, unknown, expired or used.',
      );
    }
    return grant;
  }
}
