import { createHash } from 'node:crypto';
import { buildASTSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typeDefs } from '../../graphql/generated/type-defs';
import type { Caller } from '../../infra/local/graphql-client';
import { buildWorld, matrix, roles, type Role, type World } from '../support/operation-table';
import { startTestPlatform, type TestPlatform } from '../support/platform';

describe('the authorization matrix: every operation for every kind of caller', () => {
  let t: TestPlatform;
  let world: World;
  let callers: Record<Role, Caller>;

  beforeAll(async () => {
    t = await startTestPlatform();
    ({ world, callers } = await buildWorld(t));
  }, 120_000);
  afterAll(() => t.stop());

  it('covers every query and mutation of the schema', () => {
    const schema = buildASTSchema(typeDefs);
    const all = [
      ...Object.keys(schema.getQueryType()!.getFields()),
      ...Object.keys(schema.getMutationType()!.getFields()),
    ].sort();

    expect(matrix.map((row) => row.operation).sort()).toEqual(
      all.filter((name) => name !== '_noop'),
    );
  });

  it('allows exactly the callers the table names, and refuses everyone else', async () => {
    const outcomes: Record<string, Record<Role, 'allow' | 'deny'>> = {};
    const expected: Record<string, Record<Role, 'allow' | 'deny'>> = {};
    for (const row of matrix) {
      const outcome = (outcomes[row.operation] = {} as Record<Role, 'allow' | 'deny'>);
      const expectation = (expected[row.operation] = {} as Record<Role, 'allow' | 'deny'>);
      for (const role of roles) {
        const result = await t.api.request(
          row.document,
          row.variables?.(world, role) ?? {},
          callers[role],
        );
        const codes = (result.errors ?? []).map((error) => error.extensions?.code);
        // NOT_FOUND for a resource that exists is how reads and writes hide it from outsiders.
        const refused = codes.some(
          (code) => code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' || code === 'NOT_FOUND',
        );
        for (const unexpected of ['INTERNAL_SERVER_ERROR', 'GRAPHQL_VALIDATION_FAILED'])
          expect(codes, `${row.operation} as ${role}`).not.toContain(unexpected);
        outcome[role] = refused ? 'deny' : 'allow';
        expectation[role] = row.allow === 'everyone' || row.allow.includes(role) ? 'allow' : 'deny';
      }
    }

    expect(outcomes).toEqual(expected);
  }, 240_000);

  it("answers NOT_FOUND alike for what exists but is not the caller's and for what does not exist", async () => {
    const hiding = [
      'credential',
      'enrolment',
      'submission',
      'review',
      'stack',
      'setCredentialVisibility',
    ];
    const answers: string[] = [];
    for (const row of matrix.filter((candidate) => hiding.includes(candidate.operation))) {
      const denied = roles.filter(
        (role) => role !== 'none' && row.allow !== 'everyone' && !row.allow.includes(role),
      );
      for (const role of denied) {
        const code = async (id: string) =>
          (await t.api.request(row.document, { id }, callers[role])).errors?.[0]?.extensions?.code;
        const existing = await code(row.variables!(world, role).id as string);
        const unknown = await code('no-such-thing-0000');
        answers.push(`${row.operation} as ${role}: ${String(existing)} / ${String(unknown)}`);
      }
    }

    expect(answers.length).toBeGreaterThan(20);
    expect(answers.filter((answer) => !answer.endsWith(': NOT_FOUND / NOT_FOUND'))).toEqual([]);
  });

  it('makes enrolment ids that no one can derive from the learner and the design', () => {
    const derived = createHash('sha256')
      .update(`matrix-learner:${world.published}`)
      .digest('hex')
      .slice(0, 32);

    expect(world.enrolment).not.toBe(derived);
  });

  it('lets no one but a partner key or partner admin read a draft as the linked partner', async () => {
    const claimsPartner = await t.as('learner', {
      subject: 'claims-partner',
      partnerId: world.partner,
    });

    const draft = await t.api.request(
      'query ($id: ID!) { microCredential(id: $id) { id status } }',
      { id: world.draft },
      claimsPartner,
    );

    expect(draft.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
