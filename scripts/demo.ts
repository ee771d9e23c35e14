/**
 * `npm run demo`: drives the platform through its GraphQL API exactly as the portals would,
 * against the platform at TESSERA_URL (default http://127.0.0.1:4000), starting one when
 * none answers. Progress goes to stderr; the last line on stdout is one JSON summary.
 */
import '../infra/local/quiet-warnings';
import { join, resolve } from 'node:path';
import { GraphQLClient, GraphQLRequestError } from '../infra/local/graphql-client';
import { LocalIdentityIssuer } from '../infra/local/identity';
import { demoDesigns, demoStackedDesign } from '../infra/local/demo-content';
import { exitIfDataDirInUse } from '../infra/local/data-dir-lock';
import { addQaEndorsements } from './demo/qa-endorsements';
import { addRounds, sendBackAndApprove, useGovernedWorkflow } from './demo/qa-governance';
import {
  demoBackpackImport,
  demoBulkIssuance,
  demoInstitutionOn,
  demoPrivacy,
  demoRefusedPublication,
  demoVerifications,
} from './demo/first-hour';
import { seedDemoInstitution } from '../infra/local/seed';
import { startPlatform, type RunningPlatform } from '../infra/local/platform';
import {
  approveDesign,
  createApiKey,
  createPartner,
  endorseDesign,
  learningOperations,
  publishDesign,
  stackingOperations,
  uploadEvidenceFile,
  type QaCallers,
} from '../infra/local/portal-flows';
import { demoPages } from './demo/pages';
import { demoWallets } from './demo/wallets';
import { subscribeDemoReceiver } from './demo/notifications';

const baseUrl = (process.env.TESSERA_URL ?? 'http://127.0.0.1:4000').replace(/\/+$/, '');
const dataDir = resolve(process.env.TESSERA_DATA_DIR ?? '.local');
const log = (message: string) => process.stderr.write(`• ${message}\n`);

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
      signal: AbortSignal.timeout(2_000),
    });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Retries while the institution's signing keys are still being created by the worker (a
 * second or so after the institution is), as a portal would on ISSUER_KEYS_NOT_READY.
 */
