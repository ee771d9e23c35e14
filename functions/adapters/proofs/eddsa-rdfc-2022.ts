import {
  createHash,
  createPublicKey,
  verify as verifySignature,
  type KeyObject,
} from 'node:crypto';
import { decode as decodeBase58, encode as encodeBase58 } from 'base58-universal';
import type JsonLd from 'jsonld';
import type { documentLoader as bundledContexts } from './contexts';
import { shareTermDefinitions, type JsonLdContextModule } from './jsonld-shared-terms';

/**
 * The `eddsa-rdfc-2022` Data Integrity cryptosuite (W3C VC Data Integrity EdDSA Cryptosuites
 * v1.0), written against the specification rather than taken from a library so that the
 * private key can stay in KMS: the suite only needs "sign these bytes", which the Signer port
 * provides. RDF canonicalization itself is the jsonld.js / rdf-canonize implementation.
 */
export type JsonObject = Record<string, unknown>;

export interface ProofOptions {
  readonly verificationMethod: string;
  readonly created: string;
  readonly proofPurpose?: string;
}

export interface DataIntegrityProof extends JsonObject {
  type: 'DataIntegrityProof';
  cryptosuite: 'eddsa-rdfc-2022';
  created: string;
  verificationMethod: string;
  proofPurpose: string;
  proofValue: string;
}

/** Timings of one proof, for the issuance benchmark (canonicalization vs signing). */
export interface ProofTimings {
  canonicalizeMs: number;
  signMs: number;
}

let canonicalizer:
  Promise<{ jsonld: typeof JsonLd; documentLoader: typeof bundledContexts }> | undefined;

/**
 * jsonld.js (with rdf-canonize and its HTTP client) and the bundled contexts, loaded on first
 * use: they are most of the bundle, and a cold start that signs or verifies nothing (a
 * catalogue page, a sign-in) should not evaluate them. esbuild still bundles them. Its context
 * clones then share term definitions (jsonld-shared-terms.ts: the same N-Quads, a third of the
 * time).
 */
function loadCanonicalizer() {
  canonicalizer ??= Promise.all([
    import('jsonld'),
    import('jsonld/lib/context.js'),
    import('./contexts'),
  ]).then(([jsonld, context, contexts]) => {
    shareTermDefinitions(context.default as JsonLdContextModule);
    return { jsonld: jsonld.default, documentLoader: contexts.documentLoader };
  });
  return canonicalizer;
}

/**
 * RDFC-1.0 canonical N-Quads of a JSON-LD document, in safe mode (a term that does not expand
 * fails instead of silently vanishing from what is signed). `maxWorkFactor: 1` bounds the work
 * on "poison" graphs; `signal` lets a verifier give up on hostile input.
 */
export async function canonize(document: JsonObject, signal?: AbortSignal): Promise<string> {
  const { jsonld, documentLoader } = await loadCanonicalizer();
  return jsonld.canonize(document, {
    documentLoader,
    safe: true,
    canonizeOptions: { algorithm: 'RDFC-1.0', maxWorkFactor: 1, ...(signal ? { signal } : {}) },
  });
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * hashData of the suite: SHA-256 of the canonical proof configuration followed by SHA-256 of
 * the canonical document (proof removed). The proof configuration carries the document's
 * `@context`, as the specification requires.
 */
export async function hashData(
  document: JsonObject,
  proofConfig: JsonObject,
  signal?: AbortSignal,
): Promise<Buffer> {
  const { proof: _proof, ...unsecured } = document;
  const [canonicalConfig, canonicalDocument] = await Promise.all([
    canonize({ '@context': document['@context'], ...proofConfig }, signal),
    canonize(unsecured, signal),
  ]);
  return Buffer.concat([sha256(canonicalConfig), sha256(canonicalDocument)]);
}

/**
 * Adds an `eddsa-rdfc-2022` DataIntegrityProof to `document`, signing through `sign` (the
 * KMS key). Returns the secured document; the input is not modified.
 */
export async function addProof(
  document: JsonObject,
  options: ProofOptions,
  sign: (data: Uint8Array) => Promise<Uint8Array>,
  timings?: ProofTimings,
  onHash?: (unsecured: JsonObject, proofConfig: JsonObject, data: Buffer) => void,
): Promise<JsonObject & { proof: DataIntegrityProof }> {
  const proofConfig = {
    type: 'DataIntegrityProof' as const,
    cryptosuite: 'eddsa-rdfc-2022' as const,
    created: options.created,
    verificationMethod: options.verificationMethod,
    proofPurpose: options.proofPurpose ?? 'assertionMethod',
  };
  let started = performance.now();
  const data = await hashData(document, proofConfig);
  if (timings) timings.canonicalizeMs += performance.now() - started;
  onHash?.(document, proofConfig, data);
  started = performance.now();
  const signature = await sign(data);
  if (timings) timings.signMs += performance.now() - started;
  if (signature.length !== 64)
    throw new Error(`Ed25519 signature must be 64 bytes, got ${signature.length}`);
  return { ...document, proof: { ...proofConfig, proofValue: `z${encodeBase58(signature)}` } };
}

/** Decodes a base58btc multibase proof value (`z…`) into signature bytes; null if malformed. */
export function decodeProofValue(proofValue: unknown): Uint8Array | null {
  if (typeof proofValue !== 'string' || !proofValue.startsWith('z') || proofValue.length > 200)
    return null;
  try {
    return decodeBase58(proofValue.slice(1));
  } catch {
    return null;
  }
}

const spkiPrefix = Buffer.from('302a300506032b6570032100', 'hex');
/** Parsed public keys by their raw bytes: parsing costs as much as verifying a signature. */
const publicKeys = new Map<string, KeyObject>();

/** Ed25519 public key (32 raw bytes) as the DER SubjectPublicKeyInfo node:crypto takes. */
export function ed25519KeyFromRaw(raw: Uint8Array): KeyObject {
  const id = Buffer.from(raw).toString('base64');
  let key = publicKeys.get(id);
  if (!key) {
    key = createPublicKey({ key: Buffer.concat([spkiPrefix, raw]), format: 'der', type: 'spki' });
    if (publicKeys.size >= 1_000) publicKeys.delete(publicKeys.keys().next().value!);
    publicKeys.set(id, key);
  }
  return key;
}

/**
 * Verifies an `eddsa-rdfc-2022` proof on `document` with an Ed25519 public key (raw 32 bytes).
 * Returns false for any mismatch; throws only for documents that cannot be canonicalized.
 */
export async function verifyProof(
  document: JsonObject & { proof?: unknown },
  publicKeyRaw: Uint8Array,
  hash: (document: JsonObject, proofConfig: JsonObject) => Promise<Buffer> = hashData,
): Promise<boolean> {
  const proof = document.proof as Partial<DataIntegrityProof> | undefined;
  if (!proof || proof.type !== 'DataIntegrityProof' || proof.cryptosuite !== 'eddsa-rdfc-2022') {
    return false;
  }
  const signature = decodeProofValue(proof.proofValue);
  if (!signature || signature.length !== 64 || publicKeyRaw.length !== 32) return false;
  const { proofValue: _value, ...proofConfig } = proof;
  const data = await hash(document, proofConfig);
  return verifySignature(null, data, ed25519KeyFromRaw(publicKeyRaw), signature);
}
