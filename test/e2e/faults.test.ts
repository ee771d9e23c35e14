import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller, GraphQLResponse } from '../../infra/local/graphql-client';
import { demoStackedDesign } from '../../infra/local/demo-content';
import {
  operations,
  sampleReviewFields,
  stackingOperations,
  type ReviewRef,
} from '../../infra/local/portal-flows';
import { designInput } from '../support/builders';
import {
  countDynamoDbCalls,
  failDynamoDb,
  failNthDynamoDbCall,
  lagIndexReads,
} from '../support/faults';
import { startTestPlatform, type TestPlatform } from '../support/platform';

/**
 * Faults at every step: each operation is run once per storage call it makes, with that call
 * failing (as a DynamoDB throttle does), and with each KMS signature failing; then retried.
 * Whatever failed, nothing is half-written, nothing is lost, and nothing is duplicated.
 */
describe('faults at every step of issuance, QA decisions, endorsement and stacking', () => {
  let t: TestPlatform;
  let dynamodb: DynamoDBClient;
  let institutionId: string;
  let designId: string;
  let admin: Caller;
  let apiKey: string;

  const issueMutation = `mutation ($input: IssueCredentialInput!) { issueCredential(input: $input) { id status } }`;
  const issueRequest = (email: string, microCredentialId = designId) =>
    t.api.request<{ issueCredential: { id: string } }>(
      issueMutation,
      { input: { microCredentialId, recipient: { email, name: 'Faulty Learner' } } },
      admin,
    );
  const credentialsOf = async (email: string) => {
    await t.platform.drain();
    const { myCredentials } = await t.api.call<{
      myCredentials: { issued: { nodes: { id: string; kind: string; status: string }[] } };
    }>(
      `{ myCredentials { issued { nodes { id kind status } } } }`,
      {},
      await t.as('learner', { subject: `learner-${email}`, email }),
    );
    return myCredentials.issued.nodes;
  };
  const verifiedById = async (id: string) =>
    (
      await t.api.call<{ verifyCredential: { verified: boolean } }>(
        `query ($id: String!) { verifyCredential(input: { id: $id }) { verified } }`,
        { id },
      )
    ).verifyCredential.verified;
  /** A failed attempt may only say "try again"; never an internal error. */
  const failedRetryably = (result: GraphQLResponse<unknown>) =>
    !result.errors ||
    result.errors.every((error) => error.extensions?.code === 'SERVICE_UNAVAILABLE');

  beforeAll(async () => {
    // The worker logs each injected failure as an error; these are expected here.
    t = await startTestPlatform({ logLevel: 'SILENT' });
    dynamodb = t.platform.container.clients.dynamodb;
    ({ institutionId, designId } = await t.publishedDesign({ name: 'Fault Tolerance' }));
    admin = (await t.qaCallers(institutionId)).admin;
    apiKey = (await t.partnerFor(institutionId)).apiKey;
  }, 120_000);
  afterAll(() => t.stop());

  it('issues exactly one valid credential whichever storage call of issuance fails', async () => {
    await t.platform.drain();
    const steps = await countDynamoDbCalls(dynamodb, () => issueRequest('count@example.org'));
    const outcomes: string[] = [];
    for (let step = 1; step <= steps; step += 1) {
      const email = `storage-step-${step}@example.org`;
      await t.platform.drain();
      const heal = failNthDynamoDbCall(dynamodb, step);
      const first = await issueRequest(email);
      const fired = heal();
      const retried = await issueRequest(email);
      const held = await credentialsOf(email);

      outcomes.push(`${step}:${first.errors ? 'failed' : 'ok'}:${fired}`);
      expect(failedRetryably(first), `step ${step}`).toBe(true);
      expect(retried.errors, `step ${step}`).toBeUndefined();
      expect(held.map((credential) => credential.id)).toEqual([retried.data!.issueCredential.id]);
      if (!first.errors) expect(first.data!.issueCredential.id).toBe(held[0]!.id);
      expect(await verifiedById(held[0]!.id)).toBe(true);
    }
    // The faults really broke requests (not only background work).
    expect(outcomes.filter((outcome) => outcome.includes(':failed:')).length).toBeGreaterThan(3);
  }, 120_000);

  it('issues exactly one valid credential whichever KMS signature of issuance fails', async () => {
    for (const signature of [0, 1]) {
      const email = `kms-step-${signature}@example.org`;
      // Three failures outlast the SDK's own retries, so the request itself fails.
      t.platform.kms.faults.inject({
        operation: 'Sign',
        error: 'KMSInternalException',
        times: 3,
        after: signature,
      });
      const first = await issueRequest(email);
      t.platform.kms.faults.clear();
      const retried = await issueRequest(email);
      const held = await credentialsOf(email);

      expect(first.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(held.map((credential) => credential.id)).toEqual([retried.data!.issueCredential.id]);
      expect(await verifiedById(held[0]!.id)).toBe(true);
    }
  });

  it('moves a review exactly one step whichever storage call of a decision fails', async () => {
    const { qaWorkflow } = await t.api.call<{
      qaWorkflow: { steps: { key: string; role: string }[] };
    }>(operations.workflow, { institutionId }, admin);
    const [firstStep, secondStep] = qaWorkflow.steps;
    const reviewer = await t.as('qa-reviewer', {
      institutionId,
      qaRoles: [firstStep!.role],
      subject: 'faulty-reviewer',
    });
    const submitted = async (name: string) => {
      const { createMicroCredential: design } = await t.api.call<{
        createMicroCredential: { id: string; version: number };
      }>(operations.createDesign, { input: designInput(institutionId, { name }) }, admin);
      const { submitForReview } = await t.api.call<{ submitForReview: ReviewRef }>(
        operations.submit,
        { id: design.id, v: design.version, input: { fields: sampleReviewFields } },
        admin,
      );
      return submitForReview.id;
    };
    const decide = (reviewId: string) =>
      t.api.request(
        operations.decide,
        {
          reviewId,
          input: { stepKey: firstStep!.key, outcome: 'APPROVE', comment: 'Sound concept.' },
        },
        reviewer,
      );
    await t.platform.drain();
    const probe = await submitted('Decision probe');
    const steps = await countDynamoDbCalls(dynamodb, () => decide(probe));

    for (let step = 1; step <= steps; step += 1) {
      const reviewId = await submitted(`Decision step ${step}`);
      await t.platform.drain();
      const heal = failNthDynamoDbCall(dynamodb, step);
      const first = await decide(reviewId);
      heal();
      const retried = await decide(reviewId);
      const { review } = await t.api.call<{
        review: {
          currentStep: { step: { key: string } } | null;
          history: { action: string; stepKey: string | null }[];
        };
      }>(operations.review, { id: reviewId }, admin);

      expect(failedRetryably(first), `step ${step}`).toBe(true);
      // The retry either made the decision or found it made: the step is no longer current.
      if (first.errors) expect(retried.errors, `step ${step}`).toBeUndefined();
      else expect(retried.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(review.history.filter((entry) => entry.action === 'APPROVED')).toEqual([
        expect.objectContaining({ stepKey: firstStep!.key }),
      ]);
      expect(review.currentStep?.step.key).toBe(secondStep!.key);
    }
  });

  it('keeps exactly one endorsement whichever storage call or signature of an endorsement fails', async () => {
    const newDraft = async (name: string) =>
      (
        await t.api.call<{ createMicroCredential: { id: string } }>(
          operations.createDesign,
          { input: designInput(institutionId, { name }) },
          admin,
        )
      ).createMicroCredential.id;
    const endorse = (microCredentialId: string) =>
      t.api.request<{ submitEndorsement: { id: string } }>(
        `mutation ($input: SubmitEndorsementInput!) { submitEndorsement(input: $input) { id } }`,
        { input: { microCredentialId, comment: 'We hire its graduates.' } },
        { apiKey },
      );
    const endorsementsOf = async (microCredentialId: string) => {
      const { myEndorsements } = await t.api.call<{
        myEndorsements: { nodes: { id: string; targetId: string; status: string }[] };
      }>(`{ myEndorsements(first: 100) { nodes { id targetId status } } }`, {}, { apiKey });
      return myEndorsements.nodes.filter((node) => node.targetId === microCredentialId);
    };
    await t.platform.drain();
    const probe = await newDraft('Endorsement probe');
    const steps = await countDynamoDbCalls(dynamodb, () => endorse(probe));
    const faults: (() => () => unknown)[] = [
      ...Array.from(
        { length: steps },
        (_, index) => () => failNthDynamoDbCall(dynamodb, index + 1),
      ),
      () => {
        t.platform.kms.faults.inject({ operation: 'Sign', error: 'ThrottlingException', times: 3 });
        return () => t.platform.kms.faults.clear();
      },
    ];

    for (const [index, fault] of faults.entries()) {
      const designId = await newDraft(`Endorsement step ${index + 1}`);
      await t.platform.drain();
      const heal = fault();
      const first = await endorse(designId);
      heal();
      const retried = await endorse(designId);
      const held = await endorsementsOf(designId);

      expect(failedRetryably(first), `fault ${index + 1}`).toBe(true);
      expect(retried.errors, `fault ${index + 1}`).toBeUndefined();
      expect(held).toEqual([
        expect.objectContaining({ id: retried.data!.submitEndorsement.id, status: 'ACTIVE' }),
      ]);
    }
  });

  describe('bulk issuance', () => {
    const startBulkMutation = `mutation ($input: BulkIssuanceInput!) { startBulkIssuance(input: $input) { id } }`;
    type Recipients = { email: string; name: string }[];
    const startBulk = (key: string, recipients: Recipients, id = designId) =>
      t.api.request<{ startBulkIssuance: { id: string } }>(
        startBulkMutation,
        { input: { microCredentialId: id, recipients, idempotencyKey: key } },
        admin,
      );
    /** Starts a job that must be accepted; its id. */
    const startedJob = async (key: string, recipients: Recipients, id = designId, caller = admin) =>
      (
        await t.api.call<{ startBulkIssuance: { id: string } }>(
          startBulkMutation,
          { input: { microCredentialId: id, recipients, idempotencyKey: key } },
          caller,
        )
      ).startBulkIssuance.id;
    const jobOf = async (id: string, caller = admin) =>
      (
        await t.api.call<{
          bulkIssuanceJob: { status: string; total: number; succeeded: number; failed: number };
        }>(
          `query ($id: ID!) { bulkIssuanceJob(id: $id) { status total succeeded failed } }`,
          { id },
          caller,
        )
      ).bulkIssuanceJob;
    const cohort = (key: string, size: number) =>
      Array.from({ length: size }, (_, row) => ({
        email: `${key}-${row}@example.org`,
        name: `Learner ${row}`,
      }));

    it('issues every row exactly once whichever storage call or signature of a job fails', async () => {
      const rows = 3;
      await t.platform.drain();
      // The calls of a whole job: the mutation, the worker's pass and what reacts to it.
      const calls = await countDynamoDbCalls(dynamodb, async () => {
        await startBulk('bulk-probe', cohort('bulk-probe', rows));
        await t.platform.drain();
      });
      // Calls interleave differently from run to run (rows run at once), so every call
      // position is a different step each time; a spread of positions covers every kind.
      const spread = 10;
      const positions = [
        ...new Set(
          Array.from({ length: spread }, (_, index) => 1 + Math.floor((index * calls) / spread)),
        ),
      ];
      const faults: (() => () => unknown)[] = [
        ...positions.map((position) => () => failNthDynamoDbCall(dynamodb, position)),
        // The job's first signature (a proof) and its fourth (with 3 rows signing at once,
        // usually a VC-JWT); which row each belongs to varies.
        ...[0, 3].map((after) => () => {
          t.platform.kms.faults.inject({
            operation: 'Sign',
            error: 'KMSInternalException',
            times: 3,
            after,
          });
          return () => t.platform.kms.faults.clear();
        }),
      ];

      let fired = 0;
      for (const [index, fault] of faults.entries()) {
        const key = `bulk-fault-${index + 1}`;
        const recipients = cohort(key, rows);
        const heal = fault();
        const first = await startBulk(key, recipients);
        // A row that failed stays pending for the next pass; a failed pass is redelivered.
        await t.platform.drain();
        if (heal() === true) fired += 1;
        expect(failedRetryably(first), `fault ${index + 1}`).toBe(true);
        const jobId = first.errors
          ? (await startBulk(key, recipients)).data!.startBulkIssuance.id
          : first.data!.startBulkIssuance.id;
        await t.platform.drain();

        expect(await jobOf(jobId), `fault ${index + 1}`).toMatchObject({
          status: 'COMPLETED',
          total: rows,
          succeeded: rows,
          failed: 0,
        });
        for (const { email } of recipients) {
          const held = await credentialsOf(email);
          expect(held, `fault ${index + 1}, ${email}`).toHaveLength(1);
          expect(await verifiedById(held[0]!.id)).toBe(true);
        }
      }
      // The storage faults really fired (a position past a shorter run's last call does not).
      expect(fired).toBeGreaterThan(positions.length / 2);
    }, 240_000);

    it('finishes every row of a job exactly once while DynamoDB cancels colliding transactions', async () => {
      // The local platform cancels colliding transactions as DynamoDB does; rows in flight
      // count their outcomes on different counters of the job, and what still collides is
      // sent again (test/integration/transactions.test.ts).
      const rows = 16;
      const recipients = cohort('colliding', rows);
      const jobId = await startedJob('colliding', recipients);
      await t.platform.drain(60_000);

      expect(await jobOf(jobId)).toMatchObject({
        status: 'COMPLETED',
        total: rows,
        succeeded: rows,
        failed: 0,
      });
      for (const { email } of recipients) expect(await credentialsOf(email)).toHaveLength(1);
    }, 120_000);

    it('does not complete a job while the index of its pending rows lags behind them', async () => {
      const rows = 3;
      const recipients = cohort('lagging', rows);
      await t.platform.drain();
      // The worker's first two reads of pending rows come back empty, as from an index that
      // has not caught up with the rows just written.
      const heal = lagIndexReads(dynamodb, {
        times: 2,
        matching: (input) => JSON.stringify(input).includes('#PENDING'),
      });
      let jobId: string;
      try {
        jobId = await startedJob('lagging-rows', recipients);
        await t.platform.drain();
      } finally {
        heal();
      }

      expect(await jobOf(jobId)).toMatchObject({
        status: 'COMPLETED',
        total: rows,
        succeeded: rows,
        failed: 0,
      });
      for (const { email } of recipients) expect(await credentialsOf(email)).toHaveLength(1);
    }, 120_000);

    it('resumes a job that an outage stopped midway, issuing each row exactly once', async () => {
      const { institutionId: college, designId: design } = await t.publishedDesign({
        name: 'Interrupted Cohort',
      });
      const collegeAdmin = (await t.qaCallers(college)).admin;
      const rows = 150;
      // The outage: after the first page of pending rows (100), reading pending rows fails
      // until it ends, so every pass fails and the stream gives up on the job's event, with
      // the rows of the first page issued (or in flight) and the rest pending.
      const heal = failDynamoDb(dynamodb, 'QueryCommand', {
        matching: (input) => JSON.stringify(input).includes('#PENDING'),
        after: 1,
        times: Infinity,
        errorName: 'ProvisionedThroughputExceededException',
      });
      let jobId: string;
      try {
        jobId = await startedJob(
          'interrupted-cohort',
          cohort('interrupted', rows),
          design,
          collegeAdmin,
        );
        await t.platform.drain(60_000);
      } finally {
        heal();
      }
      const stopped = await jobOf(jobId, collegeAdmin);
      expect(stopped.status).not.toMatch(/^COMPLETED/);
      expect(stopped.succeeded).toBeGreaterThan(0);
      expect(stopped.succeeded).toBeLessThan(rows);

      await t.api.call(
        `mutation ($id: ID!) { resumeBulkIssuance(id: $id) { id } }`,
        { id: jobId },
        collegeAdmin,
      );
      await t.platform.drain(60_000);

      expect(await jobOf(jobId, collegeAdmin)).toMatchObject({
        status: 'COMPLETED',
        total: rows,
        succeeded: rows,
        failed: 0,
      });
      const recipients: string[] = [];
      let after: string | null = null;
      do {
        const page: {
          issuedCredentials: {
            nodes: { id: string; recipientEmail: string }[];
            pageInfo: { endCursor: string | null; hasNextPage: boolean };
          };
        } = await t.api.call(
          `query ($id: ID!, $after: String) { issuedCredentials(institutionId: $id, first: 100, after: $after) { nodes { id recipientEmail } pageInfo { endCursor hasNextPage } } }`,
          { id: college, after },
          collegeAdmin,
        );
        recipients.push(...page.issuedCredentials.nodes.map((node) => node.recipientEmail));
        after = page.issuedCredentials.pageInfo.hasNextPage
          ? page.issuedCredentials.pageInfo.endCursor
          : null;
      } while (after);
      expect(recipients.toSorted()).toEqual(
        cohort('interrupted', rows)
          .map((recipient) => recipient.email)
          .toSorted(),
      );
    }, 240_000);
  });

  /**
   * Publishes a second part and a stacked design `${name} Stack` over the shared design and
   * that part (rule ALL); returns the part.
   */
  const twoPartStack = async (name: string) => {
    const { designId: part } = await t.publishedDesign({ name: `${name} Part` }, institutionId);
    const { designId: target } = await t.publishedDesign(
      { ...demoStackedDesign, name: `${name} Stack` },
      institutionId,
    );
    await t.api.call(
      stackingOperations.define,
      {
        input: {
          institutionId,
          name: `${name} Stack`,
          microCredentialId: target,
          rule: 'ALL',
          parts: [{ microCredentialId: designId }, { microCredentialId: part }],
        },
      },
      admin,
    );
    return part;
  };

  /**
   * Runs `request` and lets the worker handle what it wrote while listing a learner's
   * credentials (an index) leaves out those of the design `hiddenDesign` (all, if not given).
   */
  const whileRecipientIndexLags = async (
    request: () => Promise<unknown>,
    hiddenDesign?: string,
  ) => {
    const heal = lagIndexReads(dynamodb, {
      times: Infinity,
      matching: (input) => JSON.stringify(input).includes('RECIPIENT#'),
      ...(hiddenDesign
        ? { hide: (item: unknown) => JSON.stringify(item).includes(hiddenDesign) }
        : {}),
    });
    try {
      await request();
      await t.platform.drain();
    } finally {
      heal();
    }
  };

  it('awards a stacked credential when the index of the learner’s credentials lags behind the part just issued', async () => {
    const part = await twoPartStack('Lagging');
    const email = 'lagging-learner@example.org';
    await issueRequest(email);
    await t.platform.drain();
    // While the worker reacts to the second part, listing the learner's credentials (an
    // index) does not show it yet; the first part, issued earlier, is listed.
    await whileRecipientIndexLags(() => issueRequest(email, part), part);

    const held = await credentialsOf(email);
    expect(held.filter((credential) => credential.kind === 'stacked')).toHaveLength(1);
  }, 120_000);

  it('awards a stacked credential when both parts are issued at the same moment and the index lists neither', async () => {
    const part = await twoPartStack('Simultaneous');
    await t.platform.drain();
    const email = 'simultaneous-learner@example.org';
    // While the worker reacts to the two parts, listing the learner's credentials (an index)
    // shows neither: each reaction knows only the credential it is about.
    await whileRecipientIndexLags(() =>
      Promise.all([issueRequest(email), issueRequest(email, part)]),
    );

    const held = await credentialsOf(email);
    expect(held.filter((credential) => credential.kind === 'stacked')).toHaveLength(1);
  }, 120_000);

  it('issues exactly one stacked credential whichever storage call or signature of the stacking worker fails', async () => {
    const part = await twoPartStack('Fault');
    await t.platform.drain();
    const stackedOf = async (email: string) =>
      (await credentialsOf(email)).filter((credential) => credential.kind === 'stacked');
    // How many calls the request makes, and how many the worker makes after it.
    await issueRequest('stack-probe@example.org');
    await t.platform.drain();
    const requestCalls = await countDynamoDbCalls(dynamodb, () =>
      issueRequest('stack-probe-2@example.org', part),
    );
    await t.platform.drain();
    await issueRequest('stack-probe-3@example.org');
    await t.platform.drain();
    const allCalls = await countDynamoDbCalls(dynamodb, async () => {
      await issueRequest('stack-probe-3@example.org', part);
      await t.platform.drain();
    });
    const faults: (() => () => unknown)[] = [
      ...Array.from(
        { length: allCalls - requestCalls },
        (_, index) => () => failNthDynamoDbCall(dynamodb, requestCalls + index + 1),
      ),
      ...[0, 1].map((after) => () => {
        t.platform.kms.faults.inject({
          operation: 'Sign',
          error: 'KMSInternalException',
          times: 3,
          after,
        });
        return () => t.platform.kms.faults.clear();
      }),
    ];

    for (const [index, fault] of faults.entries()) {
      const email = `stack-fault-${index + 1}@example.org`;
      await issueRequest(email);
      await t.platform.drain();
      const heal = fault();
      const completing = await issueRequest(email, part);
      // The worker reports the failed record; the stream hands it over again.
      await t.platform.drain();
      heal();
      await t.platform.drain();
      const stacked = await stackedOf(email);

      expect(failedRetryably(completing), `fault ${index + 1}`).toBe(true);
      if (completing.errors) await issueRequest(email, part);
      expect(await stackedOf(email), `fault ${index + 1}`).toHaveLength(1);
      expect(stacked.length, `fault ${index + 1}`).toBeLessThanOrEqual(1);
      expect(await verifiedById((await stackedOf(email))[0]!.id)).toBe(true);
    }
  }, 240_000);
});
