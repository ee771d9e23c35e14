import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { UserPrincipal } from '../../functions/core/auth/principal';
import type { Container } from '../../functions/composition/container';
import { demoDesigns, demoInstitution } from './demo-content';

const seedRecord = z.object({ institutionId: z.string(), microCredentialIds: z.array(z.string()) });
export type SeedRecord = z.infer<typeof seedRecord>;

const seeder: UserPrincipal = {
  kind: 'user',
  userId: 'local-seed',
  roles: ['platform-admin'],
  qaRoles: [],
};

/** Reads what an earlier seed created, if the record exists. */
export function readSeedRecord(file: string): SeedRecord | null {
  try {
    return seedRecord.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

/**
 * Seeds a demo institution with draft designs, once: the record file remembers what was made,
 * and a restart (data kept) finds it and does nothing.
 */
export async function seedDemoInstitution(
  container: Container,
  recordFile: string,
): Promise<SeedRecord> {
  const existing = readSeedRecord(recordFile);
  if (existing && (await container.services.institutions.find(existing.institutionId)))
    return existing;

  const { services } = container;
  const institution = await services.institutions.create(seeder, demoInstitution);
  const admin: UserPrincipal = {
    ...seeder,
    roles: ['issuer-admin'],
    institutionId: institution.id,
  };
  const microCredentialIds: string[] = [];
  for (const design of demoDesigns) {
    const created = await services.microCredentials.create(admin, {
      ...design,
      institutionId: institution.id,
    });
    microCredentialIds.push(created.id);
  }
  const record = { institutionId: institution.id, microCredentialIds };
  mkdirSync(dirname(recordFile), { recursive: true });
  writeFileSync(recordFile, JSON.stringify(record, null, 2));
  return record;
}