async function withRetry<T>(call: () => Promise<T>, attempts = 40): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      const retryable =
        error instanceof GraphQLRequestError &&
        error.errors.some(
          (item) =>
            item.extensions?.errorCode === 'ISSUER_KEYS_NOT_READY' || item.extensions?.retryable,
        );
      if (!retryable || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

let started: RunningPlatform | undefined;
if (!(await answers(baseUrl))) {
  const { hostname, port } = new URL(baseUrl);
  log(`no platform at ${baseUrl}; starting one`);
  // `npm start` may already run on this data folder, at another URL than TESSERA_URL.
  started = await startPlatform({ host: hostname, port: Number(port || 80), dataDir }).catch(
    exitIfDataDirInUse(log),
  );
  // Seeded as `npm start` seeds, so the demo and `npm run token` share one institution.
  const platform = started;
  await seedDemoInstitution(platform.container, join(dataDir, 'seed.json'), {
    drain: () => platform.drain(),
  });
}

try {
  const identity = await LocalIdentityIssuer.open(join(dataDir, 'identity', 'signing-key.json'));
  const api = new GraphQLClient(`${baseUrl}/graphql`);
  const platformAdmin = {
    token: await identity.mint({ role: 'platform-admin', subject: 'demo-platform-admin' }),
  };

  log('finding the seeded institution, or creating one (platform admin)');
  const institution = await demoInstitutionOn(api, platformAdmin, dataDir);
  const issuerAdmin = {
    token: await identity.mint({
      role: 'issuer-admin',
      institutionId: institution.id,
      subject: 'demo-issuer-admin',
    }),
  };
  const receiver = await subscribeDemoReceiver(api, baseUrl, institution.id, issuerAdmin, log);

  log('designing the micro-credentials (issuer admin)');
  const microCredentials: {
    id: string;
    name: string;
    status: string;
    version: number;
    designVersion: number;
  }[] = [];
  for (const design of [...demoDesigns, demoStackedDesign]) {
    const { createMicroCredential } = await api.call<{
      createMicroCredential: {
        id: string;
        name: string;
        status: string;
        version: number;
        designVersion: number;
      };
    }>(
      `mutation ($input: CreateMicroCredentialInput!) {
        createMicroCredential(input: $input) { id name status version designVersion }
      }`,
      { input: { ...design, institutionId: institution.id } },
      issuerAdmin,
    );
    microCredentials.push(createMicroCredential);
  }

  log(
    'running the QA workflow for each design (committee, senior management, advisory team, board)',
  );
  let reviewerCount = 0;
  const qaCallers: QaCallers = {
    admin: issuerAdmin,
    reviewerFor: async (role) => ({
      token: await identity.mint({
        role: 'qa-reviewer',
        institutionId: institution.id,
        qaRoles: [role],
        // A distinct member per decision, so the board's quorum hears from different people.
        subject: `demo-reviewer-${role}-${(reviewerCount += 1)}`,
        name: `Demo ${role} reviewer`,
      }),
    }),
  };
  log('creating an industry partner (issuer admin) and its API key (partner admin)');
  const partnerId = await createPartner(api, institution.id, issuerAdmin);
  const partnerAdmin = {
    token: await identity.mint({ role: 'partner-admin', partnerId, subject: 'demo-partner-admin' }),
  };
  const apiKey = await createApiKey(api, partnerId, partnerAdmin);
  const endorsements: { id: string; partnerId: string; microCredentialId: string; url: string }[] =
    [];

  const reviews: {
    microCredentialId: string;
    reviewId: string;
    status: string;
    decisions: number;
    qaEndorsement?: string | null;
    rounds?: number;
  }[] = [];
  let refusedPublication: string | null = null;
  await useGovernedWorkflow(api, institution.id, issuerAdmin, log);
  for (const design of microCredentials) {
    const { review, decisions } =
      design === microCredentials[0]
        ? await sendBackAndApprove(api, design.id, qaCallers, log)
        : await approveDesign(api, design.id, qaCallers);
    reviews.push({
      microCredentialId: design.id,
      reviewId: review.id,
      status: review.status,
      decisions,
    });
    if (design === microCredentials[0])
      refusedPublication = await demoRefusedPublication(api, design, issuerAdmin, log);
    log(`endorsing ${design.name} with the partner's API key`);
    // The partner's signing key is created by the worker just after the partner; retry briefly.
    const endorsement = await withRetry(() => endorseDesign(api, design.id, apiKey));
    endorsements.push({
      id: endorsement.id,
      partnerId: endorsement.partner.id,
      microCredentialId: design.id,
      url: endorsement.url,
    });
    log(`publishing ${design.name}`);
    const published = await publishDesign(api, design.id, issuerAdmin);
    Object.assign(design, { status: published.status, version: published.version });
  }

  const [educational, corporate, leadership] = microCredentials;
  log('stacking Educational + Corporate Leadership into the Leadership badge (issuer admin)');
  const { defineStack: stack } = await api.call<{ defineStack: { id: string; name: string } }>(
    stackingOperations.define,
    {
      input: {
        institutionId: institution.id,
        name: 'Leadership',
        description: 'Breadth across leadership: education and organisations.',
        microCredentialId: leadership!.id,
        rule: 'ALL',
        parts: [{ microCredentialId: educational!.id }, { microCredentialId: corporate!.id }],
        onPartRevoked: 'REVOKE',
      },
    },
    issuerAdmin,
  );

  log('issuing credentials (issuer admin)');
  const credentials: {
    id: string;
    url: string;
    microCredentialId: string;
    kind: string;
    status: string;
    evidence: number;
  }[] = [];
  const issue = async (microCredentialId: string, recipient: { email: string; name: string }) => {
    const { issueCredential } = await withRetry(() =>
      api.call<{
        issueCredential: {
          id: string;
          url: string;
          microCredentialId: string;
          kind: string;
          status: string;
        };
      }>(
        `mutation ($input: IssueCredentialInput!) {
          issueCredential(input: $input) { id url microCredentialId kind status }
        }`,
        { input: { microCredentialId, recipient } },
        issuerAdmin,
      ),
    );
    credentials.push({ ...issueCredential, evidence: 0 });
    return issueCredential;
  };
  const ada = { email: 'ada.lovelace@example.org', name: 'Ada Lovelace' };
  const grace = { email: 'grace.hopper@example.org', name: 'Grace Hopper' };
  await issue(educational!.id, ada);
  await issue(educational!.id, grace);
  const mistaken = await issue(corporate!.id, grace);
  log(`revoking ${mistaken.url}`);
  const { revokeCredential } = await api.call<{ revokeCredential: { status: string } }>(
    `mutation ($id: ID!) { revokeCredential(id: $id, reason: "Issued in error") { status } }`,
    { id: mistaken.id },
    issuerAdmin,
  );
  credentials.find((credential) => credential.id === mistaken.id)!.status = revokeCredential.status;

  log('learner pathway: Ada enrols in Corporate Leadership and submits the three components');
  const learner = {
    token: await identity.mint({
      role: 'learner',
      subject: 'demo-learner-ada',
      email: ada.email,
      name: ada.name,
    }),
  };
  const assessor = {
    token: await identity.mint({
      role: 'assessor',
      institutionId: institution.id,
      subject: 'demo-assessor',
      name: 'Demo assessor',
    }),
  };
  const { enrol } = await api.call<{ enrol: { id: string } }>(
    learningOperations.enrol,
    { id: corporate!.id },
    learner,
  );
  const plan = await uploadEvidenceFile(api, learner, enrol.id, {
    component: 'DEMONSTRATION',
    fileName: 'project-report.pdf',
    contentType: 'application/pdf',
    body: Buffer.from('%PDF-1.4\n% Project report: leading the onboarding redesign\n'),
  });
  const submitted: Record<string, string> = {};
  const evidence = {
    EDUCATIONAL: {
      narrative: 'Completed the four-week corporate leadership module with a final score of 86%.',
    },
    DEMONSTRATION: {
      narrative: 'Led the redesign of new-hire onboarding for a team of nine.',
      fileIds: [plan],
    },
    REFLECTIVE: {
      narrative: 'Leading the redesign taught me to delegate outcomes, not tasks.',
      includeNarrative: true,
    },
  } as const;
  for (const [component, input] of Object.entries(evidence)) {
    const { submitEvidence } = await api.call<{ submitEvidence: { id: string } }>(
      learningOperations.submit,
      { enrolmentId: enrol.id, input: { component, ...input } },
      learner,
    );
    submitted[component] = submitEvidence.id;
  }
  log('assessor returns the demonstration with feedback; Ada resubmits; all three are accepted');
  await api.call(
    learningOperations.assess,
    {
      id: submitted.DEMONSTRATION,
      input: { decision: 'RETURN', feedback: 'Tell us what changed for the new hires.' },
    },
    assessor,
  );
  const { submitEvidence: revised } = await api.call<{ submitEvidence: { id: string } }>(
    learningOperations.submit,
    {
      enrolmentId: enrol.id,
      input: {
        component: 'DEMONSTRATION',
        narrative:
          'Led the onboarding redesign; time to first contribution fell from six weeks to three.',
        fileIds: [plan],
      },
    },
    learner,
  );
  for (const id of [submitted.EDUCATIONAL, revised.id, submitted.REFLECTIVE]) {
    await api.call(learningOperations.assess, { id, input: { decision: 'ACCEPT' } }, assessor);
  }
  const earned = await withRetry(async () => {
    const { enrolment } = await api.call<{
      enrolment: {
        credential: {
          id: string;
          url: string;
          kind: string;
          json: { evidence?: unknown[] };
        } | null;
      };
    }>(learningOperations.enrolment, { id: enrol.id }, learner);
    if (!enrolment.credential)
      throw new GraphQLRequestError(200, [
        { message: 'not issued yet', extensions: { retryable: true } },
      ]);
    return enrolment.credential;
  });
  credentials.push({
    id: earned.id,
    url: earned.url,
    microCredentialId: corporate!.id,
    kind: earned.kind,
    status: 'ACTIVE',
    evidence: earned.json.evidence?.length ?? 0,
  });

  log("waiting for the worker to stack Leadership for Ada (and to revoke Grace's with its part)");
  const stacked = await withRetry(async () => {
    const { issuedCredentials } = await api.call<{
      issuedCredentials: {
        nodes: {
          id: string;
          url: string;
          microCredentialId: string;
          kind: string;
          status: string;
          parts: string[];
        }[];
      };
    }>(
      `query ($id: ID!) { issuedCredentials(institutionId: $id, first: 100) { nodes { id url microCredentialId kind status parts } } }`,
      { id: institution.id },
      issuerAdmin,
    );
    const all = issuedCredentials.nodes.filter((credential) => credential.kind === 'stacked');
    const settled =
      all.some((credential) => credential.parts.includes(earned.id)) &&
      all.every(
        (credential) => !credential.parts.includes(mistaken.id) || credential.status === 'REVOKED',
      );
    if (!settled)
      throw new GraphQLRequestError(200, [
        { message: 'not stacked yet', extensions: { retryable: true } },
      ]);
    return all;
  });
  for (const credential of stacked) {
    credentials.push({
      id: credential.id,
      url: credential.url,
      microCredentialId: credential.microCredentialId,
      kind: credential.kind,
      status: credential.status,
      evidence: credential.parts.length,
    });
  }
  const { myPathways } = await api.call<{
    myPathways: { stack: { id: string }; summary: string; credential: { id: string } | null }[];
  }>(stackingOperations.pathways, {}, learner);
  const adaPathway = myPathways.find((pathway) => pathway.stack.id === stack.id);
  log(`Ada's pathway: ${adaPathway?.summary ?? 'none'}`);

  log("exporting Ada's transcript (CLR 2.0, signed by the platform)");
  const { myTranscript } = await withRetry(() =>
    api.call<{
      myTranscript: {
        id: string;
        type: string[];
        credentialSubject: { verifiableCredential: unknown[]; association?: unknown[] };
      };
    }>(stackingOperations.transcript, {}, learner),
  );

  await addQaEndorsements(api, issuerAdmin, reviews, log);
  await addRounds(api, issuerAdmin, reviews);
  const pages = await demoPages(baseUrl, institution.id, credentials, log);
  const wallets = await demoWallets(api, learner, credentials, log);
  const verifications = await demoVerifications(api, credentials, log);
  const firstHour = {
    refusedPublication,
    ...(await demoPrivacy(api, learner, credentials[0]!.id, log)),
    bulk: await demoBulkIssuance(api, educational!.id, issuerAdmin, log),
    backpackImport: (await demoBackpackImport(api, learner, log)).id,
  };
  const notifications = await receiver.finish();
  const summary = {
    graphql: `${baseUrl}/graphql`,
    issuer: {
      id: institution.id,
      name: institution.name,
      url: institution.profileUrl,
      seeded: institution.seeded,
    },
    microCredentials,
    reviews,
    endorsements,
    credentials,
    stacks: [{ id: stack.id, name: stack.name, credentialId: adaPathway?.credential?.id ?? null }],
    transcript: {
      id: myTranscript.id,
      type: myTranscript.type,
      credentials: myTranscript.credentialSubject.verifiableCredential.length,
      associations: myTranscript.credentialSubject.association?.length ?? 0,
    },
    pages,
    ...wallets,
    verifications,
    firstHour,
    notifications,
  };
  console.log(JSON.stringify(summary));
} finally {
  await started?.stop();
}
