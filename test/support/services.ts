import { randomUUID } from 'node:crypto';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { inject } from 'vitest';
import { loadConfig } from '../../functions/composition/config';
import { createContainer, type Container } from '../../functions/composition/container';
import type {
  PartnerPrincipal,
  Principal,
  Role,
  UserPrincipal,
} from '../../functions/core/auth/principal';
import type { Clock } from '../../functions/core/shared/runtime';
import type { Services } from '../../graphql/context';
import {
  ensureTable,
  localCredentials,
  localDynamoDbClient,
  localRegion,
} from '../../infra/local/dynamodb';
import { localS3Credentials, startObjectStorage } from '../../infra/local/object-storage';
import { sampleReviewFields } from '../../infra/local/portal-flows';
import { startStreamPoller } from '../../infra/local/stream-poller';
import { emulateTransactionConflicts } from '../../infra/local/transaction-conflicts';
import { createWorkerHandler } from '../../functions/handlers/worker-handler';
import { designInput, institutionInput } from './builders';

/** What a test may say about the person a principal stands for (as the dev tokens carry it). */
export interface PrincipalOptions {
  readonly institutionId?: string;
  readonly qaRoles?: string[];
  readonly assessedDesigns?: string[];
  readonly subject?: string;
  readonly email?: string;
  readonly partnerId?: string;
}

/** The principals of an institution's QA flow: its issuer admin and a reviewer per QA role. */
export interface QaPrincipals {
  readonly admin: UserPrincipal;
  reviewerFor(role: string): UserPrincipal;
}

