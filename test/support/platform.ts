import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import type { Role } from '../../functions/core/auth/principal';
import type { Clock } from '../../functions/core/shared/runtime';
import { GraphQLClient, type Caller } from '../../infra/local/graphql-client';
import {
  approveDesign,
  createApiKey,
  createPartner,
  endorseDesign,
  operations,
  publishDesign,
  type QaCallers,
} from '../../infra/local/portal-flows';
import { startPlatform, type RunningPlatform } from '../../infra/local/platform';
import type { StageThrottle } from '../../infra/stage';
import { designInput, institutionInput } from './builders';
import { CapturingLogger } from './log-sink';

export interface TestPlatform {
  readonly platform: RunningPlatform;
  readonly api: GraphQLClient;
  /** A caller holding `role` (scoped to `institutionId` where given). */
  as(
    role: Role,
    options?: {
      institutionId?: string;
      qaRoles?: string[];
      assessedDesigns?: string[];
      subject?: string;
      email?: string;
      partnerId?: string;
    },
  ): Promise<Caller>;
  /** Callers for an institution's QA flow: its issuer admin and a reviewer per QA role. */
  qaCallers(institutionId: string): Promise<QaCallers>;
  /**
   * An institution (keys provisioned) with a design taken through QA and published, and the
   * callers of its QA flow.
   */
  publishedDesign(
    overrides?: Record<string, unknown>,
    institutionId?: string,
  ): Promise<{ institutionId: string; designId: string; qa: QaCallers }>;
  /**
   * An industry partner linked to the institution, with an API key (created once per
   * institution and reused).
   */
  partnerFor(institutionId: string): Promise<{ partnerId: string; apiKey: string; admin: Caller }>;
  /** Creates an institution as a platform admin and returns its id. */
  createInstitution(overrides?: Record<string, unknown>): Promise<string>;
  /** The messages of the errors logged so far, with `captureErrors`. */
  loggedErrors(): string[];
  stop(): Promise<void>;
}

/**
 * The whole platform on an ephemeral loopback port, on the run's DynamoDB Local with a table of
 * its own, reached over real HTTP.
 */
export async function startTestPlatform(
  options: {
    clock?: Clock;
    rateLimitsPerMinute?: { anonymous?: number; user?: number; partner?: number };
    stageThrottle?: StageThrottle;
    clientThrottle?: StageThrottle;
    /** `SILENT` for tests whose faults make the worker log errors on purpose. */
    logLevel?: 'ERROR' | 'SILENT';
    /** Keeps the errors the functions log (`loggedErrors`) instead of printing them. */
    captureErrors?: boolean;
  } = {},
): Promise<TestPlatform> {
  const logger = options.captureErrors ? new CapturingLogger() : undefined;
  const platform = await startPlatform({
    logger,
    port: 0,
    dynamodbEndpoint: inject('dynamodbEndpoint'),
    tableName: `e2e-${randomUUID()}`,
    logLevel: options.logLevel ?? 'ERROR',
    clock: options.clock,
    // Tests drive the API far faster than people do; only the protection tests set real limits.
    rateLimitsPerMinute: options.rateLimitsPerMinute ?? {
      anonymous: 1_000_000,
      user: 1_000_000,
      partner: 1_000_000,
    },
    stageThrottle: options.stageThrottle ?? { rateLimit: 1_000_000, burstLimit: 1_000_000 },
    clientThrottle: options.clientThrottle ?? { rateLimit: 1_000_000, burstLimit: 1_000_000 },
    // Invitations stay in the issuer's outbox (tests sign in with their codes), off the console.
    deliverIdentityMessage: () => undefined,
  });
  const api = new GraphQLClient(`${platform.url}/graphql`);
  const as: TestPlatform['as'] = async (role, options = {}) => ({
    token: await platform.identity.mint({
      role,
      institutionId: options.institutionId,
      qaRoles: options.qaRoles,
      assessedDesigns: options.assessedDesigns,
      subject: options.subject,
      email: options.email,
      partnerId: options.partnerId,
    }),
  });
  const partners = new Map<string, Promise<{ partnerId: string; apiKey: string; admin: Caller }>>();
  const testPlatform: TestPlatform = {
    platform,
    api,
    as,
    async createInstitution(overrides = {}) {
      const data = await api.call<{ createInstitution: { id: string } }>(
        'mutation ($input: CreateInstitutionInput!) { createInstitution(input: $input) { id } }',
        { input: institutionInput(overrides) },
        await as('platform-admin'),
      );
      return data.createInstitution.id;
    },
    async qaCallers(institutionId) {
      return {
        admin: await as('issuer-admin', { institutionId, subject: `author-${institutionId}` }),
        reviewerFor: (role: string) =>
          as('qa-reviewer', { institutionId, qaRoles: [role], subject: `reviewer-${role}` }),
      };
    },
    async publishedDesign(overrides = {}, existing) {
      const institutionId = existing ?? (await testPlatform.createInstitution());
      const qa = await testPlatform.qaCallers(institutionId);
      const { createMicroCredential } = await api.call<{ createMicroCredential: { id: string } }>(
        operations.createDesign,
        { input: designInput(institutionId, overrides) },
        qa.admin,
      );
      await approveDesign(api, createMicroCredential.id, qa);
      const partner = await testPlatform.partnerFor(institutionId);
      await endorseDesign(api, createMicroCredential.id, partner.apiKey);
      await publishDesign(api, createMicroCredential.id, qa.admin);
      await platform.drain();
      return { institutionId, designId: createMicroCredential.id, qa };
    },
    partnerFor(institutionId) {
      let partner = partners.get(institutionId);
      if (!partner) {
        partner = (async () => {
          const qa = await testPlatform.qaCallers(institutionId);
          const partnerId = await createPartner(api, institutionId, qa.admin);
          const admin = await as('partner-admin', {
            subject: `partner-admin-${partnerId}`,
            partnerId,
          });
          const apiKey = await createApiKey(api, partnerId, admin);
          await platform.drain();
          return { partnerId, apiKey, admin };
        })();
        partners.set(institutionId, partner);
      }
      return partner;
    },
    loggedErrors: () => logger?.errors.map((entry) => entry.message) ?? [],
    stop: () => platform.stop(),
  };
  return testPlatform;
}
