/*
 * The platform's modules, each built from the runtime and the stores it reads, in the order
 * their dependencies point: keys, then verification (with the partner use cases it reads),
 * then issuance, learning, stacking and the design modules.
 */
import { DynamoDbBulkJobRepository } from '../adapters/dynamodb/bulk-job-repository';
import { DynamoDbQaEndorsementRepository } from '../adapters/dynamodb/qa-endorsement-repository';
import { DynamoDbStackingHoldings } from '../adapters/dynamodb/stack-repository';
import { DynamoDbTranscriptRepository } from '../adapters/dynamodb/transcript-repository';
import { DynamoDbLearningRepository } from '../adapters/dynamodb/learning-repository';
import { S3EvidenceStore } from '../adapters/s3/s3-evidence-store';
import { KmsKeyProvisioner } from '../adapters/kms/kms-signer';
import { HttpResolver } from '../adapters/verification/http-resolver';
import { MicroCredentialService } from '../core/designs/micro-credential-service';
import { InstitutionService } from '../core/institutions/institution-service';
import { BulkJobs } from '../core/issuance/bulk-jobs';
import { BulkJobProcessor } from '../core/issuance/bulk-processing';
import { CredentialMinting } from '../core/issuance/credential-minting';
import { CredentialStatusChanges } from '../core/issuance/credential-status';
import { IssueCredential } from '../core/issuance/issue-credential';
import { IssuedCredentials } from '../core/issuance/issued-credentials';
import { Assessment } from '../core/learning/assessment';
import { EnrolmentAward } from '../core/learning/award';
import { Enrolments } from '../core/learning/enrolment';
import { Evidence } from '../core/learning/evidence';
import { StatusListService } from '../core/credential/status-list';
import { ed25519RawFromSpki } from '../core/keys/model';
import { KeyService } from '../core/keys/key-service';
import type { ActiveSigningKey, PublishedKeys } from '../core/keys/ports';
import { DesignPublication } from '../core/qa/publication';
import { QaEndorsements } from '../core/qa/qa-endorsement';
import { QaReporting } from '../core/qa/reporting';
import { ReviewGovernance } from '../core/qa/review-governance';
import { ReviewLifecycle } from '../core/qa/review-lifecycle';
import { QaWorkflowAdmin } from '../core/qa/workflow-admin';
import { Pathways } from '../core/stacking/pathways';
import { StackAwards } from '../core/stacking/stack-awards';
import { StackDefinitions } from '../core/stacking/stack-definitions';
import { Transcripts } from '../core/stacking/transcripts';
import { LearnerWallets } from '../core/stacking/wallet';
import { recipientMatch } from '../core/verification/recipient-match';
import { VerificationService } from '../core/verification/verification-service';
import { EventService } from '../core/institutions/event-service';
import { partnerModules, type PartnerModules } from './partners';
import { verificationPorts } from './verification';
import type { Runtime, Stores } from './runtime';

/**
 * Signing keys and status lists. Only the worker may create keys (kms:CreateKey is a narrower
 * grant than kms:Sign), so only its container gets a key provisioner. Other modules reach the
 * keys through one narrow function each (see keys/ports.ts).
 */
export function keyModules(rt: Runtime, stores: Stores) {
  const { config, clients, clock, ids, urls, signer } = rt;
  const keys = new KeyService({
    keys: stores.signingKeys,
    provisioner:
      rt.role === 'worker'
        ? new KmsKeyProvisioner(clients.kms, config.KMS_ALIAS_PREFIX, {
            'tessera:stage': config.STAGE,
          })
        : undefined,
    clock,
    ids,
  });
  const activeKey: ActiveSigningKey = (owner, algorithm) => keys.activeKey(owner, algorithm);
  const publishedKeys: PublishedKeys = (owner) => keys.publicKeys(owner);
  const statusLists = new StatusListService({
    lists: stores.statusLists,
    signer,
    urls,
    clock,
    activeKey: (institutionId) =>
      activeKey({ ownerKind: 'institution', ownerId: institutionId }, 'Ed25519'),
  });
  return { keys, activeKey, publishedKeys, statusLists };
}
export type KeyModules = ReturnType<typeof keyModules>;

