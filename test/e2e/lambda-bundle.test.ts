import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bakePng, generatedBadgePng } from '../../functions/core/credential/baking';
import { bundleLambda } from '../bench/lambda-bundle';
import { graphqlPostEvent, httpGetEvent } from '../bench/lambda-event';
import type { Caller } from '../../infra/local/graphql-client';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const execFileAsync = promisify(execFile);

/** The functions the stack deploys, by the name of their bundle here. */
const entries = {
  api: 'functions/handlers/api.ts',
  'public-web': 'functions/handlers/public-web.ts',
  worker: 'functions/handlers/worker.ts',
} as const;

/**
 * The functions as they ship: bundled with the options of the `TesseraFunction` construct (code
 * split, one copy of Apollo Server, Node's crypto for Apollo's hashes), loaded by plain `node`
 * in a process of their own, with only the function's environment. The requests need the
 * chunks that load on first use (JSON-LD canonicalization and the contexts, jose, the PNG
 * libraries, the KMS and S3 SDKs), so a chunk that fails to load, a second copy of a library
 * or an import that works only unbundled fails here, not in AWS.
 */
describe('the bundled Lambda functions', () => {
  let t: TestPlatform;
  let workDir: string;
  let runner: string;
  /** The file Lambda loads, by function. */
  const bundles = new Map<string, string>();
  let credential: { id: string; json: Record<string, unknown>; jwt: string };
  let designId: string;
  let admin: Caller;

  beforeAll(async () => {
    t = await startTestPlatform();
    workDir = await mkdtemp(join(tmpdir(), 'tessera-bundle-'));
    for (const [name, entry] of Object.entries(entries))
      bundles.set(name, (await bundleLambda(entry, join(workDir, name))).file);
    runner = join(workDir, 'invoke.mjs');
    // Invokes the handler once per event, in order, and prints the responses as one JSON line.
    await writeFile(
      runner,
      `const { handler } = await import(process.argv[2]);
const events = JSON.parse(process.argv[3]);
const responses = [];
for (const event of events) {
  const context = {
    awsRequestId: event.requestContext?.requestId ?? 'stream-batch',
    functionName: 'tessera',
    getRemainingTimeInMillis: () => 10000,
  };
  responses.push(await handler(event, context));
}
process.stdout.write(JSON.stringify(responses) + '\\n', () => process.exit(0));
`,
    );
    const published = await t.publishedDesign();
    designId = published.designId;
    admin = published.qa.admin;
    credential = (
      await t.api.call<{ issueCredential: typeof credential }>(
        `mutation ($input: IssueCredentialInput!) { issueCredential(input: $input) { id json jwt } }`,
        {
          input: {
            microCredentialId: designId,
            recipient: { email: 'bundle@example.org', name: 'Ada Lovelace' },
          },
        },
        admin,
      )
    ).issueCredential;
  });
  afterAll(async () => {
    await t?.stop();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  /** Runs `queries` through the bundled API in a fresh process. */
  async function invoke(
    queries: { query: string; variables?: Record<string, unknown>; caller?: Caller }[],
  ): Promise<{ statusCode: number; body: string }[]> {
    const events = queries.map(({ query, variables, caller }) => {
      const event = graphqlPostEvent(query, variables);
      if (caller?.token) event.headers.authorization = `Bearer ${caller.token}`;
      return event;
    });
    return (await run('api', events)) as { statusCode: number; body: string }[];
  }

  /** Runs `events` through the bundled handler of `name` in a fresh process, in order. */
  async function run(name: keyof typeof entries, events: unknown[]): Promise<unknown[]> {
    const config = t.platform.config;
    const { stdout } = await execFileAsync(
      process.execPath,
      [runner, bundles.get(name)!, JSON.stringify(events)],
      {
        // The function's own environment, as a Lambda sandbox has it, pointed at the platform.
        env: {
          NODE_OPTIONS: '--enable-source-maps',
          PATH: process.env.PATH,
          STAGE: 'dev',
          AWS_REGION: config.AWS_REGION,
          AWS_ACCESS_KEY_ID: 'local',
          AWS_SECRET_ACCESS_KEY: 'local',
          TABLE_NAME: config.TABLE_NAME,
          PUBLIC_BASE_URL: config.PUBLIC_BASE_URL,
          AUTH_JWKS_URL: config.AUTH_JWKS_URL,
          AUTH_ISSUER: config.AUTH_ISSUER,
          AUTH_AUDIENCE: config.AUTH_AUDIENCE,
          DYNAMODB_ENDPOINT: config.DYNAMODB_ENDPOINT,
          KMS_ENDPOINT: config.KMS_ENDPOINT,
          S3_ENDPOINT: config.S3_ENDPOINT,
          EVIDENCE_BUCKET: config.EVIDENCE_BUCKET,
          LOG_LEVEL: 'ERROR',
          AWS_SDK_JS_SUPPRESS_NODE_VERSION_WARNING: '1',
        },
        timeout: 60_000,
      },
    );
    return JSON.parse(stdout) as unknown[];
  }

  it('verifies a credential issued here by id, as JSON-LD, as a VC-JWT and baked in a PNG', async () => {
    const verify = `query ($input: VerifyCredentialInput!) {
      verifyCredential(input: $input) { verified status checks { name status } }
    }`;
    const baked = await bakePng(await generatedBadgePng('bundle'), JSON.stringify(credential.json));
    const responses = await invoke([
      { query: verify, variables: { input: { id: credential.id } } },
      { query: verify, variables: { input: { credential: credential.json } } },
      { query: verify, variables: { input: { jwt: credential.jwt } } },
      { query: verify, variables: { input: { image: baked.toString('base64') } } },
      {
        query: verify,
        variables: { input: { credential: { ...credential.json, name: 'Forged' } } },
      },
    ]);

    const results = responses.map((response) => {
      expect(response.statusCode).toBe(200);
      const body = JSON.parse(response.body) as {
        data?: { verifyCredential: { verified: boolean; status: string } };
        errors?: unknown[];
      };
      expect(body.errors).toBeUndefined();
      return body.data!.verifyCredential;
    });
    expect(results.map((result) => [result.verified, result.status])).toEqual([
      [true, 'ACTIVE'],
      [true, 'ACTIVE'],
      [true, 'ACTIVE'],
      [true, 'ACTIVE'],
      [false, expect.any(String) as unknown],
    ]);
  });

  it('signs with KMS and presigns S3 uploads, each client made on first use', async () => {
    const learner = await t.as('learner', {
      subject: 'bundle-learner',
      email: 'bundle-learner@example.org',
    });
    const { enrol } = await t.api.call<{ enrol: { id: string } }>(
      `mutation ($id: ID!) { enrol(microCredentialId: $id) { id } }`,
      { id: designId },
      learner,
    );
    const [issued, upload] = await invoke([
      {
        query: `mutation ($input: IssueCredentialInput!) { issueCredential(input: $input) { id status } }`,
        variables: {
          input: {
            microCredentialId: designId,
            recipient: { email: 'bundle-signed@example.org', name: 'Grace Hopper' },
          },
        },
        caller: admin,
      },
      {
        query: `mutation ($id: ID!, $input: EvidenceUploadInput!) { requestEvidenceUpload(enrolmentId: $id, input: $input) { uploadUrl } }`,
        variables: {
          id: enrol.id,
          input: {
            component: 'EDUCATIONAL',
            fileName: 'essay.pdf',
            contentType: 'application/pdf',
            size: 1024,
          },
        },
        caller: learner,
      },
    ]);

    const issuedBody = JSON.parse(issued!.body) as {
      data?: { issueCredential: { id: string; status: string } };
      errors?: unknown[];
    };
    expect(issuedBody.errors).toBeUndefined();
    expect(issuedBody.data!.issueCredential.status).toBe('ACTIVE');
    // Signed by the bundle, stored, and verified by the unbundled platform.
    const { verifyCredential } = await t.api.call<{ verifyCredential: { verified: boolean } }>(
      `query ($id: String!) { verifyCredential(input: { id: $id }) { verified } }`,
      { id: issuedBody.data!.issueCredential.id },
    );
    expect(verifyCredential.verified).toBe(true);
    const uploadBody = JSON.parse(upload!.body) as {
      data?: { requestEvidenceUpload: { uploadUrl: string } };
      errors?: unknown[];
    };
    expect(uploadBody.errors).toBeUndefined();
    const url = new URL(uploadBody.data!.requestEvidenceUpload.uploadUrl);
    expect(`${url.protocol}//${url.host}`).toBe(new URL(t.platform.config.S3_ENDPOINT!).origin);
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('serves the public credential page and the baked badge from the public-web bundle', async () => {
    const path = new URL(credential.json.id as string).pathname;
    const [page, badge] = (await run('public-web', [
      httpGetEvent(path, 'text/html'),
      httpGetEvent(`${path}/badge.png`, 'image/png'),
    ])) as {
      statusCode: number;
      headers: Record<string, string>;
      body: string;
      isBase64Encoded?: boolean;
    }[];

    expect(page!.statusCode).toBe(200);
    expect(page!.headers['content-type']).toMatch(/^text\/html/);
    expect(page!.body).toContain(credential.json.name as string);
    expect(badge!.statusCode).toBe(200);
    expect(badge!.isBase64Encoded).toBe(true);
    // A PNG, with the credential baked into it.
    const png = Buffer.from(badge!.body, 'base64');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.includes(Buffer.from('openbadgecredential'))).toBe(true);
  });

  it('starts the worker bundle and answers an empty batch', async () => {
    const [result] = await run('worker', [{ Records: [] }]);
    expect(result).toEqual({ batchItemFailures: [] });
  });

  it('answers a refused request with its stable code, as the unbundled API does', async () => {
    const [response] = await invoke([{ query: '{ verifyCredential(input: {}) { verified } }' }]);
    const body = JSON.parse(response!.body) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe(
      (
        await t.api
          .request('{ verifyCredential(input: {}) { verified } }', {})
          .then((result) => result.errors![0]!)
      ).extensions!.code,
    );
  });
});
