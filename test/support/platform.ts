import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import type { Role } from '../../functions/core/auth/principal';
import type { Clock } from '../../functions/core/shared/runtime';
import { GraphQLClient, type Caller } from '../../infra/local/graphql-client';
import {
  approveDesign,
  operations,
  publishDesign,
  type QaCallers,
} from '../../infra/local/portal-flows';
import { startPlatform, type RunningPlatform } from '../../infra/local/platform';
import { designInput, institutionInput } from './builders';

export interface TestPlatform {
  readonly platform: RunningPlatform;
  readonly api: GraphQLClient;
  /** A caller holding `role` (scoped to `institutionId` where given). */
  as(
    role: Role,
    options?: { institutionId?: string; qaRoles?: string[]; subject?: string; email?: string },
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
  /** Creates an institution as a platform admin and returns its id. */
  createInstitution(overrides?: Record<string, unknown>): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The whole platform on an ephemeral loopback port, on the run's DynamoDB Local with a table of
 * its own, reached over real HTTP.
 */
export async function startTestPlatform(options: { clock?: Clock } = {}): Promise<TestPlatform> {
  const platform = await startPlatform({
    port: 0,
    dynamodbEndpoint: inject('dynamodbEndpoint'),
    tableName: `e2e-${randomUUID()}`,
    logLevel: 'ERROR',
    clock: options.clock,
  });
  const api = new GraphQLClient(`${platform.url}/graphql`);
  const as: TestPlatform['as'] = async (role, options = {}) => ({
    token: await platform.identity.mint({
      role,
      institutionId: options.institutionId,
      qaRoles: options.qaRoles,
      subject: options.subject,
      email: options.email,
    }),
  });
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
      await publishDesign(api, createMicroCredential.id, qa.admin);
      await platform.drain();
      return { institutionId, designId: createMicroCredential.id, qa };
    },
    stop: () => platform.stop(),
  };
  return testPlatform;
}