/**
 * Verification reads withdrawals and share links through use cases built before it from their
 * stores alone; the use cases that verify (submission, imports) are built after it, so every
 * dependency points one way.
 */
export function verificationModules(rt: Runtime, stores: Stores, keyed: KeyModules) {
  const { config, table, urls, clock } = rt;
  const partnerSide = partnerModules({
    table,
    institutions: stores.institutions,
    designs: stores.designs,
    credentials: stores.credentials,
    keys: keyed.keys,
    signer: rt.signer,
    urls,
    clock,
    ids: rt.ids,
  });
  const { endorsementWithdrawal, shareAccess } = partnerSide.services;
  const verification = new VerificationService({
    ...verificationPorts(
      {
        credentials: stores.credentials,
        keys: stores.signingKeys,
        snapshots: stores.qa,
        statusLists: keyed.statusLists,
        withdrawn: (credentialId, issuerId) =>
          endorsementWithdrawal.isWithdrawn(credentialId, issuerId),
      },
      rt.proofs,
      { writes: () => table.writes },
      urls,
    ),
    proofs: rt.proofs,
    remote: new HttpResolver({ allowHttp: config.STAGE === 'local' || config.STAGE === 'test' }),
    urls,
    clock,
    canSee: async (record, token) => (await shareAccess.access(record, token)).allowed,
  });
  const verifying = partnerSide.verifying({
    verifyEndorsement: (credential) =>
      verification.verifyPresented({ format: 'JSON-LD', credential }),
    inspect: (input) => verification.inspect(input),
    namesRecipient: (credential, email) => recipientMatch(credential, email) === 'MATCH',
  });
  return { verification, partnerSide, verifying };
}

/** Issuing, reading and changing the status of credentials, one by one and in bulk. */
export function issuanceModules(
  rt: Runtime,
  stores: Stores,
  keyed: KeyModules,
  partnerSide: PartnerModules,
) {
  const { signer, urls, clock, ids } = rt;
  const { credentials, designs } = stores;
  const qaEndorsements = new QaEndorsements({
    snapshots: stores.qa,
    institutions: stores.institutions,
    endorsements: new DynamoDbQaEndorsementRepository(rt.table),
    sign: async (institutionId, unsigned, created) => {
      const owner = { ownerKind: 'institution', ownerId: institutionId } as const;
      const key = await keyed.activeKey(owner, 'Ed25519');
      const verificationMethod = urls.verificationMethod('institution', institutionId, key.keyId);
      return signer.addDataIntegrityProof(
        unsigned,
        { keyRef: key.keyRef, verificationMethod },
        created,
      );
    },
    urls,
    clock,
  });
  const issuing = new IssueCredential({
    designs,
    credentials,
    statusLists: stores.statusLists,
    minting: new CredentialMinting({
      institutions: stores.institutions,
      snapshots: stores.qa,
      activeKey: keyed.activeKey,
      signer,
      verifyIssuedProof: (credential, key) =>
        signer.verifyDataIntegrityProof(
          credential,
          ed25519RawFromSpki(Buffer.from(key.publicKeySpki, 'base64')),
        ),
      urls,
      ids,
      endorsements: (microCredentialId, designVersion) =>
        partnerSide.services.endorsementDocuments.credentialsFor(microCredentialId, designVersion),
      qaEndorsement: (microCredentialId, designVersion) =>
        qaEndorsements.ensure(microCredentialId, designVersion),
    }),
    clock,
    ids,
  });
  const bulkJobStore = new DynamoDbBulkJobRepository(rt.table);
  return {
    issuing,
    qaEndorsements,
    issued: new IssuedCredentials({ credentials }),
    credentialStatus: new CredentialStatusChanges({ credentials, clock, ids }),
    bulk: new BulkJobProcessor({ jobs: bulkJobStore, issuing, clock, ids }),
    bulkJobs: new BulkJobs({ jobs: bulkJobStore, designs, clock, ids }),
  };
}
export type IssuanceModules = ReturnType<typeof issuanceModules>;

