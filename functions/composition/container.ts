import { Logger } from '@aws-lambda-powertools/logger';
import type { Services } from '../../graphql/context';
import { JwtAuthenticator } from '../adapters/auth/jwt-authenticator';
import { rasteriseSvg } from '../adapters/images/svg-rasteriser';
import type { Authenticator } from '../core/auth/ports';
import type { BulkJobProcessor } from '../core/issuance/bulk-processing';
import { PublicDocuments } from '../core/issuance/public-documents';
import { PublicStacks } from '../core/stacking/public-stacks';
import type { StackAwards } from '../core/stacking/stack-awards';
import type { VerificationService } from '../core/verification/verification-service';
import type { PublicUrls } from '../core/shared/public-urls';
import type { Clock } from '../core/shared/runtime';
import type { EventDispatcher } from '../core/worker/event-dispatcher';
import { platformReactions } from '../core/worker/reactions';
import type { Config } from './config';
import {
  designModules,
  issuanceModules,
  keyModules,
  learningModules,
  stackingModules,
  verificationModules,
  type IssuanceModules,
  type KeyModules,
} from './modules';
import { notificationModules, type NotificationModules } from './notifications';
import type { PartnerModules } from './partners';
import { identityDirectoryOf, peopleModules } from './people';
import {
  runtimeOf,
  storesOf,
  type AwsClients,
  type ContainerOverrides,
  type Runtime,
  type Stores,
} from './runtime';

export { createAwsClients } from './runtime';
export type { AwsClients, ContainerOverrides, FunctionRole } from './runtime';

/** Everything a handler needs, wired from validated configuration. */
export interface Container {
  readonly config: Config;
  readonly services: Services;
  readonly reactions: EventDispatcher;
  readonly authenticator: Authenticator;
  readonly urls: PublicUrls;
  readonly logger: Logger;
  /** The one clock every service uses, for handlers that show "now" (the credential page). */
  readonly clock: Clock;
  readonly clients: AwsClients;
  /** Use cases only the worker runs, for tests that drive them directly. */
  readonly workerUseCases: { readonly stackAwards: StackAwards; readonly bulk: BulkJobProcessor };
  /** Messages, webhook deliveries and reminders (the delivery and schedule functions run these). */
  readonly notifications: NotificationModules;
  /** Cumulative proof timings (canonicalization vs signing), for the benchmarks. */
  readonly proofTimings: { canonicalizeMs: number; signMs: number };
}

interface Built {
  readonly notifications: NotificationModules;
  readonly keyed: KeyModules;
  readonly verification: VerificationService;
  readonly partnerSide: PartnerModules;
  readonly verifying: ReturnType<PartnerModules['verifying']>;
  readonly issuance: IssuanceModules;
  readonly learning: ReturnType<typeof learningModules>;
  readonly stacking: ReturnType<typeof stackingModules>;
  readonly identityDirectory?: ContainerOverrides['identityDirectory'];
}

/** The use cases the API and the public pages call, by the names the resolvers use. */
function servicesOf(rt: Runtime, stores: Stores, built: Built): Services {
  const { keyed, issuance, stacking, partnerSide } = built;
  const designs = designModules(rt, stores, keyed, partnerSide);
  return {
    ...designs,
    people: peopleModules(
      rt,
      identityDirectoryOf(rt, built.identityDirectory),
      designs.institutions,
      partnerSide.services.partners,
    ),
    keys: keyed.keys,
    issuing: issuance.issuing,
    credentials: issuance.issued,
    credentialStatus: issuance.credentialStatus,
    statusLists: keyed.statusLists,
    bulkJobs: issuance.bulkJobs,
    publicDocuments: new PublicDocuments({
      institutions: stores.institutions,
      designs: stores.designs,
      snapshots: stores.qa,
      publishedKeys: keyed.publishedKeys,
      urls: rt.urls,
      qaEndorsement: (id, version) => issuance.qaEndorsements.find(id, version),
      rasterise: (svg) => rasteriseSvg(svg),
    }),
    qaEndorsements: issuance.qaEndorsements,
    verification: built.verification,
    ...partnerSide.services,
    ...built.verifying,
    learning: built.learning,
    stacks: stacking.stacks,
    pathways: stacking.pathways,
    publicStacks: new PublicStacks({ stacks: stores.stacks }),
    transcripts: stacking.transcripts,
    notifications: {
      webhooks: built.notifications.webhooks,
      preferences: built.notifications.preferences,
    },
  };
}

