import { join } from 'node:path';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { documentLoader } from '../../functions/adapters/proofs/contexts';
import { designOf, operations } from '../../infra/local/portal-flows';
import type { Caller, GraphQLClient } from '../../infra/local/graphql-client';
import { demoInstitution } from '../../infra/local/demo-content';
import { readSeedRecord } from '../../infra/local/seed';

export interface DemoInstitution {
  id: string;
  name: string;
  profileUrl: string;
  /** True when the demo used the institution `npm start` seeded rather than creating one. */
  seeded: boolean;
}

/**
 * The institution the demo works in: the one `npm start` seeded (so `npm run token`, which
 * defaults to it, reaches everything the demo makes, and one name stays one institution), or,
 * on a platform without that seed, a new one.
 */
export async function demoInstitutionOn(
  api: GraphQLClient,
  platformAdmin: Caller,
  dataDir: string,
): Promise<DemoInstitution> {
  const seeded = readSeedRecord(join(dataDir, 'seed.json'));
  if (seeded) {
    const { institution } = await api.call<{
      institution: { id: string; name: string; profileUrl: string } | null;
    }>('query ($id: ID!) { institution(id: $id) { id name profileUrl } }', {
      id: seeded.institutionId,
    });
    if (institution) return { ...institution, seeded: true };
  }
  const { createInstitution } = await api.call<{
    createInstitution: { id: string; name: string; profileUrl: string };
  }>(
    `mutation ($input: CreateInstitutionInput!) {
      createInstitution(input: $input) { id name profileUrl }
    }`,
    { input: demoInstitution },
    platformAdmin,
  );
  return { ...createInstitution, seeded: false };
}

const verify = `query ($input: VerifyCredentialInput!) { verifyCredential(input: $input) { verified status } }`;

