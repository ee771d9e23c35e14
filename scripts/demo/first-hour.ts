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