/** The worker's reactions, each bound to the one use case it triggers. */
function reactionsOf(
  stores: Stores,
  keyed: KeyModules,
  issuance: IssuanceModules,
  learning: Built['learning'],
  stackAwards: Built['stacking']['stackAwards'],
): EventDispatcher {
  return platformReactions({
    provisionKeys: (owner, generation) => keyed.keys.provision(owner, generation),
    republishStatusList: (institutionId, purpose, listNumber) =>
      keyed.statusLists.publish(institutionId, purpose, listNumber),
    processBulkJob: (jobId, deadline) => issuance.bulk.process(jobId, deadline),
    awardEnrolment: (enrolmentId) => learning.award.award(enrolmentId),
    credential: (id) => stores.credentials.get(id),
    evaluateStacks: (learnerEmailHash, partKeys, just) =>
      stackAwards.evaluate(learnerEmailHash, partKeys, just),
    stackPartRevoked: (revoked) => stackAwards.partRevoked(revoked),
    backfillStack: (stackId) => stackAwards.backfill(stackId),
    stackTargetPublished: (microCredentialId, publishedAt) =>
      stackAwards.targetPublished(microCredentialId, publishedAt),
    issueQaEndorsement: (microCredentialId, designVersion) =>
      issuance.qaEndorsements.ensure(microCredentialId, designVersion),
  });
}

/** The composition root: the only place adapters are chosen and wired into the core. */
export function createContainer(config: Config, overrides: ContainerOverrides = {}): Container {
  const rt = runtimeOf(config, overrides);
  const logger =
    overrides.logger ??
    new Logger({ serviceName: `tessera-${rt.role}`, logLevel: config.LOG_LEVEL });
  const stores = storesOf(rt.table);
  const keyed = keyModules(rt, stores);
  const { verification, partnerSide, verifying } = verificationModules(rt, stores, keyed);
  const issuance = issuanceModules(rt, stores, keyed, partnerSide);
  const learning = learningModules(rt, stores, issuance);
  const stacking = stackingModules(
    rt,
    stores,
    keyed,
    issuance,
    verification,
    partnerSide.backpackStore,
  );
  const notifications = notificationModules(rt, stores, overrides.deliveryQueue);
  const services: Services = servicesOf(rt, stores, {
    notifications,
    keyed,
    verification,
    partnerSide,
    verifying,
    issuance,
    learning,
    stacking,
    identityDirectory: overrides.identityDirectory,
  });
  const reactions = reactionsOf(stores, keyed, issuance, learning, stacking.stackAwards).onEvery(
    async (event) => {
      await notifications.events.handle(event);
      await notifications.reminders.schedule(event);
    },
  );
  return {
    config,
    services,
    reactions,
    authenticator: new JwtAuthenticator({
      apiKeys: partnerSide.services.apiKeys,
      jwksUrl: config.AUTH_JWKS_URL,
      issuer: config.AUTH_ISSUER,
      audiences: config.AUTH_AUDIENCE?.split(',')
        .map((audience) => audience.trim())
        .filter(Boolean),
    }),
    urls: rt.urls,
    logger,
    clock: rt.clock,
    clients: rt.clients,
    workerUseCases: { stackAwards: stacking.stackAwards, bulk: issuance.bulk },
    notifications,
    proofTimings: rt.signer.timings,
  };
}