/** Enrolment, evidence, assessment and the award that issues the credential. */
export function learningModules(rt: Runtime, stores: Stores, issuance: IssuanceModules) {
  const { urls, clock, ids } = rt;
  const learningStore = new DynamoDbLearningRepository(rt.table);
  return {
    enrolments: new Enrolments({
      learning: learningStore,
      designs: stores.designs,
      clock,
      ids,
      isStackTarget: async (microCredentialId) =>
        (await stores.stacks.listByTarget(microCredentialId, true)).some(
          (stack) => stack.status !== 'RETIRED',
        ),
    }),
    evidence: new Evidence({
      learning: learningStore,
      store: new S3EvidenceStore(rt.clients.s3, rt.config.EVIDENCE_BUCKET),
      clock,
      ids,
    }),
    assessment: new Assessment({ learning: learningStore, designs: stores.designs, clock, ids }),
    award: new EnrolmentAward({
      learning: learningStore,
      designs: stores.designs,
      issue: (request) => issuance.issuing.issueFor(request),
      findCredential: (credentialId) => issuance.issued.find(credentialId),
      urls,
      clock,
      ids,
    }),
  };
}

/** Stacks, their awards, pathways and CLR transcripts. */
export function stackingModules(
  rt: Runtime,
  stores: Stores,
  keyed: KeyModules,
  issuance: IssuanceModules,
  verification: VerificationService,
  backpack: PartnerModules['backpackStore'],
) {
  const { urls, clock, ids } = rt;
  const { credentials, designs } = stores;
  const wallets = new LearnerWallets({ credentials, imports: backpack, urls, clock });
  return {
    stackAwards: new StackAwards({
      stacks: stores.stacks,
      designs,
      credentials,
      holdings: new DynamoDbStackingHoldings(rt.table),
      wallets,
      issueStacked: (request) => issuance.issuing.issueFor(request),
      revokeStacked: (id, reason) => issuance.credentialStatus.revokeAsPlatform(id, reason),
      flagRevokedPart: (id, part) => issuance.credentialStatus.flagPart(id, part),
      verifyImported: async (presented) => (await verification.verify(presented)).verified,
    }),
    stacks: new StackDefinitions({
      stacks: stores.stacks,
      designs,
      institutions: stores.institutions,
      clock,
      ids,
    }),
    pathways: new Pathways({ stacks: stores.stacks, wallets }),
    transcripts: new Transcripts({
      stacks: stores.stacks,
      credentials,
      wallets,
      transcripts: new DynamoDbTranscriptRepository(rt.table),
      activeKey: keyed.activeKey,
      provisionKeys: (owner) => keyed.keys.ensureProvisioned(owner),
      signer: rt.signer,
      urls,
      clock,
      ids,
    }),
  };
}

/** Institutions, designs and their QA review, up to publication. */
export function designModules(
  rt: Runtime,
  stores: Stores,
  keyed: KeyModules,
  partnerSide: PartnerModules,
) {
  const { clock, ids } = rt;
  const { designs, qa, institutions } = stores;
  return {
    institutions: new InstitutionService({
      institutions,
      clock,
      ids,
      creationEvents: (institution, actor) => [
        keyed.keys.provisioningEvent({ ownerKind: 'institution', ownerId: institution.id }, actor),
      ],
    }),
    microCredentials: new MicroCredentialService({
      designs,
      institutionExists: async (institutionId) => (await institutions.get(institutionId)) !== null,
      clock,
      ids,
      isLinkedPartner: (principal, institutionId) =>
        partnerSide.services.partners.isLinkedPartner(principal, institutionId),
    }),
    qa: {
      workflows: new QaWorkflowAdmin({ workflows: qa, clock }),
      lifecycle: new ReviewLifecycle({
        designs,
        workflows: qa,
        reviews: qa,
        unitOfWork: qa,
        clock,
        ids,
      }),
      publication: new DesignPublication({
        designs,
        unitOfWork: qa,
        clock,
        ids,
        endorsementGate: (design) => partnerSide.gate.gate(design.id, design.institutionId),
      }),
      reporting: new QaReporting({ reviews: qa, clock }),
      governance: new ReviewGovernance({ designs, reviews: qa, unitOfWork: qa, clock, ids }),
    },
    events: new EventService(qa),
  };
}
