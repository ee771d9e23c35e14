import type { Signer } from '../../core/keys/ports';
import type { CredentialSigner, JsonObject } from '../../core/issuance/ports';
import { addProof, type ProofTimings } from './eddsa-rdfc-2022';
import type { CachingProofVerifier } from './proof-verifier';

const base64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');

/**
 * Credential proofs with keys held in KMS: Data Integrity (`eddsa-rdfc-2022`, Ed25519) and
 * VC-JWT (RS256). The compact JWS is assembled here because JOSE libraries sign only with key
 * material they hold, and the private key never leaves KMS; verification uses `jose`.
 */
export class KmsCredentialSigner implements CredentialSigner {
  constructor(
    private readonly signer: Signer,
    /** Shares hashData with verification, so checking a fresh proof does not canonicalize again. */
    private readonly verifier: CachingProofVerifier,
    /** Accumulates time spent canonicalizing and signing (read by the issuance benchmark). */
    readonly timings: ProofTimings = { canonicalizeMs: 0, signMs: 0 },
  ) {}

  addDataIntegrityProof(
    document: JsonObject,
    key: { keyRef: string; verificationMethod: string },
    created: string,
  ) {
    return addProof(
      document,
      { verificationMethod: key.verificationMethod, created },
      (data) => this.signer.sign(key.keyRef, 'Ed25519', data),
      this.timings,
      (unsecured, proofConfig, data) => this.verifier.remember(unsecured, proofConfig, data),
    );
  }

  verifyDataIntegrityProof(document: JsonObject, publicKeyRaw: Uint8Array): Promise<boolean> {
    return this.verifier.verifyDataIntegrity(document, publicKeyRaw);
  }

  proofHashOf(credential: JsonObject): string | undefined {
    return this.verifier.rememberedHash(credential)?.toString('base64');
  }

  async signJwt(header: JsonObject, payload: JsonObject, keyRef: string): Promise<string> {
    const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
    const started = performance.now();
    const signature = await this.signer.sign(keyRef, 'RS256', Buffer.from(signingInput, 'ascii'));
    this.timings.signMs += performance.now() - started;
    return `${signingInput}.${base64url(signature)}`;
  }
}
