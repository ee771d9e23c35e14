import { join } from 'node:path';
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
