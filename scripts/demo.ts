/**
 * `npm run demo`: drives the platform through its GraphQL API exactly as the portals would,
 * against the platform at TESSERA_URL (default http://127.0.0.1:4000), starting one when
 * none answers. Progress goes to stderr; the last line on stdout is one JSON summary.
 */
import '../infra/local/quiet-warnings';
import { join, resolve } from 'node:path';
import { GraphQLClient } from '../infra/local/graphql-client';
import { LocalIdentityIssuer } from '../infra/local/identity';
import { demoDesigns, demoInstitution } from '../infra/local/demo-content';
import { startPlatform, type RunningPlatform } from '../infra/local/platform';
import { approveDesign, publishDesign, type QaCallers } from '../infra/local/portal-flows';

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

let started: RunningPlatform | undefined;
if (!(await answers(baseUrl))) {
  const { hostname, port } = new URL(baseUrl);
  log(`no platform at ${baseUrl}; starting one`);
  started = await startPlatform({ host: hostname, port: Number(port || 80), dataDir });
}

try {
  const identity = await LocalIdentityIssuer.open(join(dataDir, 'identity', 'signing-key.json'));
  const api = new GraphQLClient(`${baseUrl}/graphql`);
  const platformAdmin = {
    token: await identity.mint({ role: 'platform-admin', subject: 'demo-platform-admin' }),
  };

  log('creating the institution (platform admin)');
  const { createInstitution: institution } = await api.call<{
    createInstitution: { id: string; name: string; profileUrl: string };
  }>(
    `mutation ($input: CreateInstitutionInput!) {
      createInstitution(input: $input) { id name profileUrl }
    }`,
    { input: demoInstitution },
    platformAdmin,
  );
  const issuerAdmin = {
    token: await identity.mint({
      role: 'issuer-admin',
      institutionId: institution.id,
      subject: 'demo-issuer-admin',
    }),
  };

  log('designing the micro-credentials (issuer admin)');
  const microCredentials: {
    id: string;
    name: string;
    status: string;
    version: number;
    designVersion: number;
  }[] = [];
  for (const design of demoDesigns) {
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
  const qaCallers: QaCallers = {
    admin: issuerAdmin,
    reviewerFor: async (role) => ({
      token: await identity.mint({
        role: 'qa-reviewer',
        institutionId: institution.id,
        qaRoles: [role],
        subject: `demo-reviewer-${role}`,
        name: `Demo ${role} reviewer`,
      }),
    }),
  };
  const reviews: {
    microCredentialId: string;
    reviewId: string;
    status: string;
    decisions: number;
  }[] = [];
  for (const design of microCredentials) {
    const { review, decisions } = await approveDesign(api, design.id, qaCallers);
    reviews.push({
      microCredentialId: design.id,
      reviewId: review.id,
      status: review.status,
      decisions,
    });
    log(`publishing ${design.name}`);
    const published = await publishDesign(api, design.id, issuerAdmin);
    Object.assign(design, { status: published.status, version: published.version });
  }

  const summary = {
    graphql: `${baseUrl}/graphql`,
    issuer: { id: institution.id, name: institution.name, url: institution.profileUrl },
    microCredentials,
    reviews,
  };
  console.log(JSON.stringify(summary));
} finally {
  await started?.stop();
}
