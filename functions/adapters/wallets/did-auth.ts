import { verify as verifySignature } from 'node:crypto';
import { isJsonObject, type JsonObject } from '../../core/credential/document';
import { WalletProtocolError } from '../../core/wallets/model';
import type { CheckDidAuth } from '../../core/wallets/ports';
import { decodeProofValue, hashData } from '../proofs/eddsa-rdfc-2022';
import { holderKeyOf } from './holder-keys';

const refused = (message: string, cause?: unknown) =>
  new WalletProtocolError('BAD_USER_INPUT', 'DID_AUTH_FAILED', 'invalid_request', message, {
    cause,
  });

/**
 * The proof suites a DIDAuth presentation may carry. Learner Credential Wallet signs with
 * `Ed25519Signature2020`; wallets on the Data Integrity suites use `eddsa-rdfc-2022`. Both hash
 * the canonical proof options and the canonical presentation alike (RDFC-1.0, SHA-256 each) and
 * sign with Ed25519, so one check serves both.
 */
function isAcceptedSuite(proof: JsonObject): boolean {
  return (
    (proof.type === 'DataIntegrityProof' && proof.cryptosuite === 'eddsa-rdfc-2022') ||
    proof.type === 'Ed25519Signature2020'
  );
}

const names = (value: unknown, expected: string) =>
  value === expected || (Array.isArray(value) && value.includes(expected));

/**
 * Checks a DIDAuth VerifiablePresentation: an `authentication` proof with the exchange's
 * challenge and domain, by an Ed25519 did:key that is the presentation's holder (when named),
 * over the presentation as canonicalized with the bundled contexts only.
 */
export const checkDidAuth: CheckDidAuth = async (presentation, expected) => {
  if (!isJsonObject(presentation)) throw refused('The presentation must be a JSON object.');
  if (!names(presentation.type, 'VerifiablePresentation'))
    throw refused('The presentation is not a VerifiablePresentation.');
  const proofs: unknown[] = Array.isArray(presentation.proof)
    ? presentation.proof
    : [presentation.proof];
  const proof = proofs.length === 1 ? proofs[0] : undefined;
  if (!isJsonObject(proof) || !isAcceptedSuite(proof))
    throw refused(
      'The presentation needs one Ed25519 proof (eddsa-rdfc-2022 or Ed25519Signature2020).',
    );
  if (proof.proofPurpose !== 'authentication')
    throw refused('The proof is not for authentication.');
  if (proof.challenge !== expected.challenge) throw refused('The proof answers another challenge.');
  if (!names(proof.domain, expected.domain)) throw refused('The proof is for another domain.');
  if (typeof proof.verificationMethod !== 'string') throw refused('The proof names no key.');
  const holder = holderKeyOf(proof.verificationMethod);
  if (!holder.algorithms.includes('EdDSA')) throw refused('The key must be an Ed25519 did:key.');
  const named = isJsonObject(presentation.holder) ? presentation.holder.id : presentation.holder;
  if (named !== undefined && named !== holder.did)
    throw refused("The proof's key is not the presentation's holder.");
  const signature = decodeProofValue(proof.proofValue);
  if (!signature || signature.length !== 64) throw refused('The proof value is malformed.');
  const { proofValue: _value, ...options } = proof;
  let data: Buffer;
  try {
    data = await hashData({ ...presentation, proof: undefined }, options);
  } catch (error) {
    throw refused('The presentation could not be canonicalized (unknown context or term).', error);
  }
  if (!verifySignature(null, data, holder.key, signature))
    throw refused('The presentation signature does not verify.');
  return { holder: holder.did };
};