/** One verification, asked again while the verifier is busy (as a portal would on 503). */
async function verifyOnce(
  api: GraphQLClient,
  input: Record<string, unknown>,
): Promise<{ verified: boolean; status: string }> {
  for (let attempt = 1; ; attempt += 1) {
    const result = await api.request<{ verifyCredential: { verified: boolean; status: string } }>(
      verify,
      { input },
    );
    if (result.data?.verifyCredential) return result.data.verifyCredential;
    const busy = result.errors?.some((error) => error.extensions?.code === 'SERVICE_UNAVAILABLE');
    if (!busy || attempt >= 20)
      throw new Error(`verifyCredential failed: ${JSON.stringify(result.errors)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * `verifyCredential` as a verifier calls it, on an issued credential, on a copy of it with the
 * recipient's name changed (the proof no longer matches), and on a revoked one.
 */
export async function demoVerifications(
  api: GraphQLClient,
  credentials: readonly { id: string; url: string; status: string; kind: string }[],
  log: (message: string) => void,
) {
  const issued = credentials.find((c) => c.status === 'ACTIVE' && c.kind !== 'stacked');
  const revoked = credentials.find((c) => c.status === 'REVOKED');
  if (!issued || !revoked) return null;
  const document = (await (
    await fetch(issued.url, { headers: { accept: 'application/ld+json' } })
  ).json()) as { credentialSubject?: Record<string, unknown> };
  const tampered = {
    ...document,
    credentialSubject: { ...document.credentialSubject, name: 'Someone Else' },
  };
  const results = {
    issued: await verifyOnce(api, { id: issued.id }),
    tampered: await verifyOnce(api, { credential: tampered }),
    revoked: await verifyOnce(api, { id: revoked.id }),
  };
  log(
    `verifyCredential: issued ${results.issued.status}, tampered ${results.tampered.status}, revoked ${results.revoked.status}`,
  );
  return results;
}

/**
 * Publishing before any industry endorsement, as an issuer admin would try it: the platform
 * refuses with a stable code. Throws if the publication went through.
 */
export async function demoRefusedPublication(
  api: GraphQLClient,
  design: { id: string; name: string },
  caller: Caller,
  log: (message: string) => void,
): Promise<string> {
  const { version } = await designOf(api, design.id, caller);
  const result = await api.request(operations.publish, { id: design.id, v: version }, caller);
  const code = result.errors?.[0]?.extensions?.errorCode ?? result.errors?.[0]?.extensions?.code;
  if (typeof code !== 'string') throw new Error('publishing without an endorsement was accepted');
  log(`publishing ${design.name} before any endorsement is refused: ${code}`);
  return code;
}

/** The learner hides her name, makes a credential private, then shares it by a link. */
export async function demoPrivacy(
  api: GraphQLClient,
  learner: Caller,
  credentialId: string,
  log: (message: string) => void,
) {
  const { setCredentialVisibility: privacy } = await api.call<{
    setCredentialVisibility: { visibility: string; showName: boolean };
  }>(
    `mutation ($id: ID!) {
      setCredentialVisibility(id: $id, visibility: PRIVATE, showName: false) { visibility showName }
    }`,
    { id: credentialId },
    learner,
  );
  const { createShareLink } = await api.call<{
    createShareLink: { url: string; link: { expiresAt: string } };
  }>(
    `mutation ($id: ID!) { createShareLink(credentialId: $id, expiresInDays: 7) { url link { expiresAt } } }`,
    { id: credentialId },
    learner,
  );
  log(
    `learner privacy: ${privacy.visibility}, name shown ${privacy.showName}; share link ${createShareLink.url}`,
  );
  return {
    privacy,
    shareLink: createShareLink.url,
    shareLinkExpiresAt: createShareLink.link.expiresAt,
  };
}

const bulkJob = `query ($id: ID!) {
  bulkIssuanceJob(id: $id) { status total succeeded failed failures(first: 10) { nodes { row errorCode } } }
}`;

interface BulkJob {
  status: string;
  total: number;
  succeeded: number;
  failed: number;
  failures: { nodes: { row: number; errorCode: string }[] };
}

/** A cohort of three, one row without a valid email: two issued, the bad row reported. */
export async function demoBulkIssuance(
  api: GraphQLClient,
  microCredentialId: string,
  caller: Caller,
  log: (message: string) => void,
) {
  const recipients = [
    { email: 'katherine.johnson@example.org', name: 'Katherine Johnson' },
    { email: 'not-an-email', name: 'Bad Row' },
    { email: 'dorothy.vaughan@example.org', name: 'Dorothy Vaughan' },
  ];
  const { startBulkIssuance } = await api.call<{ startBulkIssuance: { id: string } }>(
    `mutation ($input: BulkIssuanceInput!) { startBulkIssuance(input: $input) { id } }`,
    { input: { microCredentialId, recipients, idempotencyKey: 'demo-cohort-first-hour' } },
    caller,
  );
  // The worker processes the job in the background; wait at most a minute.
  let job: BulkJob | null = null;
  for (let attempt = 0; attempt < 120; attempt += 1) {
    ({ bulkIssuanceJob: job } = await api.call<{ bulkIssuanceJob: BulkJob | null }>(
      bulkJob,
      { id: startBulkIssuance.id },
      caller,
    ));
    if (job?.status.startsWith('COMPLETED')) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (!job?.status.startsWith('COMPLETED'))
    throw new Error(`bulk job ${startBulkIssuance.id} did not finish: ${job?.status}`);
  const failures = job.failures.nodes.map((f) => `row ${f.row} ${f.errorCode}`).join(', ');
  log(`bulk issuance: ${job.succeeded} issued, ${job.failed} failed (${failures})`);
  return {
    id: startBulkIssuance.id,
    status: job.status,
    issued: job.succeeded,
    failed: job.failed,
    failures: job.failures.nodes,
  };
}

/**
 * A credential from another issuer (identified by a did:key, signed with eddsa-rdfc-2022 by
 * Digital Bazaar's issuer) imported into the learner's backpack after verification.
 */
export async function demoBackpackImport(
  api: GraphQLClient,
  learner: Caller,
  log: (message: string) => void,
) {
  const keyPair = await Ed25519Multikey.generate();
  const did = `did:key:${keyPair.publicKeyMultibase}`;
  keyPair.controller = did;
  keyPair.id = `${did}#${keyPair.publicKeyMultibase}`;
  const credential = await vc.issue({
    credential: {
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      id: `urn:uuid:${crypto.randomUUID()}`,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: did, type: ['Profile'], name: 'Elsewhere University' },
      validFrom: '2025-01-01T00:00:00Z',
      name: 'Data Literacy',
      credentialSubject: {
        type: ['AchievementSubject'],
        achievement: {
          id: 'https://elsewhere.example.edu/achievements/data-literacy',
          type: ['Achievement'],
          name: 'Data Literacy',
          description: 'Reads and questions data.',
          criteria: { narrative: 'Completed the course.' },
        },
      },
    },
    suite: new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite: eddsaRdfc2022 }),
    documentLoader,
  });
  const { importCredential } = await api.call<{
    importCredential: { id: string; name: string; issuerName: string; status: string };
  }>(
    `mutation ($input: VerifyCredentialInput!) {
      importCredential(input: $input) { id name issuerName status }
    }`,
    { input: { credential } },
    learner,
  );
  log(
    `backpack import: "${importCredential.name}" from ${importCredential.issuerName} (${importCredential.status})`,
  );
  return importCredential;
}