export interface TestServices {
  /** The API function's container; `services` are its use cases. */
  readonly container: Container;
  readonly services: Services;
  /** The worker function's container (its reactions run on the table's stream). */
  readonly worker: Container;
  readonly tableName: string;
  /** A signed-in person holding `role`, as the authenticator makes one of a dev token. */
  as(role: Role, options?: PrincipalOptions): UserPrincipal;
  qaPrincipals(institutionId: string): QaPrincipals;
  /** Creates an institution as a platform admin and returns its id. */
  createInstitution(overrides?: Record<string, unknown>): Promise<string>;
  /**
   * An industry partner linked to the institution, with the principal of its API key (created
   * once per institution and reused).
   */
  partnerFor(
    institutionId: string,
  ): Promise<{ partnerId: string; apiKey: string; principal: PartnerPrincipal; admin: Principal }>;
  /**
   * An institution (keys provisioned) with a design taken through QA, endorsed and published,
   * and the principals of its QA flow.
   */
  publishedDesign(
    overrides?: Record<string, unknown>,
    institutionId?: string,
  ): Promise<{ institutionId: string; designId: string; qa: QaPrincipals }>;
  /** Waits until the worker has handled every event written so far. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The composition root without HTTP: the same containers the API and the worker run, on a
 * table of their own in the run's DynamoDB Local and on the run's KMS endpoint, with the stream
 * worker fed as locally. Object storage starts only when a use case first touches S3.
 */
export async function startTestServices(options: { clock?: Clock } = {}): Promise<TestServices> {
  const stops: (() => Promise<void>)[] = [];
  const dynamodbEndpoint = inject('dynamodbEndpoint');
  const kmsEndpoint = inject('kmsEndpoint');
  const config = loadConfig({
    STAGE: 'test',
    AWS_REGION: localRegion,
    TABLE_NAME: `service-${randomUUID()}`,
    // Nothing listens here: the service tier mints URLs but never serves them.
    PUBLIC_BASE_URL: 'http://127.0.0.1:9',
    AUTH_JWKS_URL: 'http://127.0.0.1:9/.well-known/jwks.json',
    AUTH_ISSUER: 'tessera-test',
    DYNAMODB_ENDPOINT: dynamodbEndpoint,
    KMS_ENDPOINT: kmsEndpoint,
    LOG_LEVEL: 'ERROR',
  });
  const dynamodb = localDynamoDbClient(dynamodbEndpoint);
  emulateTransactionConflicts(dynamodb);
  const kms = new KMSClient({
    endpoint: kmsEndpoint,
    region: localRegion,
    credentials: localCredentials,
  });
  const s3 = async () => {
    const objects = await startObjectStorage({ buckets: [config.EVIDENCE_BUCKET] });
    const client = new S3Client({
      endpoint: objects.endpoint,
      region: localRegion,
      credentials: localS3Credentials,
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    stops.push(async () => {
      client.destroy();
      await objects.stop();
    });
    return client;
  };
  stops.push(() => {
    dynamodb.destroy();
    kms.destroy();
    return Promise.resolve();
  });
  await ensureTable(dynamodb, config.TABLE_NAME);
  const clients = { dynamodb, kms, s3, clock: options.clock };
  const container = createContainer(config, { ...clients, role: 'api' });
  const worker = createContainer(config, { ...clients, role: 'worker' });
  const workerHandler = createWorkerHandler({
    reactions: worker.reactions,
    log: { error: (message, details) => worker.logger.error(message, details) },
  });
  const poller = await startStreamPoller({
    dynamodb,
    endpoint: dynamodbEndpoint,
    tableName: config.TABLE_NAME,
    handler: (event) => workerHandler(event),
    log: (message, details) => worker.logger.error(message, { details }),
  });
  stops.push(() => poller.stop());

  const { services } = container;
  const as: TestServices['as'] = (role, options = {}) => {
    const subject = options.subject ?? `local-${role}-${randomUUID().slice(0, 8)}`;
    return {
      kind: 'user',
      userId: subject,
      email: options.email ?? `${subject}@example.test`,
      emailVerified: true,
      name: `Local ${role}`,
      roles: [role],
      institutionId: options.institutionId,
      partnerId: options.partnerId,
      qaRoles: options.qaRoles ?? [],
      ...(options.assessedDesigns?.length ? { assessedDesigns: options.assessedDesigns } : {}),
    };
  };
  const qaPrincipals: TestServices['qaPrincipals'] = (institutionId) => ({
    admin: as('issuer-admin', { institutionId, subject: `author-${institutionId}` }),
    reviewerFor: (role) =>
      as('qa-reviewer', { institutionId, qaRoles: [role], subject: `reviewer-${role}` }),
  });
  const partners = new Map<string, ReturnType<TestServices['partnerFor']>>();
  const testServices: TestServices = {
    container,
    services,
    worker,
    tableName: config.TABLE_NAME,
    as,
    qaPrincipals,
    async createInstitution(overrides = {}) {
      const institution = await services.institutions.create(
        as('platform-admin'),
        institutionInput(overrides),
      );
      return institution.id;
    },
    partnerFor(institutionId) {
      let partner = partners.get(institutionId);
      if (!partner) {
        partner = linkedPartner(testServices, institutionId);
        partners.set(institutionId, partner);
      }
      return partner;
    },
    async publishedDesign(overrides = {}, existing) {
      const institutionId = existing ?? (await testServices.createInstitution());
      const qa = qaPrincipals(institutionId);
      const design = await services.microCredentials.create(
        qa.admin,
        designInput(institutionId, overrides),
      );
      await approveDesign(services, design.id, qa);
      const partner = await testServices.partnerFor(institutionId);
      await services.endorsementSubmission.submit(partner.principal, {
        microCredentialId: design.id,
        comment: 'Graduates of this micro-credential lead our ward teams with confidence.',
        competencies: ['Lead a team'],
      });
      const approved = await services.microCredentials.get(qa.admin, design.id);
      await services.qa.publication.publish(qa.admin, design.id, approved.version);
      await poller.drain();
      return { institutionId, designId: design.id, qa };
    },
    drain: () => poller.drain(),
    async stop() {
      for (const stopOne of stops.reverse()) await stopOne().catch(() => undefined);
    },
  };
  return testServices;
}

/** Submits a design and approves every step in order, as the portal's QA flow does. */
async function approveDesign(services: Services, designId: string, qa: QaPrincipals) {
  const design = await services.microCredentials.get(qa.admin, designId);
  let review = await services.qa.lifecycle.submit(qa.admin, designId, design.version, {
    fields: sampleReviewFields,
    comment: 'Ready for review.',
  });
  while (review.status === 'IN_PROGRESS') {
    const step = review.steps[review.currentStepIndex]!;
    review = await services.qa.lifecycle.decide(qa.reviewerFor(step.role), review.id, {
      stepKey: step.key,
      outcome: 'APPROVE',
      comment: 'Meets the framework.',
    });
  }
  return review;
}

/** A partner linked to the institution and the principal its API key authenticates as. */
async function linkedPartner(t: TestServices, institutionId: string) {
  const { services } = t;
  const partner = await services.partners.create(t.qaPrincipals(institutionId).admin, {
    institutionId,
    name: 'Lakeshore Health Network',
    url: 'https://lakeshore-health.example.com',
    description: 'A regional employer of clinical and administrative staff.',
  });
  const admin = t.as('partner-admin', {
    subject: `partner-admin-${partner.id}`,
    partnerId: partner.id,
  });
  const { secret } = await services.apiKeys.create(admin, partner.id, {
    name: 'HR integration',
    scopes: ['endorsements:write', 'endorsements:read'],
  });
  // The key goes through the same authentication a request carrying it does.
  const principal = await services.apiKeys.authenticate({
    apiKey: secret,
    sourceIp: '127.0.0.1',
  });
  await t.drain();
  return { partnerId: partner.id, apiKey: secret, principal, admin };
}
