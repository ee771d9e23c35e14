import { DynamoDbEndorsementRepository } from '../adapters/dynamodb/endorsement-repository';
import { DynamoDbInvitationRepository } from '../adapters/dynamodb/invitation-repository';
import {
  DynamoDbApiKeyRepository,
  DynamoDbPartnerRepository,
} from '../adapters/dynamodb/partner-repository';
import {
  DynamoDbBackpackRepository,
  DynamoDbShareLinkRepository,
} from '../adapters/dynamodb/sharing-repositories';
import type { DynamoTable } from '../adapters/dynamodb/table';
import type { MicroCredentialRepository } from '../core/designs/ports';
import type { InstitutionRepository } from '../core/institutions/ports';
import type { CredentialRepository, CredentialSigner } from '../core/issuance/ports';
import type { KeyService } from '../core/keys/key-service';
import { PartnerApiKeys } from '../core/partners/api-keys';
import { EndorsementDocuments } from '../core/partners/endorsement-documents';
import { EndorsementGate } from '../core/partners/endorsement-gate';
import { EndorsementInvitations } from '../core/partners/endorsement-invitations';
import { EndorsementQueries } from '../core/partners/endorsement-queries';
import { EndorsementStatistics } from '../core/partners/endorsement-statistics';
import { EndorsementSubmission } from '../core/partners/endorsement-submission';
import { EndorsementWithdrawal } from '../core/partners/endorsement-withdrawal';
import { PartnerProfiles } from '../core/partners/partner-profiles';
import type { VerifyEndorsementCredential } from '../core/partners/ports';
import type { PublicUrls } from '../core/shared/public-urls';
import type { Clock, IdGenerator } from '../core/shared/runtime';
import { emailHash } from '../core/issuance/model';
import { Backpack } from '../core/sharing/backpack';
import { CredentialSharing } from '../core/sharing/credential-sharing';
import type { InspectCredential, NamesRecipient } from '../core/sharing/ports';
import { ShareAccess } from '../core/sharing/share-access';

/** What the partner and sharing use cases are built from. */
export interface PartnerModulesDeps {
  readonly table: DynamoTable;
  readonly institutions: InstitutionRepository;
  readonly designs: MicroCredentialRepository;
  readonly credentials: CredentialRepository;
  readonly keys: KeyService;
  readonly signer: CredentialSigner;
  readonly urls: PublicUrls;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/** What submissions and imports need of verification, as function ports. */
export interface VerificationPorts {
  readonly verifyEndorsement: VerifyEndorsementCredential;
  readonly inspect: InspectCredential;
  readonly namesRecipient: NamesRecipient;
}

/** The stores and signing ports the use cases share. */
function partnerStores(deps: PartnerModulesDeps) {
  const { table, keys, signer } = deps;
  return {
    partners: new DynamoDbPartnerRepository(table),
    endorsements: new DynamoDbEndorsementRepository(table),
    invitations: new DynamoDbInvitationRepository(table),
    shareLinks: new DynamoDbShareLinkRepository(table),
    backpack: new DynamoDbBackpackRepository(table),
    signing: {
      activeKey: (partnerId: string) =>
        keys.activeKey({ ownerKind: 'partner', ownerId: partnerId }, 'Ed25519'),
      addProof: signer.addDataIntegrityProof.bind(signer),
    },
  };
}
type PartnerStores = ReturnType<typeof partnerStores>;

/**
 * Wires partners, endorsements and sharing. Verification asks whether an endorsement was
 * withdrawn and whether a share link opens a credential, and endorsement submission and
 * backpack imports verify credentials: the use cases verification needs come first, and
 * `verifying` builds the ones that need verification, so every dependency points one way.
 */
export function partnerModules(deps: PartnerModulesDeps) {
  const { table, institutions, designs, credentials, keys, urls, clock, ids } = deps;
  const stores = partnerStores(deps);
  const services = {
    partners: new PartnerProfiles({
      partners: stores.partners,
      institutions,
      provisioningEvent: (owner, actor) => keys.provisioningEvent(owner, actor),
      clock,
      ids,
    }),
    apiKeys: new PartnerApiKeys({
      partners: stores.partners,
      apiKeys: new DynamoDbApiKeyRepository(table),
      clock,
    }),
    endorsements: new EndorsementQueries({ endorsements: stores.endorsements, clock }),
    endorsementWithdrawal: new EndorsementWithdrawal({
      endorsements: stores.endorsements,
      urls,
      clock,
      ids,
    }),
    endorsementDocuments: new EndorsementDocuments({
      endorsements: stores.endorsements,
      ...stores.signing,
      urls,
      clock,
    }),
    endorsementStatistics: new EndorsementStatistics({
      endorsements: stores.endorsements,
      designs,
      countIssued: (microCredentialId) => credentials.countByDesign(microCredentialId),
    }),
    sharing: new CredentialSharing({
      credentials,
      links: stores.shareLinks,
      emailHash,
      urls,
      clock,
      ids,
    }),
    shareAccess: new ShareAccess({ links: stores.shareLinks, clock }),
  };
  return {
    services,
    gate: new EndorsementGate({ endorsements: stores.endorsements, institutions, clock }),
    backpackStore: stores.backpack,
    verifying: (ports: VerificationPorts) => verifyingModules(deps, stores, ports),
  };
}

export type PartnerModules = ReturnType<typeof partnerModules>;

/** The use cases that verify credentials: endorsement submission (and invitations), imports. */
function verifyingModules(
  deps: PartnerModulesDeps,
  stores: PartnerStores,
  ports: VerificationPorts,
) {
  const { institutions, designs, urls, clock, ids } = deps;
  const endorsementSubmission = new EndorsementSubmission({
    endorsements: stores.endorsements,
    invitations: stores.invitations,
    partners: stores.partners,
    designs,
    institutions,
    ...stores.signing,
    verify: ports.verifyEndorsement,
    urls,
    clock,
    ids,
  });
  return {
    endorsementSubmission,
    endorsementInvitations: new EndorsementInvitations({
      invitations: stores.invitations,
      partners: stores.partners,
      designs,
      submit: (principal, input) => endorsementSubmission.submit(principal, input),
      clock,
      ids,
    }),
    backpack: new Backpack({
      backpack: stores.backpack,
      inspect: ports.inspect,
      namesRecipient: ports.namesRecipient,
      emailHash,
      clock,
      ids,
    }),
  };
}
