/**
 * Verification's ports, wired from the platform's stores and wrapped in their caches. Kept
 * beside the container so that it reads as a list of modules; what is cached and for how long
 * is said in `core/verification/caches.ts`.
 */
import { isApprovedSnapshot } from '../core/designs/model';
import type { CredentialRepository } from '../core/issuance/ports';
import type { StatusListService } from '../core/credential/status-list';
import type { KeyRepository } from '../core/keys/ports';
import type { DesignUnitOfWork } from '../core/qa/ports';
import {
  cachingApprovals,
  CachingStoredCredentials,
  cachingPlatformKeys,
  cachingWithdrawals,
  FrozenDocuments,
  rememberingSignatures,
  type VerificationCacheOptions,
} from '../core/verification/caches';
import type { CredentialVerifierDeps } from '../core/verification/credential-verifier';
import type {
  ApprovalLookup,
  StoredCredentials,
  WithdrawalLookup,
} from '../core/verification/ports';
import { signatureCheckOf } from '../core/verification/proof-checks';
import type { PublicUrls } from '../core/shared/public-urls';
import type { JsonObject } from '../core/credential/document';

/**
 * The proof verifier's memo of hashData, when it has one (`CachingProofVerifier`): records of
 * credentials issued here carry the hashData computed at signing, which it is given.
 */
interface StoredHashMemo {
  rememberSecured(credential: JsonObject, proofHash: string): void;
  useStoredHashes(prime: (document: JsonObject) => Promise<void>): void;
}

/** What verification reads from the rest of the platform. */
export interface VerificationSources {
  readonly credentials: CredentialRepository;
  readonly keys: Pick<KeyRepository, 'list'>;
  readonly snapshots: Pick<DesignUnitOfWork, 'getSnapshot'>;
  readonly statusLists: Pick<StatusListService, 'get'>;
  readonly withdrawn: WithdrawalLookup;
}

type VerificationPorts = Pick<
  CredentialVerifierDeps,
  'records' | 'platformKeys' | 'approvals' | 'ownStatusList' | 'withdrawn' | 'signatures'
>;

/**
 * The ports of verification over `sources`, each behind its cache. Issuer keys are reused for
 * 1 s, withdrawals for 5 s, a credential's record state for 100 ms, and none past a write of this
 * process; signed JSON, approvals and signature checks of stored credentials for good.
 */
export function verificationPorts(
  sources: VerificationSources,
  proofs: CredentialVerifierDeps['proofs'] & Partial<StoredHashMemo>,
  cache: VerificationCacheOptions,
  urls?: PublicUrls,
): VerificationPorts {
  const frozen = new FrozenDocuments();
  const records = new CachingStoredCredentials(
    storedCredentials(sources.credentials, proofs),
    frozen,
    cache,
  );
  if (urls) proofs.useStoredHashes?.(primeStoredHash(records, urls));
  return {
    records,
    platformKeys: cachingPlatformKeys((owner) => sources.keys.list(owner), cache),
    approvals: cachingApprovals(approvals(sources.snapshots)),
    ownStatusList: async (institutionId, purpose, listNumber) =>
      (await sources.statusLists.get(institutionId, purpose, listNumber))?.credential ?? null,
    withdrawn: cachingWithdrawals(sources.withdrawn, cache),
    signatures: rememberingSignatures(signatureCheckOf(proofs), frozen),
  };
}

function storedCredentials(
  credentials: CredentialRepository,
  proofs: Partial<StoredHashMemo>,
): StoredCredentials {
  return {
    async get(id) {
      const record = await credentials.get(id);
      if (!record) return null;
      const { credential, jwt: _jwt, proofHash, ...state } = record;
      if (proofHash) proofs.rememberSecured?.(credential, proofHash);
      return { state, credential };
    },
    getState: (id) => credentials.getState(id),
  };
}

/**
 * Before canonicalizing a presented document that names a credential of this platform, reads
 * that credential's record (once per process; the signed JSON is kept), which gives the proof
 * verifier the hashData stored at signing. It is used only if the presented JSON is exactly the
 * stored one, so reading it reveals nothing; a failed read just leaves canonicalization to run.
 */
function primeStoredHash(records: StoredCredentials, urls: PublicUrls) {
  return async (document: JsonObject) => {
    const id = typeof document.id === 'string' ? urls.parseCredentialUrl(document.id) : null;
    if (!id || !/^[A-Za-z0-9_-]{1,100}$/.test(id)) return;
    try {
      await records.get(id);
    } catch {
      // Canonicalizing is the way that needs no storage.
    }
  };
}

/** The QA approval of a design version, from its snapshot. */
function approvals(snapshots: Pick<DesignUnitOfWork, 'getSnapshot'>): ApprovalLookup {
  return async (microCredentialId, designVersion) => {
    const snapshot = await snapshots.getSnapshot(microCredentialId, designVersion);
    const qa = snapshot?.qualityAssurance;
    if (!snapshot || !isApprovedSnapshot(snapshot.status) || !qa) return null;
    return {
      designVersion: snapshot.designVersion,
      workflowName: qa.workflowName,
      steps: qa.steps.length,
      approvedAt: qa.approvedAt,
    };
  };
}
